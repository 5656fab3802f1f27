import { VERBS } from '../../core/card-actions';
import type { PollsPorts } from './ports';
import { ok } from '../../core/problems';
import { memberItem } from './item-access';
import { renderOwnItemView } from './own-view';
import type { ActionHandler } from '../ports/turn';

/**
 * the person's own view of an item card (Universal Actions refresh, automatic or from the card's menu), to members of
 * the item's team only; open or closed (then with the final results).
 */
export const refreshAction: ActionHandler<typeof VERBS.refresh, PollsPorts> = async (turn, payload) => {
  const loaded = await memberItem(turn, payload.itemId);
  if (!loaded.ok) return loaded;
  return ok(await renderOwnItemView(turn.s, loaded.value, turn.personId, { locale: turn.facts.locale }));
};
