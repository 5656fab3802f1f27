import { asAttachment, type CardAttachment } from '../cards/render';
import { buildItemCard, type CardNotice } from '../cards/item-card';
import type { Item } from '../core/items';
import type { Locale } from '../core/locale';
import type { Storage } from '../storage/open-storage';

/** reads what an item card shows (tally or idea count, participants) and builds it. */
export async function renderItemCard(
  storage: Storage,
  item: Item,
  options: { locale: Locale; minGroupSize: number; timeZone: string; notice?: CardNotice; ownChoices?: number[] },
): Promise<CardAttachment> {
  const [tally, ideaCount, participants] = await Promise.all([
    item.kind === 'poll' ? storage.responses.tally(item) : Promise.resolve(undefined),
    item.kind === 'idea' ? storage.responses.ideaCount(item.id) : Promise.resolve(undefined),
    storage.responses.participantCount(item),
  ]);
  return asAttachment(buildItemCard({ item, tally, ideaCount, participants, ...options }));
}
