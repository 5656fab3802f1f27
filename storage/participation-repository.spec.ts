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

const W10 = new Date('2026-03-04T09:00:00Z');
const W11 = new Date('2026-03-11T09:00:00Z');
const person = (i: number) => ({ aadObjectId: `aad-${i}-${randomUUID()}`, name: `Person ${i}` });
const team = () => `19:${randomUUID()}@thread.tacv2`;
const poll = (teamId: string, over = {}) => samplePoll({ teamId, ...over });
const prompt = (teamId: string, over = {}) =>
  samplePoll({ teamId, kind: 'idea', pollKind: undefined, options: [], ...over });

describe('weekly participation', () => {
  test('counts distinct people who voted or sent ideas in a team week', async () => {
    const t = team();
    const [a, b, c] = [person(1), person(2), person(3)];
    const p1 = poll(t);
    const p2 = poll(t);
    await storage.responses.castVote(p1, a, [0], W10);
    await storage.responses.castVote(p1, a, [1], W10);
    await storage.responses.castVote(p2, a, [0], W10);
    await storage.responses.castVote(p2, b, [0], W10);
    await storage.responses.submitIdea(prompt(t), c, 'Idee', 'd-1', W10);
    await storage.responses.submitIdea(prompt(t), a, 'Idee', 'd-2', W10);
    expect(await storage.weeklyParticipation.participants(t, '2026-W10')).toBe(3);
  });

  test('counts each week and each team on its own', async () => {
    const [t1, t2] = [team(), team()];
    const a = person(1);
    await storage.responses.castVote(poll(t1), a, [0], W10);
    await storage.responses.castVote(poll(t1), a, [0], W11);
    await storage.responses.castVote(poll(t2), person(2), [0], W11);
    expect(await storage.weeklyParticipation.participantsByWeek(t1, ['2026-W10', '2026-W11', '2026-W12'])).toEqual({
      '2026-W10': 1,
      '2026-W11': 1,
      '2026-W12': 0,
    });
    expect(await storage.weeklyParticipation.participants(t2, '2026-W11')).toBe(1);
  });

  test('counts anonymous answers only after the shuffled flush, and a person answering both ways once', async () => {
    const t = team();
    const [a, b, c] = [person(1), person(2), person(3)];
    await storage.responses.castVote(poll(t, { anonymous: true }), a, [0], W10);
    await storage.responses.submitIdea(prompt(t, { anonymous: true }), b, 'Anonym', 'd-1', W10);
    await storage.responses.castVote(poll(t), a, [0], W10);
    await storage.responses.castVote(poll(t, { anonymous: true }), c, [0], W10);
    expect(await storage.weeklyParticipation.participants(t, '2026-W10')).toBe(1);
    await storage.participation.flush();
    expect(storage.participation.size).toBe(0);
    expect(await storage.weeklyParticipation.participants(t, '2026-W10')).toBe(3);
  });

  test('writes rows that hold nothing but an unreadable pseudonym', async () => {
    const t = team();
    const a = person(1);
    await storage.responses.castVote(poll(t), a, [0], W10);
    await storage.responses.castVote(poll(t, { anonymous: true }), person(2), [0], W10);
    await storage.participation.flush();
    const rows: Record<string, unknown>[] = [];
    for await (const row of openTables(server.connectionString).participation.listEntities()) rows.push(row);
    const mine = rows.filter((r) => String(r.partitionKey).startsWith(`${t}|`));
    expect(mine).toHaveLength(2);
    for (const row of mine) {
      expect(Object.keys(row).filter((k) => !['partitionKey', 'rowKey', 'etag', 'timestamp'].includes(k))).toEqual([]);
      expect(String(row.rowKey)).toMatch(/^[0-9a-f]{40}$/);
    }
    expect(JSON.stringify(rows)).not.toContain(a.aadObjectId);
  });
});
