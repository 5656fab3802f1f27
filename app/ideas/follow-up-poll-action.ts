import type { IdeasPorts } from './ports';
import { VERBS } from '../../core/card-actions';
import { validateDraft } from '../../core/commands';
import type { IdeaView } from '../../core/ideas/idea-view';
import { followUpPollDraft } from '../../core/ideas/ranking';
import { fail, ok } from '../../core/problems';
import { effectiveMinGroupSize, ideaTextsVisible } from '../../core/tally';
import { managesTeam } from '../teams';
import { promptState } from './idea-board';
import type { ActionHandler } from '../ports/turn';
import { postFollowUpPoll } from './follow-up-post';

/**
 * a leader of the prompt's team (or an admin) turns the most supported ideas of an idea prompt into a poll
 * ("Welche drei Maßnahmen sollen wir zuerst umsetzen?"): multiple choice limited to the picks asked for, posted
 * into the prompt's channel, anonymous when the prompt was. Ideas of an anonymous prompt are used only when they
 * may be shown at all (closed, from the minimum group size).
 */
export const followUpPollAction: ActionHandler<typeof VERBS.followUpPoll, IdeasPorts> = async (turn, payload) => {
  const { s, facts, personId } = turn;
  const prompt = await s.storage.items.get(payload.itemId);
  if (!prompt) return fail('errItemNotFound');
  if (prompt.kind !== 'idea') return fail('errWrongItemKind');
  if (facts.teamId !== undefined && prompt.teamId !== facts.teamId) return fail('errItemOtherTeam');
  if (!(await managesTeam(s, prompt.teamId, personId))) return fail('errFollowUpNotManager');
  const state = await promptState(s, prompt);
  if (!ideaTextsVisible(state, s.config.minGroupSizeText))
    return fail('errFollowUpHidden', effectiveMinGroupSize(s.config.minGroupSizeText));
  const views: IdeaView[] = (await s.storage.ideas.ofItem(prompt.id)).map((r) => ({
    ideaId: r.ideaId,
    itemId: prompt.id,
    text: r.text,
    status: r.status,
    supportCount: r.supportCount,
    volunteers: [],
    anonymous: r.anonymous,
    createdAt: r.createdAt,
    promptParticipants: state.participants,
    promptClosed: state.closed,
  }));
  const drafted = followUpPollDraft(prompt.locale, views, {
    topN: payload.topN,
    maxPicks: payload.maxPicks,
    anonymous: prompt.anonymous,
  });
  if (!drafted.ok) return drafted;
  const { draft: poll, maxPicks } = drafted.value;
  const valid = validateDraft(maxPicks > 1 ? { ...poll, maxChoices: maxPicks } : poll);
  if (!valid.ok) return valid;
  const team = await s.storage.installations.getTeam(prompt.teamId);
  const channel = team?.active ? await s.storage.installations.getChannel(prompt.teamId, prompt.channelId) : undefined;
  if (!team?.active || !channel?.active) return fail('errUnknownTarget');
  return ok(
    await postFollowUpPoll(turn, valid.value, {
      team,
      channel,
      sourceKey: prompt.id,
      locale: prompt.locale,
      audit: { prompt: prompt.id, team: prompt.teamId, options: valid.value.options.length, maxPicks },
      log: {
        fields: { promptId: prompt.id, options: valid.value.options.length, maxPicks },
        message: 'follow-up poll posted',
      },
    }),
  );
};
