import type { Item } from '../core/items';
import type { BotServices } from './services';

/**
 * closes an item (idempotent), seals a poll's tally, writes the pending anonymous voter roll so the final count
 * is complete, and updates the posted card in place with the final results. Used by `schließen` and by the scheduler.
 */
export async function closeItem(s: BotServices, itemId: string): Promise<Item> {
  const item = await s.storage.items.close(itemId, s.now());
  if (item.kind === 'poll') await s.storage.responses.seal(item); // the final result: no late vote changes it
  if (item.anonymous && item.kind === 'idea') await s.storage.participation.flush();
  await s.refresher.refreshNow(itemId);
  s.log.info({ itemId }, 'item closed');
  return item;
}
