import { VERBS } from '../../core/card-actions';
import type { PollsPorts } from './ports';
import { ok } from '../../core/problems';
import { renderItemCard } from './item-view';
import { memberItem } from './item-access';
import type { ActionHandler } from '../ports/turn';

/** shows the current state of an item card (Universal Actions refresh), to members of the item's team only. */
export const refreshAction: ActionHandler<typeof VERBS.refresh, PollsPorts> = async (turn, payload) => {
  const { s, facts } = turn;
  const loaded = await memberItem(turn, payload.itemId);
  if (!loaded.ok) return loaded;
  const item = loaded.value;
  const ownChoices =
    item.kind === 'poll' && !item.anonymous ? await s.storage.responses.namedVote(item, turn.personId) : undefined;
  return ok(
    await renderItemCard(s.storage, item, {
      locale: facts.locale,
      minGroupSize: s.config.minGroupSize,
      timeZone: s.config.timeZone,
      ownChoices,
    }),
  );
};
