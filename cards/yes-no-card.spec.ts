import { draftOf } from '../core/campaigns/campaign-posts';
import type { Item } from '../core/items';
import { samplePoll } from '../test/support/sample-items';
import { interactive, stringsIn } from '../test/support/card-nodes';
import { buildItemCard } from './item-card';

const item: Item = samplePoll({
  id: '3f2b8c1e-0d4a-4e8b-9c7f-1a2b3c4d5e6f',
  ...draftOf({ type: 'yesno', question: 'Passt der neue Dienstplan?', anonymous: false } as never),
  locale: 'en',
});
const card = (locale: 'de' | 'en') =>
  buildItemCard({
    item,
    locale,
    participants: 0,
    minGroupSize: 5,
    timeZone: 'Europe/Berlin',
    tally: { counts: [0, 0], voters: 0 },
  });

describe('a yes/no card', () => {
  test('shows Ja/Nein buttons to German readers even when posted by someone writing English', () => {
    expect(interactive(card('de')).map((a) => a.title)).toEqual(expect.arrayContaining(['Ja', 'Nein']));
    expect(stringsIn(card('de'))).not.toContain('Yes');
  });

  test('shows Yes/No buttons to English readers', () => {
    expect(interactive(card('en')).map((a) => a.title)).toEqual(expect.arrayContaining(['Yes', 'No']));
    expect(stringsIn(card('en'))).not.toContain('Ja');
  });
});
