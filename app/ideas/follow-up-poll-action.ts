import { createHash } from 'node:crypto';
import type { IdeasPorts } from './ports';
import { buildMessageCard } from '../../cards/message-card';
import { asAttachment } from '../../cards/render';
import { VERBS } from '../../core/card-actions';
import { validateDraft } from '../../core/commands';
import type { IdeaView } from '../../core/ideas/idea-view';
import { followUpPollDraft } from '../../core/ideas/ranking';
import { targetLabel } from '../../core/installations';
import type { ItemDraft } from '../../core/items';
import { messages } from '../../core/messages';
import { fail, ok } from '../../core/problems';
import { effectiveMinGroupSize, ideaTextsVisible } from '../../core/tally';
import { managesTeam } from '../teams';
import { promptState } from './idea-board';
import { publishItem } from '../polls';
import type { ActionHandler } from '../ports/turn';

/** the id of a follow-up poll: the same poll over the same prompt is posted once, however often the button is pressed. */
export function followUpItemId(promptId: string, draft: ItemDraft): string {
  return `followup-${createHash('sha256')
    .update(`${promptId}|${JSON.stringify(draft)}`)
    .digest('hex')
    .slice(0, 40)}`;
}

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
  const itemId = followUpItemId(prompt.id, valid.value);
  const already = (await s.storage.items.get(itemId))?.activityId !== undefined;
  const posted = await publishItem(
    s,
    valid.value,
    { team, channelId: prompt.channelId },
    { aadObjectId: personId, locale: prompt.locale, itemId },
  );
  if (!already) {
    await s.storage.audit.record({
      actorId: personId,
      ...(facts.userName ? { actorName: facts.userName } : {}),
      action: 'idea.followUpPoll',
      target: posted.id,
      details: { prompt: prompt.id, team: prompt.teamId, options: posted.options.length, maxPicks },
      at: s.now(),
    });
    s.log.info(
      { itemId: posted.id, promptId: prompt.id, options: posted.options.length, maxPicks, by: personId },
      'follow-up poll posted',
    );
  }
  const m = messages(facts.locale);
  const where = targetLabel(team, channel, facts.locale);
  return ok(
    asAttachment(
      buildMessageCard(already ? m.ideaFollowUpAlready(where) : m.ideaFollowUpPosted(where), [
        posted.question,
        ...posted.options.map((o) => `• ${o}`),
      ]),
    ),
  );
};
