import { leadsTeam } from '../teams';
import type { PollsPorts } from './ports';

/**
 * the one rule for who may post (and close) ad-hoc polls and prompts in a team: admins always, the team's leaders
 * (stored leader grants) when LEADERS_MAY_POST is on (the default). Used by the chat commands, the personal chat's
 * target picker and the posting form (message extension and dialog).
 */
export async function mayPostIn(
  s: Pick<PollsPorts, 'config' | 'isAdmin' | 'storage'>,
  teamId: string,
  personId: string,
): Promise<boolean> {
  if (await s.isAdmin(personId)) return true;
  return s.config.leadersMayPost && (await leadsTeam(s, teamId, personId));
}
