import { randomUUID } from 'node:crypto';
import type { Campaign, CampaignItem } from '../core/campaigns/campaign';
import { CampaignRepository, CampaignStoreError, MAX_ITEMS_JSON_CHARS } from './campaign-repository';
import { startEmbeddedTableServer, type EmbeddedTableServer } from './embedded-azurite';
import { ensureTables, openTables } from './tables';
import { sampleCampaign, sampleCampaignPoll } from '../test/support/sample-items';

let server: EmbeddedTableServer;
let repo: CampaignRepository;
let clock = new Date('2026-12-01T10:00:00Z');

beforeAll(async () => {
  server = await startEmbeddedTableServer();
  const tables = openTables(server.connectionString);
  await ensureTables(tables);
  repo = new CampaignRepository(tables, () => clock);
});
afterAll(async () => {
  await server.close();
});

const poll: CampaignItem = sampleCampaignPoll();

function campaign(over: Partial<Campaign> = {}): Campaign {
  return sampleCampaign({ id: `puls-${randomUUID().slice(0, 8)}`, title: 'Puls', items: [poll], ...over });
}

describe('CampaignRepository', () => {
  test('stores a campaign from a file and returns it with its source and times', async () => {
    const c = campaign({ description: 'Kurz', retentionDays: 90, targets: { kind: 'teams', teams: ['Team A'] } });
    expect(await repo.upsertFromFile(c, 'puls.yml')).toBe('created');
    expect(await repo.get(c.id)).toEqual({
      ...c,
      source: 'file:puls.yml',
      createdBy: 'file:puls.yml',
      createdAt: clock,
      updatedBy: 'file:puls.yml',
      updatedAt: clock,
    });
  });

  test('leaves the row untouched when the same file is loaded again', async () => {
    const c = campaign();
    await repo.upsertFromFile(c, 'a.yml');
    const first = await repo.get(c.id);
    clock = new Date(clock.getTime() + 60_000);
    expect(await repo.upsertFromFile(c, 'a.yml')).toBe('unchanged');
    expect(await repo.get(c.id)).toEqual(first);
  });

  test('updates the content of a changed file under the same id and keeps a status the admin set', async () => {
    const c = campaign();
    await repo.upsertFromFile(c, 'a.yml');
    await repo.setStatus(c.id, 'paused', 'aad-admin');
    expect(await repo.upsertFromFile({ ...c, title: 'Puls 2' }, 'a.yml')).toBe('updated');
    expect(await repo.get(c.id)).toMatchObject({ title: 'Puls 2', status: 'paused' });
    expect((await repo.list()).filter((x) => x.id === c.id)).toHaveLength(1);
  });

  test('takes the status from the file when the file changes it', async () => {
    const c = campaign({ status: 'draft' });
    await repo.upsertFromFile(c, 'a.yml');
    await repo.upsertFromFile({ ...c, status: 'scheduled' }, 'a.yml');
    expect((await repo.get(c.id))?.status).toBe('scheduled');
  });

  test('keeps a running campaign running when its file still says scheduled', async () => {
    const c = campaign();
    await repo.upsertFromFile(c, 'a.yml');
    expect(await repo.markRunning(c.id)).toBe(true);
    await repo.upsertFromFile({ ...c, items: [{ ...poll, question: 'Neu?' }] }, 'a.yml');
    expect((await repo.get(c.id))?.status).toBe('running');
  });

  test('refuses a file whose id belongs to a campaign made in chat, unless it says exactly what the campaign holds', async () => {
    const c = campaign();
    await repo.saveFromChat(c, 'aad-admin');
    await expect(repo.upsertFromFile({ ...c, title: 'Anders als im Chat' }, 'a.yml')).rejects.toThrow(
      CampaignStoreError,
    );
    expect((await repo.get(c.id))?.source).toBe('chat:aad-admin');
    // the same content (its campaign file, loaded unchanged) takes it over.
    expect(await repo.upsertFromFile(c, 'a.yml')).toBe('updated');
    expect((await repo.get(c.id))?.source).toBe('file:a.yml');
  });

  test('stores a large campaign split over several properties and reads it back whole', async () => {
    const items: CampaignItem[] = Array.from({ length: 200 }, (_, i) => ({
      ...poll,
      id: `item-${i + 1}`,
      question: `${'Frage '.repeat(80)}${i}`,
    }));
    const c = campaign({ items });
    expect(JSON.stringify(items).length).toBeGreaterThan(64_000);
    await repo.upsertFromFile(c, 'big.yml');
    expect((await repo.get(c.id))?.items).toEqual(items);
  });

  test('rejects a campaign too large to store with an error that says so', async () => {
    const question = 'x'.repeat(500);
    const items: CampaignItem[] = Array.from({ length: Math.ceil(MAX_ITEMS_JSON_CHARS / 500) + 1 }, (_, i) => ({
      ...poll,
      id: `item-${i}`,
      question,
    }));
    await expect(repo.upsertFromFile(campaign({ items }), 'huge.yml')).rejects.toThrow(/too large to store/);
  });

  test('marks only a scheduled campaign as running', async () => {
    const c = campaign({ status: 'draft' });
    await repo.upsertFromFile(c, 'a.yml');
    expect(await repo.markRunning(c.id)).toBe(false);
    expect((await repo.get(c.id))?.status).toBe('draft');
  });

  test('records who changed the status and when', async () => {
    const c = campaign();
    await repo.upsertFromFile(c, 'a.yml');
    clock = new Date(clock.getTime() + 60_000);
    const paused = await repo.setStatus(c.id, 'paused', 'aad-admin');
    expect(paused).toMatchObject({ status: 'paused', updatedBy: 'aad-admin', updatedAt: clock });
    expect(await repo.setStatus('no-such-campaign', 'paused', 'aad-admin')).toBeUndefined();
  });

  test('deletes a draft but not a campaign that was scheduled', async () => {
    const draft = campaign({ status: 'draft' });
    const scheduled = campaign();
    await repo.upsertFromFile(draft, 'd.yml');
    await repo.upsertFromFile(scheduled, 's.yml');
    expect(await repo.delete(draft.id)).toBe('deleted');
    expect(await repo.get(draft.id)).toBeUndefined();
    expect(await repo.delete(scheduled.id)).toBe('not-draft');
    expect(await repo.delete(draft.id)).toBe('not-found');
  });

  test('keeps the status and creator of a chat campaign when the admin edits it', async () => {
    const c = campaign();
    await repo.saveFromChat(c, 'aad-admin');
    await repo.setStatus(c.id, 'paused', 'aad-admin');
    const saved = await repo.saveFromChat({ ...c, title: 'Neu', status: 'draft' }, 'aad-other');
    expect(saved).toMatchObject({ title: 'Neu', status: 'paused', createdBy: 'aad-admin', updatedBy: 'aad-other' });
  });
});
