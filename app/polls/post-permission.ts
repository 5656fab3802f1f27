import type { RoleGrant } from '../../storage/role-repository';
import type { PollsPorts } from './ports';

type PermissionPorts = Pick<PollsPorts, 'config' | 'isAdmin' | 'storage'>;

/**
 * the one rule for who may post (and close) ad-hoc polls and prompts in a team: admins always, the team's leaders
 * (stored leader grants) when LEADERS_MAY_POST is on (the default). Used by the chat commands, the personal chat's
 * target picker and the posting form (message extension and dialog).
 */
export async function mayPostIn(s: PermissionPorts, teamId: string, personId: string): Promise<boolean> {
  if (await s.isAdmin(personId)) return true;
  return s.config.leadersMayPost && leads(await s.storage.roles.leadersOf(teamId), personId);
}

/**
 * the same rule for what a card shows ("Schließen" in a person's own view), with the team's leaders already read and
 * the admin grant as read a few seconds ago: every viewer's client asks after each shared update. Closing itself
 * checks with mayPostIn.
 */
export async function mayPostAmong(
  s: PermissionPorts,
  personId: string,
  leaders: readonly RoleGrant[],
): Promise<boolean> {
  if (await s.isAdmin(personId, { recently: true })) return true;
  return s.config.leadersMayPost && leads(leaders, personId);
}

const leads = (leaders: readonly RoleGrant[], personId: string) => leaders.some((g) => g.personId === personId);
