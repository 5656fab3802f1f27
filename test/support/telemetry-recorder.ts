import type { LogRecord, Logger as LogEmitter } from '@opentelemetry/api-logs';
import { DataPointType, MeterProvider, MetricReader, type MetricData } from '@opentelemetry/sdk-metrics';
import { OpenTelemetryTelemetry } from '../../host/telemetry/open-telemetry';
import type { Telemetry } from '../../app/ports/telemetry';

/** a metric reader that collects on demand: what an exporter would get at its next interval. */
class OnDemandReader extends MetricReader {
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }

  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

/** one data point as collected: its attributes and its value (a counter's running total, a gauge's reading, a histogram's count and sum). */
export interface Point {
  attributes: Record<string, unknown>;
  value: number;
  /** histograms only. */
  count?: number;
}

/** the production Telemetry over an OpenTelemetry SDK that keeps everything in memory, for assertions. */
export interface TelemetryRecorder {
  telemetry: Telemetry;
  /** exceptions as they were emitted (log records with exception attributes). */
  exceptions: LogRecord[];
  /** the data points of a metric, collected now. */
  points(name: string): Promise<Point[]>;
  /** the sum of a metric's points whose attributes include `match` (for a histogram: how many values it recorded). */
  total(name: string, match?: Record<string, unknown>): Promise<number>;
}

function pointsOf(metric: MetricData): Point[] {
  if (metric.dataPointType === DataPointType.HISTOGRAM) {
    return metric.dataPoints.map((p) => ({ attributes: p.attributes, value: p.value.sum ?? 0, count: p.value.count }));
  }
  if (metric.dataPointType === DataPointType.EXPONENTIAL_HISTOGRAM) return [];
  return metric.dataPoints.map((p) => ({ attributes: p.attributes, value: p.value }));
}

/** starts a recorder: OpenTelemetryTelemetry on a MeterProvider with an on-demand reader (cumulative sums). */
export function recordTelemetry(): TelemetryRecorder {
  const reader = new OnDemandReader();
  const provider = new MeterProvider({ readers: [reader] });
  const exceptions: LogRecord[] = [];
  const emitter: LogEmitter = { emit: (record) => void exceptions.push(record), enabled: () => true };
  const points = async (name: string): Promise<Point[]> => {
    const { resourceMetrics } = await reader.collect();
    return resourceMetrics.scopeMetrics
      .flatMap((s) => s.metrics)
      .filter((m) => m.descriptor.name === name)
      .flatMap(pointsOf);
  };
  return {
    telemetry: new OpenTelemetryTelemetry(provider.getMeter('mitwirken'), emitter),
    exceptions,
    points,
    total: async (name, match = {}) =>
      (await points(name))
        .filter((p) => Object.entries(match).every(([k, v]) => p.attributes[k] === v))
        .reduce((sum, p) => sum + (p.count ?? p.value), 0),
  };
}
