import { startEmbeddedTableServer, type EmbeddedTableServer } from './embedded-azurite';
import { AuditLog } from './audit-log';
import { ensureTables, openTables } from './tables';

let server: EmbeddedTableServer;
let audit: AuditLog;
beforeAll(async () => {
  server = await startEmbeddedTableServer();
  const tables = openTables(server.connectionString);
  await ensureTables(tables);
  audit = new AuditLog(tables);
});
afterAll(async () => {
  await server.close();
});

const at = (iso: string) => new Date(iso);

describe('AuditLog', () => {
  test('lists recent entries newest first across the month boundary, up to the limit', async () => {
    await audit.record({ actorId: 'aad-1', action: 'campaign.pause', target: 'c-1', at: at('2026-02-27T10:00:00Z') });
    await audit.record({
      actorId: 'aad-1',
      actorName: 'Anna',
      action: 'leader.assign',
      target: 'team|person',
      details: { teamName: 'Team A', count: 2, fromFile: false },
      at: at('2026-03-02T10:00:00Z'),
    });
    await audit.record({ actorId: 'aad-2', action: 'campaign.end', at: at('2026-03-03T10:00:00Z') });
    const now = at('2026-03-05T00:00:00Z');
    expect((await audit.recent(10, now)).map((e) => e.action)).toEqual([
      'campaign.end',
      'leader.assign',
      'campaign.pause',
    ]);
    expect((await audit.recent(2, now)).map((e) => e.action)).toEqual(['campaign.end', 'leader.assign']);
    expect((await audit.recent(10, now))[1]).toEqual({
      actorId: 'aad-1',
      actorName: 'Anna',
      action: 'leader.assign',
      target: 'team|person',
      details: { teamName: 'Team A', count: 2, fromFile: false },
      at: at('2026-03-02T10:00:00Z'),
    });
  });

  test('keeps two entries of the same instant apart', async () => {
    const same = at('2026-05-01T10:00:00Z');
    await audit.record({ actorId: 'aad-1', action: 'a', at: same });
    await audit.record({ actorId: 'aad-1', action: 'b', at: same });
    expect(await audit.recent(10, same)).toHaveLength(2);
  });

  test('returns nothing for a limit of zero', async () => {
    expect(await audit.recent(0, at('2026-03-05T00:00:00Z'))).toEqual([]);
  });
});
