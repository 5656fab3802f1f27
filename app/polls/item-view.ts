import { randomUUID } from 'node:crypto';
import { asAttachment, type AdaptiveCard, type CardAttachment } from '../../cards/render';
import { buildItemCard, type CardNotice } from '../../cards/item-card';
import { optionsOf, type Item } from '../../core/items';
import type { Locale } from '../../core/locale';
import { emptyTally, type Tally } from '../../core/tally';
import type { Storage } from '../../storage/open-storage';

export interface ItemCardOptions {
  locale: Locale;
  minGroupSize: number;
  timeZone: string;
  notice?: CardNotice;
  ownChoices?: number[];
  /** a person's own view: whether they may close the item (cards/item-card.ts). */
  viewer?: { canClose: boolean };
  /** a tally just written, instead of reading it. */
  tally?: Tally;
  /** the item was created a moment ago and its card not posted yet: nobody answered, nothing to read. */
  unanswered?: boolean;
}

/** reads what an item card shows (tally, or idea count and participants) and builds it. */
export async function renderItemCard(storage: Storage, item: Item, options: ItemCardOptions): Promise<CardAttachment> {
  if (options.unanswered) return asAttachment(unansweredCard(item, options));
  if (item.kind === 'poll') {
    const tally = options.tally ?? (await storage.responses.tally(item));
    return asAttachment(buildItemCard({ item, tally, participants: tally.voters, ...options }));
  }
  const stats = await storage.responses.ideaStats(item);
  return asAttachment(buildItemCard({ item, ideaCount: stats.ideas, participants: stats.participants, ...options }));
}

/** stands in for the item id while a card is cached; a UUID per process cannot occur in real content. */
const ID_PLACEHOLDER = `"item-${randomUUID()}"`;
const UNANSWERED_CARDS_KEPT = 50;
const unansweredCards = new Map<string, string>();

/**
 * the card of a new item nobody has answered yet. A campaign slot posts the same item to many channels, and the
 * cards differ only in the item id (in the actions' data): the card is built once per item content and locale,
 * kept as JSON with a placeholder id, and copied with the real id swapped in (a pure function, memoised).
 */
function unansweredCard(item: Item, options: ItemCardOptions): AdaptiveCard {
  const key = JSON.stringify([
    { ...item, id: undefined },
    options.locale,
    options.minGroupSize,
    options.timeZone,
    options.notice,
    options.ownChoices,
    options.viewer,
  ]);
  let json = unansweredCards.get(key);
  if (json === undefined) {
    const input = { item: { ...item, id: JSON.parse(ID_PLACEHOLDER) as string }, ...options, tally: undefined };
    const card =
      item.kind === 'poll'
        ? buildItemCard({ ...input, tally: emptyTally(optionsOf(item).length), participants: 0 })
        : buildItemCard({ ...input, ideaCount: 0, participants: 0 });
    json = JSON.stringify(card);
    if (unansweredCards.size >= UNANSWERED_CARDS_KEPT)
      unansweredCards.delete(unansweredCards.keys().next().value as string);
    unansweredCards.set(key, json);
  }
  return JSON.parse(json.split(ID_PLACEHOLDER).join(JSON.stringify(item.id))) as AdaptiveCard;
}
