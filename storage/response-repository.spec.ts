import { randomUUID } from 'node:crypto';
import type { EmbeddedTableServer } from './embedded-azurite';
import type { Storage } from './open-storage';
import { samplePoll } from '../test/support/sample-items';
import { useEmbeddedStorage } from '../test/support/storage-fixture';
import { openTables } from './tables';

const fixture = useEmbeddedStorage();
let storage: Storage;
let server: EmbeddedTableServer;
beforeAll(() => {
  ({ storage, server } = fixture());
});

const newItem = samplePoll;
const person = (i: number) => ({ aadObjectId: `aad-person-${i}-${randomUUID()}`, name: `Person Nummer ${i}` });

/** every row of the Responses table that belongs to one item. */
async function responseRows(itemId: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of openTables(server.connectionString).responses.listEntities()) if (row.partitionKey === itemId) rows.push(row);
  return rows;
}

describe('named votes', () => {
  test('records a vote and shows it in the tally', async () => {
    const item = newItem();
    const outcome = await storage.responses.castVote(item, person(1), [0]);
    expect(outcome).toEqual({ status: 'recorded', tally: { counts: [1, 0, 0], voters: 1 }, choices: [0] });
    expect(await storage.responses.tally(item)).toEqual({ counts: [1, 0, 0], voters: 1 });
  });

  test('moves the tally when a person changes a named vote', async () => {
    const item = newItem();
    const who = person(1);
    await storage.responses.castVote(item, who, [0]);
    await storage.responses.castVote(item, who, [2]);
    expect(await storage.responses.tally(item)).toEqual({ counts: [0, 0, 1], voters: 1 });
    expect(await storage.responses.namedVote(item, who.aadObjectId)).toEqual([2]);
  });

  test('counts the same vote sent twice once and reports it unchanged', async () => {
    const item = newItem();
    const who = person(1);
    await storage.responses.castVote(item, who, [1]);
    const again = await storage.responses.castVote(item, who, [1]);
    expect(again.status).toBe('unchanged');
    expect(await storage.responses.tally(item)).toEqual({ counts: [0, 1, 0], voters: 1 });
  });

  test('counts all of 20 concurrent votes from different people', async () => {
    const item = newItem();
    await Promise.all(Array.from({ length: 20 }, (_, i) => storage.responses.castVote(item, person(i), [i % 3])));
    expect(await storage.responses.tally(item)).toEqual({ counts: [7, 7, 6], voters: 20 });
  });

  test('counts a multi-choice voter once with every chosen option', async () => {
    const item = newItem({ pollKind: 'multi' });
    await storage.responses.castVote(item, person(1), [0, 2]);
    expect(await storage.responses.tally(item)).toEqual({ counts: [1, 0, 1], voters: 1 });
  });

  test('counts the voters of a poll as its participants', async () => {
    const item = newItem();
    await storage.responses.castVote(item, person(1), [0]);
    await storage.responses.castVote(item, person(2), [1]);
    expect(await storage.responses.participantCount(item)).toBe(2);
  });
});

describe('anonymous votes', () => {
  test('refuses a second anonymous vote as final and leaves the tally unchanged', async () => {
    const item = newItem({ anonymous: true });
    const who = person(1);
    await storage.responses.castVote(item, who, [0]);
    const second = await storage.responses.castVote(item, who, [1]);
    expect(second).toEqual({ status: 'anonymous-final', tally: { counts: [1, 0, 0], voters: 1 } });
    expect(await storage.responses.tally(item)).toEqual({ counts: [1, 0, 0], voters: 1 });
  });

  test('counts two concurrent anonymous votes of the same person once', async () => {
    const item = newItem({ anonymous: true });
    const who = person(1);
    const outcomes = await Promise.all([storage.responses.castVote(item, who, [0]), storage.responses.castVote(item, who, [1])]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['anonymous-final', 'recorded']);
    expect((await storage.responses.tally(item)).voters).toBe(1);
  });

  test('stores no voter id or name in any row of the Responses table', async () => {
    const item = newItem({ anonymous: true });
    const voters = Array.from({ length: 6 }, (_, i) => person(i));
    for (const [i, who] of voters.entries()) await storage.responses.castVote(item, who, [i % 3]);
    const rows = await responseRows(item.id);
    expect(rows.length).toBeGreaterThan(0);
    const stored = JSON.stringify(rows);
    for (const who of voters) {
      expect(stored).not.toContain(who.aadObjectId);
      expect(stored).not.toContain(who.name);
    }
  });
});

describe('ideas', () => {
  test('stores a named idea with its author', async () => {
    const item = newItem({ kind: 'idea', pollKind: undefined, options: [] });
    const who = person(1);
    await storage.responses.submitIdea(item, who, 'Mehr Homeoffice', 'delivery-1');
    expect(await storage.responses.ideas(item.id)).toEqual([expect.objectContaining({ text: 'Mehr Homeoffice', authorId: who.aadObjectId, authorName: who.name })]);
  });

  test('stores the same idea delivery once', async () => {
    const item = newItem({ kind: 'idea', pollKind: undefined, options: [] });
    const who = person(1);
    await storage.responses.submitIdea(item, who, 'Idee', 'delivery-1');
    await storage.responses.submitIdea(item, who, 'Idee', 'delivery-1');
    expect(await storage.responses.ideaCount(item.id)).toBe(1);
  });

  test('stores a second idea from the same person as a second idea but counts one participant', async () => {
    const item = newItem({ kind: 'idea', pollKind: undefined, options: [] });
    const who = person(1);
    await storage.responses.submitIdea(item, who, 'Erste Idee', 'delivery-1');
    await storage.responses.submitIdea(item, who, 'Zweite Idee', 'delivery-2');
    await storage.responses.submitIdea(item, person(2), 'Dritte Idee', 'delivery-3');
    expect(await storage.responses.ideaCount(item.id)).toBe(3);
    expect(await storage.responses.participantCount(item)).toBe(2);
  });

  test('stores anonymous idea texts without author fields or the author\'s id anywhere', async () => {
    const item = newItem({ kind: 'idea', pollKind: undefined, options: [], anonymous: true });
    const who = person(1);
    await storage.responses.submitIdea(item, who, 'Anonyme Idee', 'delivery-1');
    const ideas = await storage.responses.ideas(item.id);
    expect(ideas).toHaveLength(1);
    expect(ideas[0]?.authorId).toBeUndefined();
    expect(ideas[0]?.authorName).toBeUndefined();
    const stored = JSON.stringify(await responseRows(item.id));
    expect(stored).not.toContain(who.aadObjectId);
    expect(stored).not.toContain(who.name);
  });

  test('writes the anonymous voter roll only when the participation log is flushed', async () => {
    const item = newItem({ kind: 'idea', pollKind: undefined, options: [], anonymous: true });
    await storage.responses.submitIdea(item, person(1), 'Idee eins', 'delivery-1');
    await storage.responses.submitIdea(item, person(2), 'Idee zwei', 'delivery-2');
    const voterRows = async () => (await responseRows(item.id)).filter((r) => String(r.rowKey).startsWith('voter|'));
    expect(await voterRows()).toHaveLength(0);
    expect(await storage.responses.participantCount(item)).toBe(0);
    await storage.participation.flush();
    expect(await voterRows()).toHaveLength(2);
    expect(await storage.responses.participantCount(item)).toBe(2);
  });
});
