import { SpanKind } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { RedactingSpanProcessor, telemetryUrl } from './span-redaction';

const TOKEN = 'AbCdEf0123456789_-AbCdEf0123456789_-AbCdEf0123456789';

function tracer() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    spanProcessors: [new RedactingSpanProcessor(), new SimpleSpanProcessor(exporter)],
  });
  return { tracer: provider.getTracer('spec'), exporter };
}

describe('telemetryUrl', () => {
  test('redacts the token of a download link, as the logs do, also behind an encoded or doubled slash', () => {
    expect(telemetryUrl(`/exports/${TOKEN}`)).toBe('/exports/[redacted]');
    expect(telemetryUrl(`https://bot.example/my-data//${TOKEN}`)).toBe('https://bot.example/my-data//[redacted]');
    expect(telemetryUrl(`/exports%2F${TOKEN}`)).toBe('/exports%2F[redacted]');
  });

  test('drops query strings and Table entity keys, and names Bot Connector calls without their ids', () => {
    expect(
      telemetryUrl("https://st.table.core.windows.net/Responses(PartitionKey='item-1',RowKey='aad-anna')?$select=x"),
    ).toBe('https://st.table.core.windows.net/Responses([redacted])');
    expect(telemetryUrl("/Items()?$filter=PartitionKey%20eq%20'team%7Caad-anna'")).toBe('/Items()');
    expect(
      telemetryUrl(
        'https://smba.trafficmanager.net/emea/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1/activities/1700000000',
      ),
    ).toBe('https://smba.trafficmanager.net/emea/v3/conversations/[id]/activities/[id]');
    expect(telemetryUrl('/v3/teams/19%3Aabc/conversations')).toBe('/v3/teams/[id]/conversations');
    expect(telemetryUrl('/api/messages')).toBe('/api/messages');
  });
});

describe('RedactingSpanProcessor', () => {
  test('rewrites the name and every URL attribute a server span starts with, and drops its query', () => {
    const { tracer: t, exporter } = tracer();
    const span = t.startSpan(`GET /exports/${TOKEN}`, {
      kind: SpanKind.SERVER,
      attributes: {
        'http.method': 'GET',
        'http.target': `/exports/${TOKEN}?download=1`,
        'http.url': `https://bot.example/exports/${TOKEN}`,
        'url.path': `/exports/${TOKEN}`,
        'url.full': `https://bot.example/exports/${TOKEN}?download=1`,
        'url.query': 'download=1',
        'http.status_code': 200,
      },
    });
    span.end();
    const [done] = exporter.getFinishedSpans();
    expect(done?.name).toBe('GET /exports/[redacted]');
    expect(done?.attributes).toEqual({
      'http.method': 'GET',
      'http.target': '/exports/[redacted]',
      'http.url': 'https://bot.example/exports/[redacted]',
      'url.path': '/exports/[redacted]',
      'url.full': 'https://bot.example/exports/[redacted]',
      'http.status_code': 200,
    });
  });

  test('also cleans what is set while the span runs: a route, a renamed span, an exception event', () => {
    const { tracer: t, exporter } = tracer();
    const span = t.startSpan('GET', { kind: SpanKind.SERVER });
    span.setAttribute('http.route', `/my-data/${TOKEN}`);
    span.setAttribute('mitwirken.note', `see /my-data/${TOKEN}`);
    span.updateName(`GET /my-data/${TOKEN}`);
    span.recordException(new Error(`download of /my-data/${TOKEN} failed`));
    span.end();
    const done = exporter.getFinishedSpans()[0];
    expect(JSON.stringify({ name: done?.name, attributes: done?.attributes, events: done?.events })).not.toContain(
      TOKEN,
    );
    expect(done?.attributes['http.route']).toBe('/my-data/[redacted]');
    expect(done?.events[0]?.attributes?.['exception.message']).toBe('download of /my-data/[redacted] failed');
  });
});
