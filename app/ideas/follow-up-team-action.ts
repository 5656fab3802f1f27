import type { VERBS } from '../../core/card-actions';
import { validateDraft } from '../../core/commands';
import type { IdeaRecord } from '../../core/ideas/idea-record';
import type { IdeaView } from '../../core/ideas/idea-view';
import { followUpPollDraft } from '../../core/ideas/ranking';
import { fail, ok } from '../../core/problems';
import type { ActionHandler } from '../ports/turn';
import { channelsVisible, managesTeam, placeOfIdea } from '../teams';
import { postFollowUpPoll } from './follow-up-post';
import { visibleIdea } from './idea-board';
import type { IdeasPorts } from './ports';

/**
 * a leader of the team (or an admin) puts ideas they picked on the digest or the team's ideas card — from several
 * prompts and `idee` ideas, all of one team — to a vote: a poll posted into the team's General channel, where the
 * whole team reads. Each idea must still be open (not declined or done) and may be shown at all (an anonymous
 * prompt's ideas only once closed and from MIN_GROUP_SIZE_TEXT); ideas of a private or shared channel stay with its
 * members and are refused. The poll is anonymous when any of its ideas came from an anonymous prompt, and is posted
 * once however often the button is pressed.
 */
export const followUpTeamAction: ActionHandler<typeof VERBS.followUpPollTeam, IdeasPorts> = async (turn, payload) => {
  const { s, facts, personId } = turn;
  const team = await s.storage.installations.getTeam(payload.teamId);
  if (!team?.active) return fail('errUnknownTarget');
  if (facts.teamId !== undefined && facts.teamId !== team.teamId) return fail('errItemOtherTeam');
  if (!(await managesTeam(s, team.teamId, personId))) return fail('errFollowUpNotManager');
  const found = await Promise.all(payload.ideaIds.map((id) => visibleIdea(s, id)));
  if (found.some((i) => i === undefined || i.teamId !== team.teamId)) return fail('errFollowUpIdeaGone');
  const ideas = found as IdeaRecord[];
  if (ideas.some((i) => i.status === 'declined' || i.status === 'done')) return fail('errFollowUpIdeaDecided');
  const general = team.teamId;
  const shown = await channelsVisible(
    s,
    team,
    { shownIn: general },
    ideas.map((i) => placeOfIdea(i).channelId),
  );
  if (!ideas.every((i) => shown(placeOfIdea(i).channelId))) return fail('errFollowUpIdeaPrivate');
  const views: IdeaView[] = ideas.map((r) => ({
    ideaId: r.ideaId,
    itemId: r.itemId ?? '',
    text: r.text,
    status: r.status,
    supportCount: r.supportCount,
    volunteers: [],
    anonymous: r.anonymous,
    createdAt: r.createdAt,
    promptParticipants: 0,
    promptClosed: true,
  }));
  const drafted = followUpPollDraft(facts.locale, views, {
    topN: ideas.length,
    maxPicks: payload.maxPicks,
    anonymous: ideas.some((i) => i.anonymous),
  });
  if (!drafted.ok) return drafted;
  const { draft: poll, maxPicks } = drafted.value;
  const valid = validateDraft(maxPicks > 1 ? { ...poll, maxChoices: maxPicks } : poll);
  if (!valid.ok) return valid;
  const channel = await s.storage.installations.getChannel(team.teamId, general);
  return ok(
    await postFollowUpPoll(turn, valid.value, {
      team,
      channel: channel ?? { teamId: team.teamId, channelId: general, name: '' },
      sourceKey: `team|${team.teamId}`,
      locale: facts.locale,
      audit: {
        team: team.teamId,
        ideas: ideas.length,
        prompts: new Set(ideas.map((i) => i.itemId ?? 'chat')).size,
        maxPicks,
      },
      log: {
        fields: { teamId: team.teamId, options: valid.value.options.length, maxPicks },
        message: 'follow-up poll over picked ideas posted',
      },
    }),
  );
};
