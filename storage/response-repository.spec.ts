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
  for await (const row of openTables(server.connectionString).responses.listEntities())
    if (row.partitionKey === itemId) rows.push(row);
  return rows;
}

describe('named votes', () => {
  test('records a vote and shows it in the tally', async () => {
    const item = newItem();
    const outcome = await storage.responses.castVote(item, person(1), [0], new Date());
    expect(outcome).toEqual({ status: 'recorded', tally: { counts: [1, 0, 0], voters: 1 }, choices: [0] });
    expect(await storage.responses.tally(item)).toEqual({ counts: [1, 0, 0], voters: 1 });
  });

  test('moves the tally when a person changes a named vote', async () => {
    const item = newItem();
    const who = person(1);
    await storage.responses.castVote(item, who, [0], new Date());
    await storage.responses.castVote(item, who, [2], new Date());
    expect(await storage.responses.tally(item)).toEqual({ counts: [0, 0, 1], voters: 1 });
    expect(await storage.responses.namedVote(item, who.aadObjectId)).toEqual([2]);
  });

  test('counts the same vote sent twice once and reports it unchanged', async () => {
    const item = newItem();
    const who = person(1);
    await storage.responses.castVote(item, who, [1], new Date());
    const again = await storage.responses.castVote(item, who, [1], new Date());
    expect(again.status).toBe('unchanged');
    expect(await storage.responses.tally(item)).toEqual({ counts: [0, 1, 0], voters: 1 });
  });

  test('counts all of 20 concurrent votes from different people', async () => {
    const item = newItem();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => storage.responses.castVote(item, person(i), [i % 3], new Date())),
    );
    expect(await storage.responses.tally(item)).toEqual({ counts: [7, 7, 6], voters: 20 });
  });

  test('counts a multi-choice voter once with every chosen option', async () => {
    const item = newItem({ pollKind: 'multi' });
    await storage.responses.castVote(item, person(1), [0, 2], new Date());
    expect(await storage.responses.tally(item)).toEqual({ counts: [1, 0, 1], voters: 1 });
  });

  test('counts the voters of a poll as its participants', async () => {
    const item = newItem();
    await storage.responses.castVote(item, person(1), [0], new Date());
    await storage.responses.castVote(item, person(2), [1], new Date());
    expect(await storage.responses.participantCount(item)).toBe(2);
  });
});

describe('anonymous votes', () => {
  test('refuses a second anonymous vote as final and leaves the tally unchanged', async () => {
    const item = newItem({ anonymous: true });
    const who = person(1);
    await storage.responses.castVote(item, who, [0], new Date());
    const second = await storage.responses.castVote(item, who, [1], new Date());
    expect(second).toEqual({ status: 'anonymous-final', tally: { counts: [1, 0, 0], voters: 1 } });
    expect(await storage.responses.tally(item)).toEqual({ counts: [1, 0, 0], voters: 1 });
  });

  test('counts two concurrent anonymous votes of the same person once', async () => {
    const item = newItem({ anonymous: true });
    const who = person(1);
    const outcomes = await Promise.all([
      storage.responses.castVote(item, who, [0], new Date()),
      storage.responses.castVote(item, who, [1], new Date()),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['anonymous-final', 'recorded']);
    expect((await storage.responses.tally(item)).voters).toBe(1);
  });

  test('stores no voter id or name in any row of the Responses table', async () => {
    const item = newItem({ anonymous: true });
    const voters = Array.from({ length: 6 }, (_, i) => person(i));
    for (const [i, who] of voters.entries()) await storage.responses.castVote(item, who, [i % 3], new Date());
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
    await storage.responses.submitIdea(item, who, 'Mehr Homeoffice', 'delivery-1', new Date());
    expect(await storage.responses.ideas(item.id)).toEqual([
      expect.objectContaining({ text: 'Mehr Homeoffice', authorId: who.aadObjectId, authorName: who.name }),
    ]);
  });

  test('stores the same idea delivery once', async () => {
    const item = newItem({ kind: 'idea', pollKind: undefined, options: [] });
    const who = person(1);
    await storage.responses.submitIdea(item, who, 'Idee', 'delivery-1', new Date());
    await storage.responses.submitIdea(item, who, 'Idee', 'delivery-1', new Date());
    expect(await storage.responses.ideaCount(item.id)).toBe(1);
  });

  test('stores a second idea from the same person as a second idea but counts one participant', async () => {
    const item = newItem({ kind: 'idea', pollKind: undefined, options: [] });
    const who = person(1);
    await storage.responses.submitIdea(item, who, 'Erste Idee', 'delivery-1', new Date());
    await storage.responses.submitIdea(item, who, 'Zweite Idee', 'delivery-2', new Date());
    await storage.responses.submitIdea(item, person(2), 'Dritte Idee', 'delivery-3', new Date());
    expect(await storage.responses.ideaCount(item.id)).toBe(3);
    expect(await storage.responses.participantCount(item)).toBe(2);
  });

  const anonymousPrompt = () => newItem({ kind: 'idea', pollKind: undefined, options: [], anonymous: true });
  const plainRows = async (itemId: string) => JSON.stringify(await responseRows(itemId));

  test('keeps an anonymous idea sealed while its prompt is open: no text, name, id or pseudonym can be read, and no idea exists yet', async () => {
    const item = anonymousPrompt();
    const who = person(1);
    expect(await storage.responses.submitIdea(item, who, 'Anonyme Idee', 'delivery-1', new Date())).toEqual({
      status: 'recorded',
    });
    const stored = await plainRows(item.id);
    for (const secret of [
      'Anonyme Idee',
      who.aadObjectId,
      who.name,
      storage.responses.voterKey(item.id, who.aadObjectId),
    ])
      expect(stored).not.toContain(secret);
    expect(await storage.responses.ideas(item.id)).toEqual([]);
    expect(await storage.ideas.ofItem(item.id)).toEqual([]);
    expect(await storage.responses.ideaStats(item)).toEqual({ ideas: 1, participants: 1 });
  });

  test('stores a retried delivery of an anonymous idea once', async () => {
    const item = anonymousPrompt();
    await storage.responses.submitIdea(item, person(1), 'Idee', 'delivery-1', new Date());
    await storage.responses.submitIdea(item, person(1), 'Idee', 'delivery-1', new Date());
    expect(await storage.responses.ideaStats(item)).toEqual({ ideas: 1, participants: 1 });
  });

  test('folds sealed ideas into one group only once they come from the minimum group of people', async () => {
    const item = anonymousPrompt();
    const people = Array.from({ length: 5 }, (_, i) => person(i));
    for (let i = 0; i < 4; i++) await storage.responses.submitIdea(item, people[i]!, `Idee ${i}`, `d-${i}`, new Date());
    await storage.responses.submitIdea(item, people[0]!, 'Zweite Idee von Person 0', 'd-again', new Date());
    await storage.responses.sweep(item);
    expect((await responseRows(item.id)).filter((r) => String(r.rowKey).startsWith('group|'))).toHaveLength(0);
    await storage.responses.submitIdea(item, people[4]!, 'Idee 4', 'd-4', new Date());
    await storage.responses.sweep(item);
    const rows = await responseRows(item.id);
    expect(rows.filter((r) => String(r.rowKey).startsWith('group|'))).toHaveLength(1);
    expect(rows.filter((r) => String(r.rowKey).startsWith('box|') && r.sealed !== undefined)).toEqual([]);
    expect(await storage.responses.ideaStats(item)).toEqual({ ideas: 6, participants: 5 });
  });

  test('writes an anonymous prompt’s ideas when it closes, in its own partition, with ids and times that name no moment of sending', async () => {
    const item = anonymousPrompt();
    const texts = Array.from({ length: 6 }, (_, i) => `Idee Nummer ${i}`);
    for (const [i, text] of texts.entries())
      await storage.responses.submitIdea(item, person(i), text, `d-${i}`, new Date());
    await storage.responses.sweep(item);
    const closedAt = new Date('2026-03-09T15:00:00Z');
    await storage.responses.seal(item, closedAt);
    expect((await storage.responses.ideas(item.id)).map((i) => i.text).sort()).toEqual(texts);
    const records = await storage.ideas.ofItem(item.id);
    expect(records.map((r) => r.text).sort()).toEqual(texts);
    for (const r of records) {
      expect(r).toMatchObject({ anonymous: true, createdAt: closedAt, status: 'new' });
      expect(r.authorId).toBeUndefined();
      expect(r.ideaId).not.toMatch(/\d{4}-W\d{2}/);
    }
    const left = (await responseRows(item.id)).map((r) => String(r.rowKey).split('|')[0]);
    expect(new Set(left)).toEqual(new Set(['tally', 'idea']));
    expect(await storage.responses.ideaStats(item)).toEqual({ ideas: 6, participants: 6 });
  });

  test('keeps only the numbers of an anonymous prompt closed with fewer people than the minimum group: its texts could never be shown', async () => {
    const item = anonymousPrompt();
    for (let i = 0; i < 3; i++)
      await storage.responses.submitIdea(item, person(i), `Kleine Runde ${i}`, `d-${i}`, new Date());
    await storage.responses.seal(item, new Date());
    expect(await plainRows(item.id)).not.toContain('Kleine Runde');
    expect(await storage.ideas.ofItem(item.id)).toEqual([]);
    expect(await storage.responses.ideaStats(item)).toEqual({ ideas: 3, participants: 3 });
  });

  test('a fold racing the close never leaves a sealed group or submission behind', async () => {
    for (let round = 0; round < 6; round++) {
      const item = anonymousPrompt();
      for (let i = 0; i < 5; i++)
        await storage.responses.submitIdea(item, person(i), `Idee ${round}.${i}`, `d-${i}`, new Date());
      await Promise.all([
        storage.responses.sweep(item),
        new Promise((r) => setTimeout(r, round)).then(() => storage.responses.seal(item, new Date())),
      ]);
      await storage.responses.seal(item, new Date());
      expect(new Set((await responseRows(item.id)).map((r) => String(r.rowKey).split('|')[0]))).toEqual(
        new Set(['tally', 'idea']),
      );
      expect(await storage.responses.ideaStats(item)).toEqual({ ideas: 5, participants: 5 });
    }
  });

  test('refuses an anonymous idea once the prompt is closed', async () => {
    const item = anonymousPrompt();
    await storage.responses.seal(item, new Date());
    expect(await storage.responses.submitIdea(item, person(1), 'Zu spät', 'd-late', new Date())).toEqual({
      status: 'closed',
    });
  });
});
