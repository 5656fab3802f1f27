import type { IncomingMessage } from 'node:http';
import { shutdownAzureMonitor, useAzureMonitor } from '@azure/monitor-opentelemetry';
import { metrics } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import type { HttpInstrumentationConfig } from '@opentelemetry/instrumentation-http';
import { OpenTelemetryTelemetry } from './open-telemetry';
import { RedactingSpanProcessor } from './span-redaction';
import type { Telemetry } from '../../app/ports/telemetry';

/** running telemetry: the port the bot records into, and the flush at shutdown. */
export interface AzureMonitor {
  telemetry: Telemetry;
  /** exports what is still buffered (spans, metrics, exceptions) and stops. */
  shutdown(): Promise<void>;
}

/** the liveness probe answers every few seconds on every instance: not worth a request row each. */
const UNRECORDED_PATHS = new Set(['/healthz']);

/** what a meter provider of the SDK has beyond the API's: pushing out what it collected so far. */
type Flushable = { forceFlush?: () => Promise<void> };

/**
 * starts OpenTelemetry with the Azure Monitor exporter: incoming requests and dependency calls (Teams, storage, token
 * endpoints) through the HTTP instrumentation, the bot's metrics and exceptions. The instrumentation patches modules
 * as they load, so main.ts calls this before it loads anything that makes HTTP calls. The Azure SDK's own spans are
 * off: they would record every storage call twice more (an in-process span and a second HTTP span).
 * Spans pass RedactingSpanProcessor before any exporter sees them; exceptions are all sent, not only those of
 * sampled requests.
 */
export function startAzureMonitor(connectionString: string): AzureMonitor {
  const http: HttpInstrumentationConfig = {
    enabled: true,
    ignoreIncomingRequestHook: (request: IncomingMessage) =>
      UNRECORDED_PATHS.has((request.url ?? '').split('?')[0] ?? ''),
  };
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    spanProcessors: [new RedactingSpanProcessor()],
    enableTraceBasedSamplingForLogs: false,
    instrumentationOptions: {
      http,
      azureSdk: { enabled: false },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
    },
  });
  return {
    telemetry: new OpenTelemetryTelemetry(metrics.getMeter('mitwirken'), logs.getLogger('mitwirken')),
    shutdown: async () => {
      // the metrics since the last interval first: shutting the distro down closes its exporter before a last collection.
      await (metrics.getMeterProvider() as Flushable).forceFlush?.();
      await shutdownAzureMonitor();
    },
  };
}
