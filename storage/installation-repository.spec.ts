import { randomUUID } from 'node:crypto';
import type { TeamRecord } from '../core/installations';
import type { EmbeddedTableServer } from './embedded-azurite';
import type { Storage } from './open-storage';
import { useEmbeddedStorage } from '../test/support/storage-fixture';
import { encodeKey, openTables } from './tables';

const fixture = useEmbeddedStorage();
let storage: Storage;
let server: EmbeddedTableServer;
beforeAll(() => {
  ({ storage, server } = fixture());
});

function team(over: Partial<TeamRecord> = {}): TeamRecord {
  const teamId = over.teamId ?? `19:${randomUUID()}@thread.tacv2`;
  return {
    teamId,
    name: 'Team Digitalisierung',
    tenantId: 'tenant-1',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    active: true,
    reference: {
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      channelId: 'msteams',
      conversation: { id: teamId },
      bot: { id: '28:bot' },
    },
    updatedAt: new Date('2026-03-02T09:00:00Z'),
    ...over,
  };
}

describe('InstallationRepository', () => {
  test('keeps a known team name when Teams sends the team again without one', async () => {
    const first = team();
    await storage.installations.saveTeam(first);
    await storage.installations.saveTeam({ ...first, name: '' });
    expect((await storage.installations.getTeam(first.teamId))?.name).toBe('Team Digitalisierung');
  });

  test('takes a new team name when Teams sends one', async () => {
    const first = team();
    await storage.installations.saveTeam(first);
    await storage.installations.saveTeam({ ...first, name: 'Team Digitales Amt' });
    expect((await storage.installations.getTeam(first.teamId))?.name).toBe('Team Digitales Amt');
  });

  test('lists active teams and leaves out a deactivated one', async () => {
    const kept = team({ name: `Aktiv ${randomUUID()}` });
    const removed = team({ name: `Entfernt ${randomUUID()}` });
    await storage.installations.saveTeam(kept);
    await storage.installations.saveTeam(removed);
    await storage.installations.deactivateTeam(removed.teamId);
    const ids = (await storage.installations.activeTeams()).map((t) => t.teamId);
    expect(ids).toContain(kept.teamId);
    expect(ids).not.toContain(removed.teamId);
  });

  test('grants the welcome of a team to the first claim only', async () => {
    const key = `team:${randomUUID()}`;
    expect(await storage.installations.claimWelcome(key)).toBe(true);
    expect(await storage.installations.claimWelcome(key)).toBe(false);
  });

  test('grants the welcome again after the team was deactivated', async () => {
    const t = team();
    await storage.installations.saveTeam(t);
    expect(await storage.installations.claimWelcome(`team:${t.teamId}`)).toBe(true);
    await storage.installations.deactivateTeam(t.teamId);
    expect(await storage.installations.claimWelcome(`team:${t.teamId}`)).toBe(true);
  });

  test("lists a team's active channels with General first", async () => {
    const teamId = `19:${randomUUID()}@thread.tacv2`;
    await storage.installations.saveChannels([
      { teamId, channelId: '19:zeta', name: 'Zeta', active: true },
      { teamId, channelId: teamId, name: '', active: true },
      { teamId, channelId: '19:alpha', name: 'Alpha', active: true },
    ]);
    await storage.installations.deactivateChannel(teamId, '19:zeta');
    expect((await storage.installations.channelsOf(teamId)).map((c) => c.channelId)).toEqual([teamId, '19:alpha']);
  });
});

describe('encodeKey', () => {
  const awkward = ['a/b', 'a\\b', 'a#b', 'a?b', 'a%2fb', 'a%b', 'tab\there'];

  test('leaves no character that Azure Tables forbids in keys', () => {
    const forbidden = (c: string) =>
      '/\\#?'.includes(c) || c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f);
    for (const value of awkward) expect([...encodeKey(value)].filter(forbidden)).toEqual([]);
  });

  test('keeps distinct inputs distinct, including already encoded ones', () => {
    expect(new Set(awkward.map(encodeKey)).size).toBe(awkward.length);
  });

  test('leaves ordinary Teams ids unchanged', () => {
    expect(encodeKey('19:abc@thread.tacv2;messageid=123')).toBe('19:abc@thread.tacv2;messageid=123');
  });

  test('makes keys that Azure Tables stores and returns for every awkward input', async () => {
    const table = openTables(server.connectionString).teams;
    const partitionKey = `encode-${randomUUID()}`;
    for (const value of awkward) await table.createEntity({ partitionKey, rowKey: encodeKey(value), value });
    for (const value of awkward)
      expect((await table.getEntity<{ value: string }>(partitionKey, encodeKey(value))).value).toBe(value);
  });
});
