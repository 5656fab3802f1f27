import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { messages } from '../core/messages';
import { ADMIN, BOT, startBotHarness, TENANT, type BotHarness } from './support/bot-harness';
import { JwtIssuer } from './support/jwt-issuer';

/** the client id of the user-assigned managed identity the bot runs as (its MicrosoftAppId). */
const IDENTITY = '3f1d9c2e-8b4a-4e6f-9a1b-2c3d4e5f6a7b';
const ENTRA_TENANT = '9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e';
const IDENTITY_HEADER = `header-${randomUUID()}`;
const MSI_TOKEN = `msi-token-${randomBytes(12).toString('hex')}`;

/** what the bot asked the managed identity endpoint. */
const tokenRequests: Array<{ resource: string | null; clientId: string | null; header: string | undefined }> = [];
let identityEndpoint: http.Server;
let issuer: JwtIssuer;
let h: BotHarness;
const saved: Record<string, string | undefined> = {};

/**
 * the managed identity endpoint App Service and Container Apps give a process (IDENTITY_ENDPOINT with its
 * IDENTITY_HEADER), on loopback: it hands out a fixed token for whatever resource and identity is asked.
 */
function startIdentityEndpoint(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    tokenRequests.push({
      resource: url.searchParams.get('resource'),
      clientId: url.searchParams.get('client_id'),
      header: req.headers['x-identity-header'] as string | undefined,
    });
    const expiresOn = Math.floor(Date.now() / 1000) + 3600;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        access_token: MSI_TOKEN,
        expires_on: String(expiresOn),
        resource: url.searchParams.get('resource'),
        token_type: 'Bearer',
        client_id: url.searchParams.get('client_id'),
      }),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined); // botbuilder prints refused tokens
  identityEndpoint = await startIdentityEndpoint();
  for (const key of [
    'IDENTITY_ENDPOINT',
    'IDENTITY_HEADER',
    'MSI_ENDPOINT',
    'MSI_SECRET',
    'AZURE_CLIENT_SECRET',
    'AZURE_FEDERATED_TOKEN_FILE',
  ])
    saved[key] = process.env[key];
  process.env.IDENTITY_ENDPOINT = `http://127.0.0.1:${(identityEndpoint.address() as AddressInfo).port}/msi/token`;
  process.env.IDENTITY_HEADER = IDENTITY_HEADER;
  for (const key of ['MSI_ENDPOINT', 'MSI_SECRET', 'AZURE_CLIENT_SECRET', 'AZURE_FEDERATED_TOKEN_FILE'])
    delete process.env[key];
  issuer = await new JwtIssuer().start();
  h = await startBotHarness({
    MicrosoftAppId: IDENTITY,
    MicrosoftAppType: 'UserAssignedMSI',
    MicrosoftAppTenantId: ENTRA_TENANT,
    ANSWER_SECRET: randomBytes(32).toString('hex'),
    AZURE_STORAGE_ACCOUNT_URL: 'https://stmitwirken.table.core.windows.net',
    BOT_OPENID_METADATA_URL: issuer.metadataUrl,
  });
});

afterAll(async () => {
  await h.stop();
  await issuer.stop();
  await new Promise<void>((resolve) => identityEndpoint.close(() => resolve()));
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  jest.restoreAllMocks();
});

/** a personal-chat message as Teams sends it, with a Bot Connector token for `audience`. */
async function personalMessage(text: string, audience: string) {
  const activity = {
    id: randomUUID(),
    type: 'message',
    channelId: 'msteams',
    serviceUrl: h.connector.url,
    from: { id: ADMIN.id, aadObjectId: ADMIN.aadObjectId, name: ADMIN.name },
    recipient: BOT,
    locale: 'de-DE',
    text,
    conversation: { id: `a:personal-${ADMIN.id}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
  return h.post(activity, { authorization: `Bearer ${issuer.token(audience, h.connector.url)}` });
}

describe('the bot running as a user-assigned managed identity (MicrosoftAppType=UserAssignedMSI)', () => {
  test("accepts Bot Connector tokens issued for the identity's client id and refuses others", async () => {
    expect((await personalMessage('hilfe', 'another-app')).status).toBe(401);
    expect((await personalMessage('hilfe', IDENTITY)).status).toBe(200);
  });

  test('answers through the Bot Connector with a token of the managed identity, without any secret', async () => {
    await h.connector.waitFor(() =>
      h.connector.calls.some((c) => c.method === 'POST' && c.conversationId === `a:personal-${ADMIN.id}`),
    );
    const reply = h.connector.calls.find((c) => c.method === 'POST' && c.conversationId === `a:personal-${ADMIN.id}`);
    expect(reply?.authorization).toBe(`Bearer ${MSI_TOKEN}`);
    expect(JSON.stringify(reply?.body)).toContain(messages('de').helpTitle);
  });

  test('asked the managed identity endpoint for a Bot Framework token of exactly that identity', () => {
    expect(tokenRequests.length).toBeGreaterThan(0);
    for (const request of tokenRequests) {
      expect(request).toEqual({
        resource: 'https://api.botframework.com',
        clientId: IDENTITY,
        header: IDENTITY_HEADER,
      });
    }
  });
});
