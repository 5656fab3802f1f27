import type { Item } from '../../core/items';
import type { PollsPorts } from './ports';

/**
 * closes an item (idempotent): first its answers — no answer gets in after, a poll's result is counted from every
 * instance's votes and stored for good, an anonymous prompt's ideas are written all at once — then the item itself,
 * so a close cut off halfway is finished by the next one (a closed item is never left with its answers open). Then
 * the posted card is updated in place with the final results. Used by `schließen` and by the scheduler.
 */
export async function closeItem(s: PollsPorts, itemId: string): Promise<Item> {
  const at = s.now();
  const open = await s.storage.items.get(itemId);
  if (open) await s.storage.responses.seal(open, open.closedAt ?? at);
  const item = await s.storage.items.close(itemId, at);
  await s.refresher.refreshNow(itemId);
  s.log.info({ itemId }, 'item closed');
  return item;
}

/** a person closes an item (`schließen`, or Schließen on the card): closed as above, and written to the audit log. */
export async function closeItemAs(
  s: PollsPorts,
  item: Pick<Item, 'id' | 'teamId'>,
  by: { id: string; name?: string },
): Promise<void> {
  await closeItem(s, item.id);
  await s.storage.audit.record({
    actorId: by.id,
    actorName: by.name || undefined,
    action: 'item.close',
    target: item.id,
    details: { team: item.teamId },
    at: s.now(),
  });
}
