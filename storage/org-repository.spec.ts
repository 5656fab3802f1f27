import type { Storage } from './open-storage';
import { useEmbeddedStorage } from '../test/support/storage-fixture';

const fixture = useEmbeddedStorage();
let storage: Storage;
beforeAll(() => {
  ({ storage } = fixture());
});

const AT = new Date('2026-03-02T09:00:00Z');

test('the stored organisation follows the file: units and unit leaders come, change and go, team leaders stay apart', async () => {
  await storage.org.replaceUnits(
    'file:org.yml',
    [
      { id: 'amt', name: 'Sozialamt', teamIds: [] },
      { id: 'abt', name: 'Abteilung', parentId: 'amt', teamIds: ['t1', 't2'] },
      { id: 'alt', name: 'Alt', parentId: 'amt', teamIds: ['t3'] },
    ],
    AT,
  );
  expect(
    await storage.org.syncUnitLeaders(
      'org.yml',
      [
        { unitId: 'amt', personId: 'p-amt', name: 'Amelie', upn: 'amelie@amt.example' },
        { unitId: 'alt', personId: 'p-alt' },
      ],
      AT,
    ),
  ).toEqual({ added: 2, removed: 0 });
  expect(
    (await storage.org.organisation()).units.map((u) => [u.id, u.parentId ?? null, u.teamIds, u.leaderIds]),
  ).toEqual([
    ['amt', null, [], ['p-amt']],
    ['abt', 'amt', ['t1', 't2'], []],
    ['alt', 'amt', ['t3'], ['p-alt']],
  ]);

  // the file changes: Alt is gone, Abteilung has another team and a leader.
  expect(
    await storage.org.replaceUnits(
      'file:org.yml',
      [
        { id: 'amt', name: 'Sozialamt', teamIds: [] },
        { id: 'abt', name: 'Abteilung', parentId: 'amt', teamIds: ['t1', 't3'] },
      ],
      AT,
    ),
  ).toBe(2);
  expect(
    await storage.org.syncUnitLeaders(
      'org.yml',
      [
        { unitId: 'amt', personId: 'p-amt', name: 'Amelie', upn: 'amelie@amt.example' },
        { unitId: 'abt', personId: 'p-amt' },
      ],
      AT,
    ),
  ).toEqual({ added: 1, removed: 1 });
  expect((await storage.org.unitsLedBy('p-amt')).map((g) => [g.unitId, g.grantedBy])).toEqual([
    ['abt', 'file:org.yml'],
    ['amt', 'file:org.yml'],
  ]);
  expect(await storage.org.unitsLedBy('p-alt')).toEqual([]);
  expect((await storage.org.organisation()).units.map((u) => u.id)).toEqual(['amt', 'abt']);
  expect(await storage.roles.allLeaders()).toEqual([]);

  expect(await storage.org.removeUnitLeader('abt', 'p-amt')).toBe(true);
  expect(await storage.org.removeUnitLeader('abt', 'p-amt')).toBe(false);
  expect((await storage.org.unitsLedBy('p-amt')).map((g) => g.unitId)).toEqual(['amt']);
});
