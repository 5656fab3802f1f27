import type { Item, ItemKind } from '../../core/items';
import type { PollsPorts } from './ports';
import { isOpen } from '../../core/items';
import { fail, ok, type Outcome } from '../../core/problems';
import type { Turn } from '../ports/turn';
import { teamAccess } from '../teams';

/**
 * loads the item a card shows, for a member of its team (teamAccess). `recent`: the item may be a few seconds old.
 */
export async function memberItem(turn: Turn<PollsPorts>, itemId: string, recent = false): Promise<Outcome<Item>> {
  const item = await (recent ? turn.s.storage.items.getRecent(itemId) : turn.s.storage.items.get(itemId));
  if (!item) return fail('errItemNotFound');
  const access = await teamAccess(turn.s, turn.facts, item, turn.personId, 'item');
  return access.ok ? ok(item) : access;
}

/** loads the item a card answers and checks that the person may answer it, here and now. */
export async function answerableItem(turn: Turn<PollsPorts>, itemId: string, kind: ItemKind): Promise<Outcome<Item>> {
  // a poll's item may be a few seconds old: a close made meanwhile is met in the tally's seal when the vote is written.
  const loaded = await memberItem(turn, itemId, kind === 'poll');
  if (!loaded.ok) return loaded;
  const item = loaded.value;
  if (!isOpen(item, turn.s.now())) return fail('errItemClosed');
  if (item.kind !== kind) return fail('errWrongItemKind');
  return ok(item);
}
