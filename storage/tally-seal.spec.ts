import { randomUUID } from 'node:crypto';
import { samplePoll } from '../test/support/sample-items';
import { useEmbeddedStorage } from '../test/support/storage-fixture';

const fixture = useEmbeddedStorage();
const person = (i: number) => ({ aadObjectId: `aad-seal-${i}-${randomUUID()}`, name: `Person ${i}` });

describe('sealing a tally when a poll closes', () => {
  test('refuses every vote after the seal, named or anonymous, and keeps the result', async () => {
    const { storage } = fixture();
    for (const anonymous of [false, true]) {
      const item = samplePoll({ anonymous });
      for (let i = 0; i < 5; i++) await storage.responses.castVote(item, person(i), [i === 4 ? 1 : 0], new Date());
      expect(await storage.responses.seal(item, new Date())).toEqual({ counts: [4, 1, 0], voters: 5 });
      expect((await storage.responses.castVote(item, person(9), [1], new Date())).status).toBe('closed');
      expect(await storage.responses.tally(item)).toEqual({ counts: [4, 1, 0], voters: 5 });
    }
  });

  test('keeps only the number of voters of an anonymous poll closed below the minimum group: its counts could never be shown', async () => {
    const { storage } = fixture();
    const item = samplePoll({ anonymous: true });
    for (let i = 0; i < 4; i++) await storage.responses.castVote(item, person(i), [0], new Date());
    expect(await storage.responses.seal(item, new Date())).toEqual({ counts: [0, 0, 0], voters: 4 });
    expect(await storage.responses.tally(item)).toEqual({ counts: [0, 0, 0], voters: 4 });
  });

  test('seals a poll nobody answered', async () => {
    const { storage } = fixture();
    const item = samplePoll({ anonymous: true });
    await storage.responses.seal(item, new Date());
    expect((await storage.responses.castVote(item, person(1), [2], new Date())).status).toBe('closed');
    expect(await storage.responses.tally(item)).toEqual({ counts: [0, 0, 0], voters: 0 });
  });

  test('counts exactly the votes that were acknowledged when votes race the seal', async () => {
    const { storage } = fixture();
    const item = samplePoll({ anonymous: true });
    const votes = Array.from({ length: 12 }, (_, i) =>
      storage.responses.castVote(item, person(i), [i % 3], new Date()),
    );
    const sealed = new Promise((r) => setTimeout(r, 5)).then(() => storage.responses.seal(item, new Date()));
    const outcomes = await Promise.all(votes);
    const final = await sealed;
    const recorded = outcomes.filter((o) => o.status === 'recorded').length;
    expect(final?.voters).toBe(recorded);
    expect(await storage.responses.tally(item)).toEqual(final);
    expect(outcomes.every((o) => o.status === 'recorded' || o.status === 'closed')).toBe(true);
  });
});
