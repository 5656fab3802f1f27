import { VERBS } from '../core/card-actions';
import { LIMITS } from '../core/items';
import { MAX_BODY_BYTES } from '../bot/server';
import { people, personalActivity, startBotHarness, type BotHarness, type Person } from './support/bot-harness';
import { tableCensus } from './support/table-census';
import { postItem, type PostedItem } from './support/turn-helpers';

const [alice] = people(1) as [Person];
let h: BotHarness;
let idea: PostedItem;

beforeAll(async () => {
  h = await startBotHarness();
  await h.installInTeam();
  idea = await postItem(h, 'ideenabfrage Was können wir besser machen?');
});
afterAll(async () => {
  await h.stop();
});

const message = (change: Record<string, unknown> = {}) => ({ ...personalActivity(h, alice), ...change });
/** a nested array `depth` levels deep, as JSON text. */
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('request limits', () => {
  test('refuses a body over 256 KB with 413 and stores nothing', async () => {
    const before = await tableCensus(h.storage);
    const result = await h.post(message({ text: 'x'.repeat(MAX_BODY_BYTES) }));
    expect(result.status).toBe(413);
    expect(await tableCensus(h.storage)).toEqual(before);
  });

  test('refuses a message text over 28,000 characters with 400', async () => {
    expect((await h.post(message({ text: 'x'.repeat(28_001) }))).status).toBe(400);
  });

  test.each([
    ['a sender name over 512 characters', { from: { id: alice.id, name: 'n'.repeat(513) } }],
    ['an AAD object id over 128 characters', { from: { id: alice.id, aadObjectId: 'a'.repeat(129) } }],
    ['a tenant id over 128 characters', { channelData: { tenant: { id: 't'.repeat(129) } } }],
    ['a conversation tenant id over 128 characters', { conversation: { id: 'a:x', tenantId: 't'.repeat(129) } }],
    ['a locale over 64 characters', { locale: 'de-'.repeat(30) }],
    ['a conversation id over 1024 characters', { conversation: { id: 'c'.repeat(1025) } }],
  ])('refuses %s with 400', async (_case, change) => {
    expect((await h.post(message(change))).status).toBe(400);
  });

  test('refuses an idea over the length limit on the card and stores nothing', async () => {
    const before = await tableCensus(h.storage);
    const result = await h.invoke(
      VERBS.submitIdea,
      { itemId: idea.item.id, ideaText: 'i'.repeat(LIMITS.ideaMax + 1) },
      alice,
    );
    expect(result.status).toBe(200);
    expect(await tableCensus(h.storage)).toEqual(before);
  });

  test('answers a card payload nested thousands of levels deep without a server error', async () => {
    const body = JSON.stringify({
      ...message({ type: 'invoke', name: 'adaptiveCard/action', text: undefined }),
      value: '__V__',
    }).replace('"__V__"', `{"action":{"type":"Action.Execute","verb":"${VERBS.vote}","data":${nested(20_000)}}}`);
    const result = await h.post(body);
    expect(result.status).toBeLessThan(500);
    expect((await h.post(message())).status).toBe(200);
  });
});
