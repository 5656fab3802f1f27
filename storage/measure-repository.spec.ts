import { randomUUID } from 'node:crypto';
import type { NewMeasure } from './measure-repository';
import type { Storage } from './open-storage';
import { useEmbeddedStorage } from '../test/support/storage-fixture';

const fixture = useEmbeddedStorage();
let storage: Storage;
beforeAll(() => {
  ({ storage } = fixture());
});

const AT = new Date('2026-03-02T09:00:00Z');
const later = (days: number) => new Date(AT.getTime() + days * 86_400_000);
const team = () => `19:${randomUUID()}@thread.tacv2`;
const draft = (teamId: string, over: Partial<NewMeasure> = {}): NewMeasure => ({
  teamId,
  title: 'Ruhiger Raum für Beratungen',
  description: 'Raum 2.14 wird zum Beratungsraum.',
  ownerId: 'aad-anna',
  ownerName: 'Anna Becker',
  dueDate: '2026-04-30',
  ideaIds: ['idea-1', 'idea-2'],
  volunteersAsGroup: true,
  createdById: 'aad-lead',
  createdByName: 'Lena Leitung',
  createdAt: AT,
  ...over,
});

describe('MeasureRepository', () => {
  test("stores a planned measure and lists a team's measures newest first, not another team's", async () => {
    const a = team();
    const first = await storage.measures.create(draft(a), AT);
    const second = await storage.measures.create(draft(a, { title: 'Zweite', createdAt: later(1) }), later(1));
    await storage.measures.create(draft(team()), AT);
    expect(first).toMatchObject({ status: 'planned', statusAt: AT, teamId: a, ideaIds: ['idea-1', 'idea-2'] });
    expect(first.measureId).toMatch(/^m[A-Za-z0-9_-]{6,40}$/);
    expect((await storage.measures.ofTeam(a)).map((m) => m.measureId)).toEqual([second.measureId, first.measureId]);
    expect(await storage.measures.get(a, first.measureId)).toEqual(first);
  });

  test('keeps open measures in the due-date index while planned or in progress, and leaves it when done', async () => {
    const a = team();
    const m = await storage.measures.create(draft(a, { dueDate: '2026-03-10' }), AT);
    const due = async () =>
      (await storage.measures.openDueBy('2026-03-15')).filter((r) => r.teamId === a).map((r) => r.measureId);
    expect(await due()).toEqual([m.measureId]);
    expect(
      await storage.measures.openDueBy('2026-03-09').then((rows) => rows.some((r) => r.measureId === m.measureId)),
    ).toBe(false);
    await storage.measures.setStatus(a, m.measureId, { status: 'inProgress', reason: '' }, later(1));
    expect(await due()).toEqual([m.measureId]);
    await storage.measures.edit(a, m.measureId, { dueDate: '2026-03-20' });
    expect(await due()).toEqual([]);
    const done = await storage.measures.setStatus(a, m.measureId, { status: 'done', reason: '' }, later(2));
    expect(done).toMatchObject({ status: 'done', statusAt: later(2), dueDate: '2026-03-20' });
    expect((await storage.measures.openDueBy('2026-12-31')).some((r) => r.measureId === m.measureId)).toBe(false);
  });

  test('links ideas to their measures and follows changes of the list', async () => {
    const a = team();
    const idea = `idea-${randomUUID()}`;
    const m = await storage.measures.create(draft(a, { ideaIds: [idea] }), AT);
    expect(await storage.measures.ofIdea(idea)).toEqual([{ teamId: a, measureId: m.measureId }]);
    await storage.measures.edit(a, m.measureId, { ideaIds: ['other'] });
    expect(await storage.measures.ofIdea(idea)).toEqual([]);
  });

  test('keeps notes newest first and the latest on the measure; concurrent notes are all kept', async () => {
    const a = team();
    const m = await storage.measures.create(draft(a), AT);
    await Promise.all(
      [1, 2, 3].map((i) =>
        storage.measures.addNote(a, m.measureId, {
          text: `Schritt ${i}`,
          byId: 'aad-anna',
          byName: 'Anna Becker',
          at: later(i),
        }),
      ),
    );
    expect((await storage.measures.notes(m.measureId)).map((n) => n.text)).toEqual([
      'Schritt 3',
      'Schritt 2',
      'Schritt 1',
    ]);
    expect((await storage.measures.get(a, m.measureId))?.lastNote?.text).toMatch(/^Schritt \d$/);
  });

  test("a person's own data lists what they own and wrote; erasure replaces their name and keeps the measure", async () => {
    const a = team();
    const person = `aad-${randomUUID()}`;
    const m = await storage.measures.create(draft(a, { ownerId: person, ownerName: 'Otto Owner' }), AT);
    await storage.measures.addNote(a, m.measureId, {
      text: 'Angefangen',
      byId: person,
      byName: 'Otto Owner',
      at: later(1),
    });
    const own = await storage.measures.ofPerson(person);
    expect(own.owned.map((x) => x.measureId)).toEqual([m.measureId]);
    expect(own.notes.map((n) => n.text)).toEqual(['Angefangen']);
    expect(await storage.measures.erasePerson(person, 'ehemalige Person')).toBe(2);
    const after = await storage.measures.get(a, m.measureId);
    expect(after).toMatchObject({
      ownerId: '',
      ownerName: 'ehemalige Person',
      lastNote: { byId: '', byName: 'ehemalige Person', text: 'Angefangen' },
    });
    expect((await storage.measures.notes(m.measureId))[0]).toMatchObject({ byId: '', byName: 'ehemalige Person' });
    expect(await storage.measures.ofPerson(person)).toEqual({ owned: [], notes: [] });
  });

  test('a change to a measure that does not exist is refused', async () => {
    await expect(storage.measures.setStatus(team(), 'mnothere', { status: 'done', reason: '' }, AT)).rejects.toThrow(
      'measure mnothere',
    );
  });
});
