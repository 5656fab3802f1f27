import { randomUUID } from 'node:crypto';
import { openStorage, type Storage } from './open-storage';
import { useEmbeddedStorage } from '../test/support/storage-fixture';

const fixture = useEmbeddedStorage();
let storage: Storage;
beforeAll(() => {
  ({ storage } = fixture());
});

const AT = new Date('2026-03-02T09:00:00Z');
const id = (label: string) => `${label}-${randomUUID()}`;
const team = () => `19:${randomUUID()}@thread.tacv2`;

describe('RoleRepository admins', () => {
  test('grants admin rights once and reports a second grant as already there', async () => {
    const person = id('aad');
    expect(await storage.roles.grantAdmin(person, 'aad-root', AT, 'Anna Admin')).toBe('granted');
    expect(await storage.roles.grantAdmin(person, 'aad-other', AT)).toBe('already');
    expect(await storage.roles.isAdmin(person)).toBe(true);
    expect((await storage.roles.admins()).find((g) => g.personId === person)).toEqual({
      role: 'admin',
      personId: person,
      name: 'Anna Admin',
      grantedBy: 'aad-root',
      grantedAt: AT,
    });
  });

  test('revokes a grant and reports false for a person without one', async () => {
    const person = id('aad');
    await storage.roles.grantAdmin(person, 'aad-root', AT);
    expect(await storage.roles.revokeAdmin(person)).toBe(true);
    expect(await storage.roles.isAdmin(person)).toBe(false);
    expect(await storage.roles.revokeAdmin(person)).toBe(false);
  });
});

describe('RoleRepository leaders', () => {
  test('finds a leader by team and the team by leader, with who assigned them and when', async () => {
    const [t, p] = [team(), id('aad')];
    expect(
      await storage.roles.assignLeader({
        teamId: t,
        personId: p,
        name: 'Lea Leitung',
        upn: 'lea@example.org',
        grantedBy: 'aad-admin',
        at: AT,
      }),
    ).toBe('assigned');
    const grant = {
      role: 'leader',
      teamId: t,
      personId: p,
      name: 'Lea Leitung',
      upn: 'lea@example.org',
      grantedBy: 'aad-admin',
      grantedAt: AT,
    };
    expect(await storage.roles.leadersOf(t)).toEqual([grant]);
    expect(await storage.roles.teamsLedBy(p)).toEqual([grant]);
    expect(await storage.roles.allLeaders()).toContainEqual(grant);
  });

  test('lets a leader lead several teams and a team have several leaders', async () => {
    const [t1, t2, p1, p2] = [team(), team(), id('aad'), id('aad')];
    for (const [t, p] of [
      [t1, p1],
      [t2, p1],
      [t1, p2],
    ] as const)
      await storage.roles.assignLeader({ teamId: t, personId: p, grantedBy: 'aad-admin', at: AT });
    expect((await storage.roles.teamsLedBy(p1)).map((g) => g.teamId).sort()).toEqual([t1, t2].sort());
    expect((await storage.roles.leadersOf(t1)).map((g) => g.personId).sort()).toEqual([p1, p2].sort());
    expect(await storage.roles.leadersOf(t2)).toHaveLength(1);
  });

  test('keeps ids that share a prefix apart', async () => {
    const t = team();
    const p = id('aad');
    await storage.roles.assignLeader({ teamId: t, personId: `${p}|x`, grantedBy: 'aad-admin', at: AT });
    expect(await storage.roles.teamsLedBy(p)).toEqual([]);
    expect(await storage.roles.leadersOf(`${t}x`)).toEqual([]);
  });

  test('reports a second assignment as already there and keeps the first', async () => {
    const [t, p] = [team(), id('aad')];
    await storage.roles.assignLeader({ teamId: t, personId: p, grantedBy: 'aad-first', at: AT });
    expect(await storage.roles.assignLeader({ teamId: t, personId: p, grantedBy: 'aad-second', at: AT })).toBe(
      'already',
    );
    expect((await storage.roles.leadersOf(t))[0]?.grantedBy).toBe('aad-first');
  });

  test('removes a leader from both lookups and reports false the second time', async () => {
    const [t, p] = [team(), id('aad')];
    await storage.roles.assignLeader({ teamId: t, personId: p, grantedBy: 'aad-admin', at: AT });
    expect(await storage.roles.removeLeader(t, p)).toBe(true);
    expect(await storage.roles.leadersOf(t)).toEqual([]);
    expect(await storage.roles.teamsLedBy(p)).toEqual([]);
    expect(await storage.roles.removeLeader(t, p)).toBe(false);
  });

  test('syncs the leaders of a file: adds new ones, removes dropped ones, keeps chat grants and other files', async () => {
    const [t, a, b, c, chat, other] = [team(), id('a'), id('b'), id('c'), id('chat'), id('other')];
    const file = `leaders-${randomUUID()}.yaml`;
    await storage.roles.assignLeader({ teamId: t, personId: chat, grantedBy: 'aad-admin', at: AT });
    await storage.roles.assignLeader({ teamId: t, personId: other, grantedBy: 'file:other.yaml', at: AT });
    expect(
      await storage.roles.syncFileLeaders(
        file,
        [
          { teamId: t, personId: a },
          { teamId: t, personId: b },
          { teamId: t, personId: chat },
        ],
        AT,
      ),
    ).toEqual({ added: 2, removed: 0 });
    const later = new Date('2026-03-09T09:00:00Z');
    expect(
      await storage.roles.syncFileLeaders(
        file,
        [
          { teamId: t, personId: b, name: 'Bea' },
          { teamId: t, personId: c },
        ],
        later,
      ),
    ).toEqual({ added: 1, removed: 1 });
    const leaders = await storage.roles.leadersOf(t);
    expect(leaders.map((g) => g.personId).sort()).toEqual([b, c, chat, other].sort());
    expect(leaders.find((g) => g.personId === b)).toMatchObject({
      name: 'Bea',
      grantedBy: `file:${file}`,
      grantedAt: AT,
    });
    expect(leaders.find((g) => g.personId === chat)?.grantedBy).toBe('aad-admin');
    expect(await storage.roles.teamsLedBy(a)).toEqual([]);
  });

  test('changes nothing when the same file is synced again', async () => {
    const [t, a] = [team(), id('a')];
    const file = `leaders-${randomUUID()}.yaml`;
    await storage.roles.syncFileLeaders(file, [{ teamId: t, personId: a }], AT);
    expect(await storage.roles.syncFileLeaders(`file:${file}`, [{ teamId: t, personId: a }], AT)).toEqual({
      added: 0,
      removed: 0,
    });
    expect(await storage.roles.leadersOf(t)).toHaveLength(1);
  });
});

describe('RoleRepository roles as a card shows them (read a few seconds ago)', () => {
  test("see this instance's grants and revocations at once, another instance's only after a fresh read", async () => {
    const teamId = team();
    const [leader, admin] = [id('aad'), id('aad')];
    expect(await storage.roles.leadersOfRecently(teamId)).toEqual([]);
    expect(await storage.roles.isAdminRecently(admin)).toBe(false);
    await storage.roles.assignLeader({ teamId, personId: leader, grantedBy: 'aad-root', at: AT });
    await storage.roles.grantAdmin(admin, 'aad-root', AT);
    expect((await storage.roles.leadersOfRecently(teamId)).map((g) => g.personId)).toEqual([leader]);
    expect(await storage.roles.isAdminRecently(admin)).toBe(true);

    // another instance (its own repository on the same table) revokes: the kept view still shows the grant, the
    // permission read does not.
    const other = (
      await openStorage({
        connectionString: fixture().server.connectionString,
        answerSecret: 'spec-secret-spec-secret-spec-secret!',
        timeZone: 'Europe/Berlin',
        minGroupSize: 5,
      })
    ).roles;
    await other.removeLeader(teamId, leader);
    await other.revokeAdmin(admin);
    expect((await storage.roles.leadersOfRecently(teamId)).map((g) => g.personId)).toEqual([leader]);
    expect(await storage.roles.isAdminRecently(admin)).toBe(true);
    expect(await storage.roles.leadersOf(teamId)).toEqual([]);
    expect(await storage.roles.isAdmin(admin)).toBe(false);
  });
});
