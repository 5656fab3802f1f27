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

/** the same rule when the team's leaders were read already (an item's own view reads them for its refresh too). */
export async function mayPostAmong(
  s: PermissionPorts,
  personId: string,
  leaders: readonly RoleGrant[],
): Promise<boolean> {
  if (await s.isAdmin(personId)) return true;
  return s.config.leadersMayPost && leads(leaders, personId);
}

const leads = (leaders: readonly RoleGrant[], personId: string) => leaders.some((g) => g.personId === personId);
