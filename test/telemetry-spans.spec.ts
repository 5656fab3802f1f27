import http from 'node:http';
import https from 'node:https';
import { SpanKind } from '@opentelemetry/api';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import {
  InMemorySpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-node';
import { RedactingSpanProcessor } from '../host/telemetry/span-redaction';
import { ADMIN, startBotHarness, TEAM, type BotHarness } from './support/bot-harness';

/**
 * the bot with the HTTP instrumentation Azure Monitor uses and the redacting processor ahead of an in-memory
 * exporter, as host/telemetry/azure-monitor.ts wires it: every incoming request and every outgoing call (storage,
 * Teams) becomes a span, and none may carry a download link's token.
 */
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({
  spanProcessors: [new RedactingSpanProcessor(), new SimpleSpanProcessor(exporter)],
});
const instrumentation = new HttpInstrumentation({ enabled: false });
let h: BotHarness;

/** the node modules the instrumentation patches: in production its require hook does it, which jest's module loader bypasses. */
const patched = { http, https } as Record<string, unknown>;

beforeAll(async () => {
  provider.register();
  instrumentation.setTracerProvider(provider);
  instrumentation.enable();
  for (const definition of instrumentation.getModuleDefinitions()) {
    definition.moduleExports = patched[definition.name];
    definition.patch?.(definition.moduleExports);
  }
  h = await startBotHarness();
});

afterAll(async () => {
  await h.stop();
  instrumentation.disable(); // unpatches what enable() patched
  await provider.shutdown();
});

const serverSpans = () => exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.SERVER);
const everything = (spans: readonly ReadableSpan[]) =>
  JSON.stringify(spans.map((s) => ({ name: s.name, attributes: s.attributes, events: s.events })));

async function waitForServerSpans(count: number): Promise<void> {
  const until = Date.now() + 5000;
  while (serverSpans().length < count) {
    if (Date.now() > until) throw new Error(`only ${serverSpans().length} of ${count} server spans ended`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('spans of download requests', () => {
  test('carry no download token, whatever the route, method or outcome, while storage calls are recorded', async () => {
    exporter.reset();
    const myData = h.app.services.myDataLinks.token({ personId: ADMIN.aadObjectId, locale: 'de' });
    const csv = h.app.services.exportLinks.token({
      campaignId: 'no-such-campaign',
      personId: ADMIN.aadObjectId,
      locale: 'de',
    });
    const requests: Array<[string, string]> = [
      ['GET', `/my-data/${myData}`],
      ['GET', `/exports/${csv}?download=1`],
      ['HEAD', `/exports/${csv}`],
      ['POST', `/my-data/${myData}`],
      ['GET', `/my-data//${myData}`],
    ];
    const statuses = [];
    for (const [method, path] of requests) statuses.push((await fetch(`${h.url}${path}`, { method })).status);
    expect(statuses[0]).toBe(200); // the person's data was built from storage
    await waitForServerSpans(requests.length);

    const spans = exporter.getFinishedSpans();
    expect(everything(spans)).not.toContain(myData);
    expect(everything(spans)).not.toContain(csv);
    const botPort = Number(new URL(h.url).port);
    const paths = serverSpans()
      .filter((s) => s.attributes['server.port'] === botPort)
      .map((s) => s.attributes['url.path']);
    expect(paths).toEqual([
      '/my-data/[redacted]',
      '/exports/[redacted]',
      '/exports/[redacted]',
      '/my-data/[redacted]',
      '/my-data//[redacted]',
    ]);
    // building the download read storage: those calls are spans too, with their entity keys left out.
    const storageCalls = spans.filter(
      (s) => s.kind === SpanKind.CLIENT && s.attributes['server.port'] === h.tableServer.port,
    );
    expect(storageCalls.length).toBeGreaterThan(0);
    expect(storageCalls.map((s) => s.attributes['url.full'])).toContainEqual(
      expect.stringMatching(/\/devstoreaccount1\/\w+\(\[redacted\]\)$/),
    );
    expect(everything(storageCalls)).not.toMatch(/PartitionKey=|PartitionKey%20eq|\$filter|aad-admin/);
  });
});

describe('spans of calls to Teams', () => {
  test('name each Bot Connector operation once, without conversation or activity ids', async () => {
    exporter.reset();
    expect((await h.installInTeam(TEAM)).status).toBe(200); // the welcome card goes out through the connector
    await h.connector.waitFor(() => h.connector.delivered.length > 0);
    const connectorPort = Number(new URL(h.connector.url).port);
    const until = Date.now() + 5000;
    let calls: ReadableSpan[] = [];
    while (calls.length === 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
      calls = exporter
        .getFinishedSpans()
        .filter((s) => s.kind === SpanKind.CLIENT && s.attributes['server.port'] === connectorPort);
    }
    expect(calls.map((s) => s.attributes['url.full'])).toContainEqual(
      `${h.connector.url}v3/conversations/[id]/activities`,
    );
    expect(everything(calls)).not.toContain(TEAM.id);
    expect(everything(calls)).not.toContain(encodeURIComponent(TEAM.id));
  });
});
