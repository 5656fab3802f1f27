import { randomUUID } from 'node:crypto';
import type { EmbeddedTableServer } from './embedded-azurite';
import { IdeaNotFoundError, type NewIdea } from './idea-repository';
import type { Storage } from './open-storage';
import { recordOf, samplePoll } from '../test/support/sample-items';
import { useEmbeddedStorage } from '../test/support/storage-fixture';
import { openTables } from './tables';

const fixture = useEmbeddedStorage();
let storage: Storage;
let server: EmbeddedTableServer;
beforeAll(() => {
  ({ storage, server } = fixture());
});

const AT = new Date('2026-03-04T09:00:00Z'); // 2026-W10
const team = () => `19:${randomUUID()}@thread.tacv2`;
const person = (i = 1) => ({
  aadObjectId: `aad-${i}-${randomUUID()}`,
  name: `Person ${i} ${randomUUID().slice(0, 6)}`,
});
const ideaPrompt = (over = {}) =>
  samplePoll({
    kind: 'idea',
    pollKind: undefined,
    options: [],
    teamId: team(),
    conversationId: `19:general@thread.tacv2;messageid=${randomUUID()}`,
    ...over,
  });

function newIdea(over: Partial<NewIdea> = {}): NewIdea {
  const who = person();
  return {
    teamId: team(),
    text: 'Gemeinsamer Kalender',
    anonymous: false,
    authorId: who.aadObjectId,
    authorName: who.name,
    createdAt: AT,
    ...over,
  };
}

/** every row of a table, as stored (test-only full scan). */
async function allRows(table: 'ideas' | 'participation'): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of openTables(server.connectionString)[table].listEntities()) rows.push(row);
  return rows;
}

describe('IdeaRepository records', () => {
  test('creates an idea with status new and reads it back by its id', async () => {
    const input = newIdea({ conversationId: 'conv-1' });
    const idea = await storage.ideas.create(input);
    expect(idea).toMatchObject({
      teamId: input.teamId,
      week: '2026-W10',
      text: input.text,
      status: 'new',
      supportCount: 0,
      volunteerCount: 0,
      authorId: input.authorId,
    });
    expect(idea.ideaId).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(await storage.ideas.get(idea.ideaId)).toEqual(idea);
  });

  test('puts an idea in the ISO week of the configured time zone', async () => {
    const idea = await storage.ideas.create(newIdea({ createdAt: new Date('2026-03-08T23:30:00Z') })); // Monday 00:30 in Berlin
    expect(idea.week).toBe('2026-W11');
  });

  test('returns the first idea when the same delivery is stored again, even a week later', async () => {
    const input = newIdea({ itemId: randomUUID(), deliveryKey: 'activity-1' });
    const first = await storage.ideas.create(input);
    const again = await storage.ideas.create({ ...input, createdAt: new Date('2026-03-12T09:00:00Z') });
    expect(again).toEqual(first);
    expect(await storage.ideas.ofTeamRecent(input.teamId, ['2026-W10', '2026-W11'])).toHaveLength(1);
  });

  test('returns nothing for an unknown or malformed id', async () => {
    const idea = await storage.ideas.create(newIdea());
    expect(await storage.ideas.get(idea.ideaId.replace(/.$/, (c) => (c === '0' ? '1' : '0')))).toBeUndefined();
    expect(await storage.ideas.get('not-an-idea')).toBeUndefined();
  });

  test('lists the ideas of a team week, of chosen weeks, and of one prompt', async () => {
    const t = team();
    const itemId = randomUUID();
    const a = await storage.ideas.create(newIdea({ teamId: t, itemId }));
    const b = await storage.ideas.create(newIdea({ teamId: t, createdAt: new Date('2026-03-05T09:00:00Z') }));
    const c = await storage.ideas.create(newIdea({ teamId: t, itemId, createdAt: new Date('2026-03-11T09:00:00Z') }));
    expect((await storage.ideas.ofTeamWeek(t, '2026-W10')).map((i) => i.ideaId)).toEqual([a.ideaId, b.ideaId]);
    expect((await storage.ideas.ofTeamRecent(t, ['2026-W10', '2026-W11'])).map((i) => i.ideaId)).toEqual([
      a.ideaId,
      b.ideaId,
      c.ideaId,
    ]);
    expect((await storage.ideas.ofTeamRecent(t, ['2026-W11'])).map((i) => i.ideaId)).toEqual([c.ideaId]);
    expect((await storage.ideas.ofItem(itemId)).map((i) => i.ideaId)).toEqual([a.ideaId, c.ideaId]);
  });
});

describe('IdeaRepository status', () => {
  test('sets a status with a note and keeps every change in the history', async () => {
    const idea = await storage.ideas.create(newIdea());
    const t1 = new Date('2026-03-05T10:00:00Z');
    const t2 = new Date('2026-03-06T10:00:00Z');
    await storage.ideas.setStatus(idea.ideaId, { status: 'accepted', note: 'Gute Idee', by: 'aad-lead', at: t1 });
    const done = await storage.ideas.setStatus(idea.ideaId, { status: 'inProgress', by: 'aad-lead', at: t2 });
    expect(done).toMatchObject({ status: 'inProgress', statusBy: 'aad-lead', statusAt: t2 });
    expect(done.statusNote).toBeUndefined();
    expect(await storage.ideas.get(idea.ideaId)).toEqual(done);
    expect(await storage.ideas.history(idea.ideaId)).toEqual([
      { status: 'accepted', note: 'Gute Idee', by: 'aad-lead', at: t1 },
      { status: 'inProgress', by: 'aad-lead', at: t2 },
    ]);
  });

  test('records the same status and note sent twice once', async () => {
    const idea = await storage.ideas.create(newIdea());
    const change = { status: 'declined' as const, note: 'Zu teuer', by: 'aad-lead', at: AT };
    await storage.ideas.setStatus(idea.ideaId, change);
    await storage.ideas.setStatus(idea.ideaId, change);
    expect(await storage.ideas.history(idea.ideaId)).toHaveLength(1);
  });

  test('keeps the counts when a status change races with supports', async () => {
    const idea = await storage.ideas.create(newIdea());
    await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => storage.ideas.support(idea.ideaId, `p${i}`, true, AT)),
      storage.ideas.setStatus(idea.ideaId, { status: 'review', by: 'aad-lead', at: AT }),
    ]);
    expect(await storage.ideas.get(idea.ideaId)).toMatchObject({ status: 'review', supportCount: 5 });
  });

  test('refuses a status change for an unknown idea', async () => {
    await expect(
      storage.ideas.setStatus('bm9uZQ.2026-W10.0123456789abcdef', { status: 'done', by: 'x', at: AT }),
    ).rejects.toBeInstanceOf(IdeaNotFoundError);
  });
});

describe('IdeaRepository supports and volunteers', () => {
  test('counts one support per person and lets it be withdrawn', async () => {
    const idea = await storage.ideas.create(newIdea());
    expect(await storage.ideas.support(idea.ideaId, 'p1', true, AT)).toEqual({ supported: true, count: 1 });
    expect(await storage.ideas.support(idea.ideaId, 'p1', true, AT)).toEqual({ supported: true, count: 1 });
    expect(await storage.ideas.support(idea.ideaId, 'p2', true, AT)).toEqual({ supported: true, count: 2 });
    expect(await storage.ideas.hasSupported(idea.ideaId, 'p1')).toBe(true);
    expect(await storage.ideas.support(idea.ideaId, 'p1', false, AT)).toEqual({ supported: false, count: 1 });
    expect(await storage.ideas.support(idea.ideaId, 'p1', false, AT)).toEqual({ supported: false, count: 1 });
    expect(await storage.ideas.hasSupported(idea.ideaId, 'p1')).toBe(false);
    expect((await storage.ideas.supportersOf(idea.ideaId)).map((s) => s.id)).toEqual(['p2']);
  });

  test('ends with the right count after 20 people support in parallel', async () => {
    const idea = await storage.ideas.create(newIdea());
    await Promise.all(Array.from({ length: 20 }, (_, i) => storage.ideas.support(idea.ideaId, `p${i}`, true, AT)));
    expect((await storage.ideas.get(idea.ideaId))?.supportCount).toBe(20);
    expect(await storage.ideas.supportersOf(idea.ideaId)).toHaveLength(20);
  });

  test('counts the same person supporting twice in parallel once', async () => {
    const idea = await storage.ideas.create(newIdea());
    await Promise.all([
      storage.ideas.support(idea.ideaId, 'p1', true, AT),
      storage.ideas.support(idea.ideaId, 'p1', true, AT),
    ]);
    expect((await storage.ideas.get(idea.ideaId))?.supportCount).toBe(1);
  });

  test('keeps volunteers with their names and counts them', async () => {
    const idea = await storage.ideas.create(newIdea());
    expect(await storage.ideas.volunteer(idea.ideaId, { id: 'p1', name: 'Vera' }, true, AT)).toEqual({
      volunteering: true,
      count: 1,
    });
    await storage.ideas.volunteer(idea.ideaId, { id: 'p2', name: 'Volker' }, true, AT);
    await storage.ideas.volunteer(idea.ideaId, { id: 'p2', name: 'Volker' }, false, AT);
    expect(await storage.ideas.volunteersOf(idea.ideaId)).toEqual([{ id: 'p1', name: 'Vera', at: AT }]);
    expect((await storage.ideas.get(idea.ideaId))?.volunteerCount).toBe(1);
  });
});

describe('IdeaRepository personal data', () => {
  test("finds a person's named ideas and anonymises them, on the idea and on the prompt's answer", async () => {
    const who = person();
    const item = ideaPrompt();
    const fromPrompt = recordOf(await storage.responses.submitIdea(item, who, 'Idee am Prompt', 'delivery-1', AT));
    const direct = await storage.ideas.create(newIdea({ authorId: who.aadObjectId, authorName: who.name }));
    expect((await storage.ideas.byAuthor(who.aadObjectId)).map((i) => i.ideaId).sort()).toEqual(
      [fromPrompt.ideaId, direct.ideaId].sort(),
    );
    expect(await storage.ideas.anonymiseAuthor(who.aadObjectId, 'ehemalige Person')).toBe(2);
    expect(await storage.ideas.byAuthor(who.aadObjectId)).toEqual([]);
    const after = await storage.ideas.get(fromPrompt.ideaId);
    expect(after?.authorId).toBeUndefined();
    expect(after?.authorName).toBe('ehemalige Person');
    expect(await storage.responses.ideas(item.id)).toEqual([
      expect.objectContaining({ text: 'Idee am Prompt', authorId: undefined, authorName: 'ehemalige Person' }),
    ]);
    const stored = JSON.stringify(await allRows('ideas'));
    expect(stored).not.toContain(who.aadObjectId);
  });

  test("removes a person's supports and volunteering and lowers the counts", async () => {
    const [a, b] = [await storage.ideas.create(newIdea()), await storage.ideas.create(newIdea())];
    const p = `aad-${randomUUID()}`;
    await storage.ideas.support(a.ideaId, p, true, AT);
    await storage.ideas.support(b.ideaId, p, true, AT);
    await storage.ideas.support(b.ideaId, 'someone-else', true, AT);
    await storage.ideas.volunteer(a.ideaId, { id: p, name: 'Paula' }, true, AT);
    expect(await storage.ideas.removeSupportsAndVolunteering(p)).toEqual({ supports: 2, volunteering: 1 });
    expect(await storage.ideas.get(a.ideaId)).toMatchObject({ supportCount: 0, volunteerCount: 0 });
    expect(await storage.ideas.get(b.ideaId)).toMatchObject({ supportCount: 1 });
    expect(JSON.stringify(await allRows('ideas'))).not.toContain(p);
  });
});

describe('ideas submitted to a prompt', () => {
  test('creates the idea record with team, week, thread and author from one submitIdea call', async () => {
    const item = ideaPrompt();
    const who = person();
    const idea = recordOf(await storage.responses.submitIdea(item, who, 'Mehr Homeoffice', 'delivery-1', AT));
    expect(idea).toMatchObject({
      teamId: item.teamId,
      itemId: item.id,
      conversationId: item.conversationId,
      week: '2026-W10',
      authorId: who.aadObjectId,
      authorName: who.name,
      anonymous: false,
    });
    expect(await storage.ideas.ofItem(item.id)).toEqual([idea]);
    expect(await storage.responses.ideas(item.id)).toEqual([
      expect.objectContaining({ ideaId: idea.ideaId, text: 'Mehr Homeoffice' }),
    ]);
  });

  test('stores a retried delivery once in both tables', async () => {
    const item = ideaPrompt();
    const who = person();
    const first = recordOf(await storage.responses.submitIdea(item, who, 'Idee', 'delivery-1', AT));
    const again = recordOf(await storage.responses.submitIdea(item, who, 'Idee', 'delivery-1', AT));
    expect(again.ideaId).toBe(first.ideaId);
    expect(await storage.ideas.ofItem(item.id)).toHaveLength(1);
    expect(await storage.responses.ideaCount(item.id)).toBe(1);
  });

  test('leaves no author field or id of the author in any Ideas or Participation row of an anonymous idea', async () => {
    const item = ideaPrompt({ anonymous: true });
    const who = person();
    for (let i = 0; i < 4; i++)
      await storage.responses.submitIdea(item, person(), `Weitere Idee ${i}`, `delivery-other-${i}`, AT);
    await storage.responses.submitIdea(item, who, 'Anonyme Idee', 'delivery-1', AT);
    await storage.responses.seal(item, AT);
    await storage.participation.flush();
    const idea = (await storage.ideas.ofItem(item.id)).find((i) => i.text === 'Anonyme Idee')!;
    expect(idea.authorId).toBeUndefined();
    expect(idea.authorName).toBeUndefined();
    const ideaRows = (await allRows('ideas')).filter(
      (r) => String(r.partitionKey).includes(item.id) || String(r.rowKey).includes(idea.ideaId.split('.')[2] ?? '-'),
    );
    expect(ideaRows.length).toBeGreaterThan(0);
    for (const row of ideaRows) expect(Object.keys(row).filter((k) => /author/i.test(k))).toEqual([]);
    const everything = JSON.stringify([...(await allRows('ideas')), ...(await allRows('participation'))]);
    expect(everything).not.toContain(who.aadObjectId);
    expect(everything).not.toContain(who.name);
    expect(await storage.ideas.byAuthor(who.aadObjectId)).toEqual([]);
  });
});
