import { buildMessageCard } from '../../cards/message-card';
import { asAttachment } from '../../cards/render';
import { VERBS } from '../../core/card-actions';
import { messages } from '../../core/messages';
import { fail, ok } from '../../core/problems';
import { renderItemCard } from '../polls';
import type { ActionHandler } from '../ports/turn';
import type { ResultsPorts } from './ports';
import { postCampaignResults, postItemResults, postMeasureResults, type ResultsActor } from './post-results';

/**
 * "Ergebnis an das Team posten" on a closed item's card, the campaign list or a measure: a leader of the team or an
 * admin posts the results card (the checks are here, never in card data). On an item's card the answer is the item
 * card with a confirmation on top; elsewhere a short message card.
 */
export const postResultsAction: ActionHandler<typeof VERBS.postResults, ResultsPorts> = async (turn, payload) => {
  const { s, facts } = turn;
  const actor: ResultsActor = { personId: turn.personId, ...(facts.userName && { name: facts.userName }) };
  const m = messages(facts.locale);
  if (payload.kind === 'item') {
    const item = await s.storage.items.get(payload.id);
    if (!item) return fail('errItemNotFound');
    const posted = await postItemResults(s, item, actor);
    if (!posted.ok) return posted;
    return ok(
      await renderItemCard(s.storage, item, {
        locale: facts.locale,
        minGroupSize: s.config.minGroupSize,
        timeZone: s.config.timeZone,
        notice: { kind: 'good', text: m.resultsPosted(posted.value.channels) },
      }),
    );
  }
  const posted =
    payload.kind === 'campaign'
      ? await postCampaignResults(s, payload.id, actor)
      : await postMeasureResults(s, payload.teamId ?? '', payload.id, actor);
  if (!posted.ok) return posted;
  return ok(asAttachment(buildMessageCard(m.resultsBadge, [m.resultsPosted(posted.value.channels)])));
};
