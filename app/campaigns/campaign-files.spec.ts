import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { CampaignRepository } from '../../storage/campaign-repository';
import { startEmbeddedTableServer, type EmbeddedTableServer } from '../../storage/embedded-azurite';
import { ScheduleLedger } from '../../storage/schedule-ledger';
import { ensureTables, openTables } from '../../storage/tables';
import { writeCampaignFile } from '../../core/campaigns/campaign-file-writer';
import { loadCampaignFiles } from './campaign-files';
import { CampaignScheduler } from './campaign-scheduler';

const log = pino({ level: 'silent' });
const options = { defaultTimeZone: 'Europe/Berlin', log };

let server: EmbeddedTableServer;
let repo: CampaignRepository;
let ledger: ScheduleLedger;
let dir: string;
let clock: Date;

beforeEach(async () => {
  server = await startEmbeddedTableServer();
  const tables = openTables(server.connectionString);
  await ensureTables(tables);
  clock = new Date('2026-12-01T10:00:00Z');
  repo = new CampaignRepository(tables, () => clock);
  ledger = new ScheduleLedger(tables);
  dir = await mkdtemp(path.join(tmpdir(), 'mitwirken-campaigns-'));
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const puls = (question = 'Wie gut fühlst du dich informiert?') => `id: puls
title: Puls
teams: all
items:
  - type: poll
    question: ${question}
    options: [gut, schlecht]
    schedule: { start: 2026-12-07T09:00, every: P1W }
`;

const ideas = JSON.stringify({
  id: 'ideen',
  title: 'Ideen',
  teams: ['Team Leistung'],
  items: [{ type: 'idea', question: 'Was fehlt?', schedule: { start: '2026-12-09T10:00' } }],
});

const write = (name: string, text: string) => writeFile(path.join(dir, name), text, 'utf8');

describe('loadCampaignFiles', () => {
  test('stores every valid YAML and JSON campaign file and ignores other files', async () => {
    await write('puls.yml', puls());
    await write('ideen.json', ideas);
    await write('README.md', '# not a campaign');
    const result = await loadCampaignFiles(dir, repo, options);
    expect(result).toEqual({ loaded: ['ideen', 'puls'], errors: [], orphaned: [] });
    expect(await repo.get('puls')).toMatchObject({
      source: 'file:puls.yml',
      status: 'scheduled',
      timeZone: 'Europe/Berlin',
    });
    expect(await repo.get('ideen')).toMatchObject({
      source: 'file:ideen.json',
      targets: { kind: 'teams', teams: ['Team Leistung'] },
    });
  });

  test('treats a missing folder as one without campaigns', async () => {
    expect(await loadCampaignFiles(path.join(dir, 'missing'), repo, options)).toEqual({
      loaded: [],
      errors: [],
      orphaned: [],
    });
  });

  test('reports an invalid file by name and line and still loads the others', async () => {
    await write('puls.yml', puls());
    await write(
      'kaputt.yml',
      'id: kaputt\ntitle: Kaputt\nteams: all\nitems:\n  - type: poll\n    question: Nur eine Option?\n    options: [ja]\n    schedule: { start: 2026-12-07T09:00 }\n',
    );
    const result = await loadCampaignFiles(dir, repo, options);
    expect(result.loaded).toEqual(['puls']);
    expect(result.errors).toEqual([
      { file: 'kaputt.yml', line: 7, path: 'items[0].options', message: expect.stringMatching(/at least 2/) },
    ]);
    expect(await repo.get('kaputt')).toBeUndefined();
  });

  test('keeps the stored campaign as it was when its file becomes invalid', async () => {
    await write('puls.yml', puls());
    await loadCampaignFiles(dir, repo, options);
    await write('puls.yml', puls().replace('teams: all', 'teams: 42'));
    const result = await loadCampaignFiles(dir, repo, options);
    expect(result.errors[0]).toMatchObject({ file: 'puls.yml', line: 3, path: 'teams' });
    expect(result.orphaned).toEqual([]);
    expect(await repo.get('puls')).toMatchObject({ targets: { kind: 'all' } });
  });

  test('updates the campaign of a changed file under the same id without posting its slots again', async () => {
    await write('puls.yml', puls());
    await loadCampaignFiles(dir, repo, options);
    const published: string[] = [];
    const scheduler = new CampaignScheduler({
      campaigns: repo,
      ledger,
      listTargets: async () => [{ teamId: '19:b@thread.tacv2', teamName: 'Team Leistung', channels: [] }],
      publish: async (draft) => {
        published.push(draft.question);
        return { itemId: `posted-${published.length}` };
      },
      close: async () => undefined,
      remind: async () => undefined,
      log,
      now: () => clock,
      instanceId: 'instance-a',
      catchUpWindowMs: 6 * 3_600_000,
      leaseTtlMs: 30_000,
      tickMs: 10_000,
    });
    clock = new Date('2026-12-07T08:00:00Z');
    await scheduler.tick();
    await write('puls.yml', puls('Wie gut fühlst du dich heute informiert?'));
    expect((await loadCampaignFiles(dir, repo, options)).loaded).toEqual(['puls']);
    clock = new Date('2026-12-07T08:30:00Z');
    await scheduler.tick();
    expect(published).toEqual(['Wie gut fühlst du dich informiert?']);
    expect(await repo.get('puls')).toMatchObject({
      status: 'running',
      items: [{ question: 'Wie gut fühlst du dich heute informiert?' }],
    });
    clock = new Date('2026-12-14T08:00:00Z');
    await scheduler.tick();
    expect(published).toEqual(['Wie gut fühlst du dich informiert?', 'Wie gut fühlst du dich heute informiert?']);
  });

  test('keeps the campaign of a removed file and reports it as orphaned', async () => {
    await write('puls.yml', puls());
    await write('ideen.json', ideas);
    await loadCampaignFiles(dir, repo, options);
    await unlink(path.join(dir, 'puls.yml'));
    const result = await loadCampaignFiles(dir, repo, options);
    expect(result).toEqual({ loaded: ['ideen'], errors: [], orphaned: ['puls'] });
    expect(await repo.get('puls')).toMatchObject({ status: 'scheduled', source: 'file:puls.yml' });
  });

  test('refuses a second file that uses an id already defined by another file', async () => {
    await write('a.yml', puls());
    await write('b.yml', puls('Doppelt?'));
    const result = await loadCampaignFiles(dir, repo, options);
    expect(result.loaded).toEqual(['puls']);
    expect(result.errors).toEqual([
      { file: 'b.yml', path: '', message: "campaign id 'puls' is already defined in a.yml; ids must be unique" },
    ]);
    expect((await repo.get('puls'))?.items[0]?.question).toBe('Wie gut fühlst du dich informiert?');
  });

  test('reports a file whose id belongs to a campaign made in chat and leaves that campaign alone', async () => {
    await repo.saveFromChat(
      {
        id: 'puls',
        title: 'Aus dem Chat',
        targets: { kind: 'all' },
        channel: 'General',
        timeZone: 'Europe/Berlin',
        status: 'draft',
        items: [],
      },
      'aad-admin',
    );
    await write('puls.yml', puls());
    const result = await loadCampaignFiles(dir, repo, options);
    expect(result.errors).toEqual([{ file: 'puls.yml', path: '', message: expect.stringMatching(/created in chat/) }]);
    expect(await repo.get('puls')).toMatchObject({ title: 'Aus dem Chat', source: 'chat:aad-admin' });
  });

  test('takes over a chat campaign when its downloaded campaign file is loaded unchanged; the file is then its source', async () => {
    const chat = {
      id: 'aus-dem-chat',
      title: 'Aus dem Chat',
      targets: { kind: 'all' as const },
      channel: 'General',
      timeZone: 'Europe/Berlin',
      status: 'draft' as const,
      items: [
        {
          id: 'item-1',
          type: 'rating' as const,
          question: 'Wie geht es Ihnen?',
          anonymous: true,
          schedule: { start: '2027-01-11T09:00', every: 'P1W' as const },
          openFor: 'P5D',
        },
      ],
    };
    await repo.saveFromChat(chat, 'aad-admin');
    await repo.setStatus(chat.id, 'paused', 'aad-admin');
    await write('aus-dem-chat.yml', writeCampaignFile(chat));
    const result = await loadCampaignFiles(dir, repo, options);
    expect(result.errors).toEqual([]);
    expect(await repo.get(chat.id)).toMatchObject({
      title: 'Aus dem Chat',
      source: 'file:aus-dem-chat.yml',
      status: 'paused',
    });

    // from now on the file is the campaign: a change in it is loaded.
    await write('aus-dem-chat.yml', writeCampaignFile({ ...chat, title: 'Aus der Datei' }));
    expect((await loadCampaignFiles(dir, repo, options)).errors).toEqual([]);
    expect(await repo.get(chat.id)).toMatchObject({ title: 'Aus der Datei', source: 'file:aus-dem-chat.yml' });
  });
});
