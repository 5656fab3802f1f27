import { channelOfConversation, type TeamRecord } from '../../core/installations';
import { fail, ok, type Outcome, type ProblemKey } from '../../core/problems';
import { leadsTeam } from './team-roles';
import type { TeamsPorts } from './ports';
import type { TurnFacts } from '../ports/turn';

/** what a click acts on: an item (poll, rating, idea prompt), an idea, or a team's ideas as a whole. */
export type TeamThing = 'item' | 'idea' | 'team';

const REFUSALS: Record<TeamThing, { notMember: ProblemKey; otherTeam: ProblemKey }> = {
  item: { notMember: 'errNotItemTeamMember', otherTeam: 'errItemOtherTeam' },
  idea: { notMember: 'errNotTeamMember', otherTeam: 'errIdeaOtherTeam' },
  team: { notMember: 'errNotTeamMember', otherTeam: 'errIdeaOtherTeam' },
};

/** where the thing acted on was posted: its team, and the channel when it belongs to one. */
export interface TeamPlace {
  teamId: string;
  channelId?: string;
}

/**
 * the one rule for acting on something of a team — answering an item, seeing its results, submitting, supporting
 * or volunteering for an idea, listing the team's ideas: the person (the activity's AAD object id, never card
 * data) must be on the team's roster or lead the team, wherever the click comes from (the team's own channels,
 * which may be shared with outsiders, another team's channel, the personal chat, a group chat). Being an admin does
 * not count. The roster is read from Teams and kept for a few minutes (TeamMembership), so a busy poll costs one
 * read per team, not one per vote. When Teams does not give the roster, the click is refused with "try again
 * later" instead of let through. A member's click on a card that sits in another team's channel is refused too.
 * What sits in a private or shared channel belongs to that channel's members only: there its roster decides, and a
 * leader grant for the team does not reach into it. Returns the installed team.
 */
export async function teamAccess(
  s: Pick<TeamsPorts, 'storage' | 'membership'>,
  facts: Pick<TurnFacts, 'teamId'>,
  place: TeamPlace,
  personId: string,
  thing: TeamThing,
): Promise<Outcome<TeamRecord>> {
  const { teamId } = place;
  const team = await s.storage.installations.getTeamRecent(teamId);
  if (!team?.active) return fail('errUnknownTarget');
  const ownChannel =
    place.channelId !== undefined &&
    place.channelId !== teamId &&
    (await s.membership.hasOwnMembers(team, place.channelId));
  const membership = await s.membership.membership(team, personId, place.channelId);
  if (ownChannel && membership !== 'member')
    return fail(membership === 'unknown' ? 'errChannelMembershipUnavailable' : 'errNotChannelMember');
  if (membership !== 'member' && !(await leadsTeam(s, teamId, personId))) {
    return fail(membership === 'unknown' ? 'errMembershipUnavailable' : REFUSALS[thing].notMember);
  }
  if (facts.teamId !== undefined && facts.teamId !== teamId) return fail(REFUSALS[thing].otherTeam);
  return ok(team);
}

/** the place of an idea: a prompt's idea sits in the prompt's channel (its thread), one sent in chat in the team. */
export function placeOfIdea(idea: { teamId: string; itemId?: string; conversationId?: string }): TeamPlace {
  return idea.itemId !== undefined && idea.conversationId
    ? { teamId: idea.teamId, channelId: channelOfConversation(idea.conversationId) }
    : { teamId: idea.teamId };
}

/**
 * which of a team's channels a view of the team as a whole (its ideas board, a leader's digest) may draw from, given
 * where it is shown. Private and shared channels have members of their own, and what is said there stays with them:
 * a view shown in such a channel draws from that channel only; one shown in General or a standard channel from those
 * channels and from what belongs to the team without a channel (`undefined`); one seen by a person alone (personal
 * chat, digest) adds the private and shared channels that person belongs to.
 */
export async function channelsVisible(
  s: Pick<TeamsPorts, 'membership'>,
  team: TeamRecord,
  where: { shownIn?: string; personId?: string },
  channelIds: Iterable<string | undefined>,
): Promise<(channelId: string | undefined) => boolean> {
  const { shownIn, personId } = where;
  if (shownIn !== undefined && shownIn !== team.teamId && (await s.membership.hasOwnMembers(team, shownIn)))
    return (c) => c === shownIn;
  const distinct = [...new Set([...channelIds].filter((c): c is string => c !== undefined && c !== team.teamId))];
  const own = (
    await Promise.all(distinct.map(async (c) => ((await s.membership.hasOwnMembers(team, c)) ? c : undefined)))
  ).filter((c): c is string => c !== undefined);
  const open = new Set<string>();
  if (shownIn === undefined && personId !== undefined) {
    for (const c of own) if ((await s.membership.membership(team, personId, c)) === 'member') open.add(c);
  }
  const closed = new Set(own.filter((c) => !open.has(c)));
  return (c) => c === undefined || !closed.has(c);
}
