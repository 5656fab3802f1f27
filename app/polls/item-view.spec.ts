import { buildItemCard } from '../../cards/item-card';
import { asAttachment } from '../../cards/render';
import type { Item } from '../../core/items';
import { emptyTally } from '../../core/tally';
import type { Storage } from '../../storage/open-storage';
import { samplePoll } from '../../test/support/sample-items';
import { renderItemCard } from './item-view';

const options = { locale: 'de' as const, minGroupSize: 5, timeZone: 'Europe/Berlin' };
/** storage that must not be read: an unanswered card needs nothing from it. */
const noStorage = new Proxy(
  {},
  {
    get: () => {
      throw new Error('storage read');
    },
  },
) as Storage;

describe('renderItemCard for an item nobody answered yet', () => {
  test('builds exactly the card a fresh build gives, for each of many items with the same content', async () => {
    const base = samplePoll({ closesAt: new Date('2026-12-14T16:00:00Z') });
    for (const id of ['a1', 'b2', 'c3']) {
      const item: Item = { ...base, id };
      const card = await renderItemCard(noStorage, item, { ...options, unanswered: true });
      expect(card).toEqual(
        asAttachment(buildItemCard({ item, ...options, tally: emptyTally(item.options.length), participants: 0 })),
      );
      expect(JSON.stringify(card)).toContain(`"itemId":"${id}"`);
    }
  });

  test('builds an idea prompt with no ideas and no participants', async () => {
    const item: Item = { ...samplePoll(), id: 'i1', kind: 'idea', options: [], anonymous: false };
    const card = await renderItemCard(noStorage, item, { ...options, unanswered: true });
    expect(card).toEqual(asAttachment(buildItemCard({ item, ...options, ideaCount: 0, participants: 0 })));
  });

  test('builds a new card when the content differs, not the cached one', async () => {
    const base = samplePoll();
    const first = await renderItemCard(noStorage, { ...base, id: 'x1' }, { ...options, unanswered: true });
    const other = await renderItemCard(
      noStorage,
      { ...base, id: 'x2', question: 'Eine andere Frage?' },
      { ...options, unanswered: true },
    );
    expect(JSON.stringify(first)).not.toContain('Eine andere Frage?');
    expect(JSON.stringify(other)).toContain('Eine andere Frage?');
  });
});
