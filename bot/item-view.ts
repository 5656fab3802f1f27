import { asAttachment, type CardAttachment } from '../cards/render';
import { buildItemCard, type CardNotice } from '../cards/item-card';
import type { Item } from '../core/items';
import type { Locale } from '../core/locale';
import type { Tally } from '../core/tally';
import type { Storage } from '../storage/open-storage';

/** reads what an item card shows (tally, or idea count and participants) and builds it; a tally just written can be passed in. */
export async function renderItemCard(
  storage: Storage,
  item: Item,
  options: { locale: Locale; minGroupSize: number; timeZone: string; notice?: CardNotice; ownChoices?: number[]; tally?: Tally },
): Promise<CardAttachment> {
  if (item.kind === 'poll') {
    const tally = options.tally ?? (await storage.responses.tally(item));
    return asAttachment(buildItemCard({ item, tally, participants: tally.voters, ...options }));
  }
  const stats = await storage.responses.ideaStats(item);
  return asAttachment(buildItemCard({ item, ideaCount: stats.ideas, participants: stats.participants, ...options }));
}
