import { VERBS } from '../../core/card-actions';
import type { IdeasPorts } from './ports';
import { messages } from '../../core/messages';
import { fail, ok } from '../../core/problems';
import { answerableItem } from '../polls';
import { renderOwnItemView } from '../polls';
import type { ActionHandler } from '../ports/turn';

/** an idea typed into an idea prompt card: stored (anonymously if the prompt is) and confirmed. */
export const ideaAction: ActionHandler<typeof VERBS.submitIdea, IdeasPorts> = async (turn, payload) => {
  const { s, facts } = turn;
  const loaded = await answerableItem(turn, payload.itemId, 'idea');
  if (!loaded.ok) return loaded;
  const item = loaded.value;
  const submitted = await s.storage.responses.submitIdea(
    item,
    { aadObjectId: turn.personId, name: facts.userName },
    payload.ideaText,
    facts.deliveryKey,
    s.now(),
  );
  if (submitted.status === 'closed') return fail('errItemClosed');
  s.refresher.schedule(item.id);
  s.log.info({ itemId: item.id, ...(item.anonymous ? {} : { personId: turn.personId }) }, 'idea');
  const m = messages(facts.locale);
  const shown = payload.ideaText.length > 200 ? `${payload.ideaText.slice(0, 200)}…` : payload.ideaText;
  const text = `${item.anonymous ? m.yourAnonymousIdea : m.yourIdea(shown)} ${m.anotherIdea}`;
  return ok(await renderOwnItemView(s, item, turn.personId, { locale: facts.locale, notice: { kind: 'good', text } }));
};
