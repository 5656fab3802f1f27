import { VERBS } from '../../core/card-actions';
import type { PollsPorts } from './ports';
import { ballotProblem } from '../../core/items';
import { optionLabels } from '../../core/reader-words';
import { messages } from '../../core/messages';
import { fail, ok } from '../../core/problems';
import { renderItemCard } from './item-view';
import { answerableItem } from './item-access';
import type { ActionHandler } from '../ports/turn';

/** a vote on a poll card: recorded (or changed) and confirmed on the card. */
export const voteAction: ActionHandler<typeof VERBS.vote, PollsPorts> = async (turn, payload) => {
  const { s, facts } = turn;
  const loaded = await answerableItem(turn, payload.itemId, 'poll');
  if (!loaded.ok) return loaded;
  const item = loaded.value;
  const invalid = ballotProblem(item, payload.choices);
  if (invalid) return { ok: false, problem: invalid };
  const options = optionLabels(item, facts.locale);
  const result = await s.storage.responses.castVote(
    item,
    { aadObjectId: turn.personId, name: facts.userName },
    payload.choices,
    s.now(),
  );
  if (result.status === 'anonymous-final') return fail('errAnonymousFinal');
  if (result.status === 'closed') return fail('errItemClosed');
  if (result.status === 'recorded') s.refresher.schedule(item.id);
  s.log.info(
    { itemId: item.id, status: result.status, ...(item.anonymous ? {} : { personId: turn.personId }) },
    'vote',
  );
  const m = messages(facts.locale);
  const text = item.anonymous ? m.yourAnonymousVote : m.yourVote(result.choices.map((c) => options[c]).join(', '));
  const card = await renderItemCard(s.storage, item, {
    locale: facts.locale,
    minGroupSize: s.config.minGroupSize,
    timeZone: s.config.timeZone,
    notice: { kind: 'good', text },
    ownChoices: item.anonymous ? undefined : result.choices,
    tally: result.tally,
  });
  return ok(card);
};
