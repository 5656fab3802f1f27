import { useEmbeddedStorage } from '../test/support/storage-fixture';
import { StateConflictError } from './bot-state-store';

const fixture = useEmbeddedStorage();

describe('BotStateStore', () => {
  it('round-trips state objects by key, including keys with characters Azure Tables forbids', async () => {
    const store = fixture().storage.botState;
    const key = 'msteams/conversations/a:personal#1?x/';
    expect(await store.read([key])).toEqual({});
    await store.write({ [key]: { dialogState: { stack: [{ id: 'campaignWizard', state: { step: 'items' } }] } } });
    const read = await store.read([key, 'other']);
    expect(Object.keys(read)).toEqual([key]);
    expect(read[key]).toMatchObject({ dialogState: { stack: [{ id: 'campaignWizard', state: { step: 'items' } }] } });
    expect(typeof read[key]?.eTag).toBe('string');
  });

  it('splits large state over several properties and reads it back whole', async () => {
    const store = fixture().storage.botState;
    const big = { text: 'ä'.repeat(70_000) };
    await store.write({ big: { ...big, eTag: '*' } });
    expect((await store.read(['big'])).big?.text === big.text).toBe(true);
    await expect(store.write({ huge: { text: 'x'.repeat(1_000_000) } })).rejects.toThrow(RangeError);
  });

  it('refuses a write with an outdated eTag, so a concurrent turn never silently overwrites', async () => {
    const store = fixture().storage.botState;
    await store.write({ k: { n: 1 } });
    const first = (await store.read(['k'])).k!;
    await store.write({ k: { n: 2, eTag: first.eTag } });
    await expect(store.write({ k: { n: 3, eTag: first.eTag } })).rejects.toBeInstanceOf(StateConflictError);
    expect((await store.read(['k'])).k).toMatchObject({ n: 2 });
  });

  it('deletes state, and deleting what is not there is fine', async () => {
    const store = fixture().storage.botState;
    await store.write({ gone: { n: 1 } });
    await store.delete(['gone', 'never-there']);
    expect(await store.read(['gone'])).toEqual({});
  });
});
