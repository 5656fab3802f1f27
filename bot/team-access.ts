import type { TeamRecord } from '../core/installations';
import { fail, ok, type Outcome, type ProblemKey } from '../core/problems';
import { leadsTeam } from './ideas/idea-access';
import type { BotServices } from './services';
import type { TurnFacts } from './turn-facts';

/** what a click acts on: an item (poll, rating, idea prompt), an idea, or a team's ideas as a whole. */
export type TeamThing = 'item' | 'idea' | 'team';

const REFUSALS: Record<TeamThing, { notMember: ProblemKey; otherTeam: ProblemKey }> = {
  item: { notMember: 'errNotItemTeamMember', otherTeam: 'errItemOtherTeam' },
  idea: { notMember: 'errNotTeamMember', otherTeam: 'errIdeaOtherTeam' },
  team: { notMember: 'errNotTeamMember', otherTeam: 'errIdeaOtherTeam' },
};

/**
 * the one rule for acting on something of a team — answering an item, seeing its results, submitting, supporting
 * or volunteering for an idea, listing the team's ideas: the person (the activity's AAD object id, never card
 * data) must be on the team's roster or lead the team, wherever the click comes from (the team's own channels,
 * which may be shared with outsiders, another team's channel, the personal chat, a group chat). Being an admin does
 * not count. The roster is read from Teams and kept for a few minutes (TeamMembership), so a busy poll costs one
 * read per team, not one per vote. When Teams does not give the roster, the click is refused with "try again
 * later" instead of let through. A member's click on a card that sits in another team's channel is refused too.
 * Returns the installed team.
 */
export async function teamAccess(s: BotServices, facts: Pick<TurnFacts, 'teamId'>, teamId: string, personId: string, thing: TeamThing): Promise<Outcome<TeamRecord>> {
  const team = await s.storage.installations.getTeamRecent(teamId);
  if (!team?.active) return fail('errUnknownTarget');
  const membership = await s.membership.membership(team, personId);
  if (membership !== 'member' && !(await leadsTeam(s, teamId, personId))) {
    return fail(membership === 'unknown' ? 'errMembershipUnavailable' : REFUSALS[thing].notMember);
  }
  if (facts.teamId !== undefined && facts.teamId !== teamId) return fail(REFUSALS[thing].otherTeam);
  return ok(team);
}
