import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import { createServer } from '../bot/server';
import { loadConfig } from '../app/config';
import { ADMIN, BOT, personalActivity, startBotHarness, TENANT, type BotHarness } from './support/bot-harness';
import { tableCensus } from './support/table-census';

const OTHER_TENANT = 'b1e0f7c2-0000-4000-8000-000000000666';
let h: BotHarness;
let server: restify.Server;
let url: string;

/**
 * the harness's bot behind a server with ALLOWED_TENANT_IDS = TENANT: same adapter, bot and storage, real HTTP.
 * (createServer is given the list here directly; bot-app.ts passes config.allowedTenantIds.)
 */
beforeAll(async () => {
  h = await startBotHarness();
  const config = loadConfig({ PLAYGROUND: 'off', ALLOWED_TENANT_IDS: ` ${TENANT.toUpperCase()}, 0000-unused ` });
  const log = h.app.services.log;
  server = createServer({
    adapter: h.app.edge.adapter,
    bot: h.app.bot,
    log,
    ready: async () => undefined,
    allowedTenantIds: config.allowedTenantIds,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h.stop();
});

async function post(body: unknown): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.text();
  return res.status;
}

/** the bot being added to a team, from a given tenant (channelData and conversation may disagree). */
const install = (
  channelTenant: string | undefined,
  conversationTenant: string | undefined,
  team = { id: `19:${randomUUID()}@thread.tacv2`, name: 'Team' },
) => ({
  id: randomUUID(),
  type: 'installationUpdate',
  action: 'add',
  channelId: 'msteams',
  serviceUrl: h.connector.url,
  from: { id: ADMIN.id, aadObjectId: ADMIN.aadObjectId, name: ADMIN.name },
  recipient: BOT,
  conversation: {
    id: team.id,
    conversationType: 'channel',
    isGroup: true,
    ...(conversationTenant ? { tenantId: conversationTenant } : {}),
  },
  channelData: { team, channel: { id: team.id }, ...(channelTenant ? { tenant: { id: channelTenant } } : {}) },
});
const message = (tenant: string) => personalActivity(h, ADMIN, tenant);

describe('tenant allow-list (ALLOWED_TENANT_IDS)', () => {
  test('lets an activity from an allowed tenant through, whatever the case of its id', async () => {
    const before = await tableCensus(h.storage);
    expect(await post(install(TENANT, TENANT))).toBe(200);
    expect((await tableCensus(h.storage)).Teams).toBeGreaterThan(before.Teams ?? 0);
  });

  test.each([
    ['another tenant', OTHER_TENANT, OTHER_TENANT],
    ['an allowed tenant in channelData but another in the conversation', TENANT, OTHER_TENANT],
    ['another tenant in channelData and an allowed one in the conversation', OTHER_TENANT, TENANT],
    ['no tenant at all', undefined, undefined],
  ])('refuses an install from %s with 403 and stores nothing', async (_case, channelTenant, conversationTenant) => {
    const before = await tableCensus(h.storage);
    const sent = h.connector.calls.length;
    expect(await post(install(channelTenant, conversationTenant))).toBe(403);
    expect(await tableCensus(h.storage)).toEqual(before);
    expect(h.connector.calls.length).toBe(sent);
  });

  test('logs the refused tenant id', async () => {
    await post(message(OTHER_TENANT));
    expect(
      h.logs.some(
        (l) =>
          l.msg === 'activity from a tenant that is not allowed' &&
          JSON.stringify(l.tenantIds) === JSON.stringify([OTHER_TENANT]),
      ),
    ).toBe(true);
  });

  test('answers a message from an allowed tenant', async () => {
    const sent = h.connector.delivered.length;
    expect(await post(message(TENANT))).toBe(200);
    expect(h.connector.delivered.length).toBeGreaterThan(sent);
  });

  test('lets every tenant through when the list is empty', async () => {
    expect((await h.post(message(OTHER_TENANT))).status).toBe(200);
  });

  test('reads the list from ALLOWED_TENANT_IDS, comma-separated', () => {
    expect(loadConfig({ ALLOWED_TENANT_IDS: 'a, b,c' }).allowedTenantIds).toEqual(['a', 'b', 'c']);
    expect(loadConfig({}).allowedTenantIds).toEqual([]);
  });
});
