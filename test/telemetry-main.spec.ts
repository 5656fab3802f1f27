import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { BOT, TENANT } from './support/bot-harness';
import { TeamsConnector } from './support/teams-connector';
import { selfSignedCertificate, type TestCertificate } from './support/self-signed-cert';

jest.setTimeout(90_000);

/** one telemetry item as the Azure Monitor exporter sends it. */
interface Envelope {
  name: string;
  data?: {
    baseType?: string;
    baseData?: {
      name?: string;
      url?: string;
      data?: string;
      target?: string;
      metrics?: Array<{ name: string; value: number }>;
      properties?: Record<string, string>;
    };
  };
}

const TOKEN = randomBytes(45).toString('base64url');
const bodies: string[] = [];
const envelopes: Envelope[] = [];
let ingestion: https.Server;
let connector: TeamsConnector;
let bot: ChildProcess;
let dataDir: string;
let botUrl: string;
/** what the bot printed, for a failure's message. */
let output = '';

/** the ingestion endpoint (the exporter speaks https only): stores every body it gets, and the envelopes of /track. */
function startIngestion(tls: TestCertificate): Promise<https.Server> {
  const server = https.createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
      bodies.push(text);
      let items: Envelope[] = [];
      if (req.url?.includes('/track')) {
        try {
          const parsed = JSON.parse(text) as Envelope | Envelope[];
          items = Array.isArray(parsed) ? parsed : [parsed];
        } catch {
          items = text
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as Envelope);
        }
        envelopes.push(...items);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** starts host/main.ts with tsx and resolves with its port once it listens. */
function startBot(env: Record<string, string>): Promise<number> {
  const tsx = path.resolve(__dirname, '../node_modules/.bin/tsx');
  // its own process group, so a test that fails half-way can end tsx and the bot under it together.
  bot = spawn(tsx, [path.resolve(__dirname, '../host/main.ts')], {
    cwd: dataDir,
    env: { PATH: process.env.PATH ?? '', HOME: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    bot.once('exit', (code) => reject(new Error(`the bot exited with ${code}:\n${output}`)));
    bot.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    bot.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = output.split('\n').find((line) => line.includes('bot listening on'));
      if (listening) resolve((JSON.parse(listening) as { port: number }).port);
    });
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'mitwirken-telemetry-'));
  const tls = selfSignedCertificate();
  writeFileSync(path.join(dataDir, 'ingestion-ca.pem'), tls.cert);
  ingestion = await startIngestion(tls);
  connector = await new TeamsConnector({ limits: false }).start();
  const endpoint = `https://127.0.0.1:${(ingestion.address() as AddressInfo).port}/`;
  const port = await startBot({
    NODE_EXTRA_CA_CERTS: path.join(dataDir, 'ingestion-ca.pem'),
    PLAYGROUND: 'off',
    PORT: '0',
    DATA_DIR: path.join(dataDir, 'data'),
    LOG_LEVEL: 'info',
    APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=${endpoint};LiveEndpoint=${endpoint}`,
    APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
    OTEL_TRACES_SAMPLER: 'always_on', // every trace, not 5 a second: the assertions look for particular ones
  });
  botUrl = `http://127.0.0.1:${port}`;

  await fetch(`${botUrl}/healthz`);
  await fetch(`${botUrl}/readyz`);
  await fetch(`${botUrl}/exports/${TOKEN}`);
  await fetch(`${botUrl}/my-data/${TOKEN}?lang=de`);
  const message = {
    type: 'message',
    id: 'm-1',
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna Becker' },
    recipient: BOT,
    text: 'hilfe',
    conversation: { id: 'a:personal-anna', conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
  await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
  });
  await connector.waitFor(() => connector.delivered.length > 0);

  // a graceful stop flushes what is buffered: spans, and metrics before their next interval.
  bot.removeAllListeners('exit');
  const exited = new Promise((resolve) => bot.once('exit', resolve));
  bot.kill('SIGTERM');
  await exited;
});

afterAll(async () => {
  if (bot.exitCode === null && bot.pid) process.kill(-bot.pid, 'SIGKILL');
  await connector.stop();
  ingestion.closeAllConnections();
  await new Promise<void>((resolve) => ingestion.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

const requests = () => envelopes.filter((e) => e.data?.baseType === 'RequestData').map((e) => e.data?.baseData ?? {});
const dependencies = () =>
  envelopes.filter((e) => e.data?.baseType === 'RemoteDependencyData').map((e) => e.data?.baseData ?? {});
const metrics = (name: string) =>
  envelopes
    .filter((e) => e.data?.baseType === 'MetricData' && e.data.baseData?.metrics?.some((m) => m.name === name))
    .map((e) => e.data?.baseData ?? {});

/**
 * the bot as `npm start` runs it (host/main.ts, its own process, local mode), with APPLICATIONINSIGHTS_CONNECTION_STRING
 * pointing at a loopback stand-in for Application Insights' ingestion endpoint: what reaches Azure Monitor, as the
 * exporter sends it.
 */
describe('telemetry sent to Application Insights by the running bot', () => {
  test('records incoming requests, without the liveness probe', () => {
    const names = requests().map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /readyz',
        'POST /api/messages',
        'GET /exports/[redacted]',
        'GET /my-data/[redacted]',
      ]),
    );
    expect(names).not.toContain('GET /healthz');
  });

  test('never sends a download token, in any item', () => {
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) expect(body).not.toContain(TOKEN);
  });

  test('records the reply to Teams as a dependency call, named without ids', () => {
    const calls = dependencies().filter((d) => d.data?.startsWith(connector.url));
    expect(calls.map((d) => d.name)).toContain('POST /v3/conversations/[id]/activities/[id]');
    for (const call of calls) expect(call.data).not.toMatch(/personal-anna/);
  });

  test("sends the bot's metrics with their attributes as custom dimensions, flushed at shutdown", () => {
    const ticks = metrics('mitwirken.scheduler.ticks').map((m) => m.properties);
    expect(ticks).toContainEqual(expect.objectContaining({ job: 'campaigns', leader: 'true', outcome: 'ok' }));
    expect(ticks).toContainEqual(expect.objectContaining({ job: 'digest', outcome: 'ok' }));
  });
});
