import {
  trace,
  type Counter,
  type Histogram,
  type Meter,
  type ObservableGauge,
  type ObservableResult,
} from '@opentelemetry/api';
import { SeverityNumber, type Logger as LogEmitter } from '@opentelemetry/api-logs';
import { redactDownloadTokens, scrubSecrets } from '../logger';
import type {
  CounterMetric,
  GaugeMetric,
  HistogramMetric,
  MetricAttributes,
  Telemetry,
} from '../../app/ports/telemetry';

/** what an error's text may carry is cleaned as in the logs: secrets and download tokens. */
const clean = (text: string) => redactDownloadTokens(scrubSecrets(text));

/**
 * the Telemetry port over OpenTelemetry: instruments from `meter` (created once per metric, with the unit and
 * description of METRICS), errors as log records with the exception attributes, which Application Insights shows as
 * exceptions (within the request that raised them, when there is one), routes on the active request span.
 */
export class OpenTelemetryTelemetry implements Telemetry {
  private readonly counters = new Map<string, Counter>();
  private readonly histograms = new Map<string, Histogram>();
  private readonly gauges = new Map<string, ObservableGauge>();

  constructor(
    private readonly meter: Meter,
    private readonly errors: LogEmitter,
  ) {}

  count(metric: CounterMetric, attributes?: MetricAttributes, value = 1): void {
    let counter = this.counters.get(metric.name);
    if (!counter) {
      counter = this.meter.createCounter(metric.name, { unit: metric.unit, description: metric.description });
      this.counters.set(metric.name, counter);
    }
    counter.add(value, attributes);
  }

  record(metric: HistogramMetric, value: number, attributes?: MetricAttributes): void {
    let histogram = this.histograms.get(metric.name);
    if (!histogram) {
      histogram = this.meter.createHistogram(metric.name, { unit: metric.unit, description: metric.description });
      this.histograms.set(metric.name, histogram);
    }
    histogram.record(value, attributes);
  }

  gauge(metric: GaugeMetric, read: () => number | undefined, attributes?: MetricAttributes): () => void {
    let gauge = this.gauges.get(metric.name);
    if (!gauge) {
      gauge = this.meter.createObservableGauge(metric.name, { unit: metric.unit, description: metric.description });
      this.gauges.set(metric.name, gauge);
    }
    const observed = gauge;
    const callback = (result: ObservableResult) => {
      const value = read();
      if (value !== undefined) result.observe(value, attributes);
    };
    observed.addCallback(callback);
    return () => observed.removeCallback(callback);
  }

  /** the request's span gets the route, from which Application Insights names the request (`POST /api/messages`). */
  route(method: string, route: string): void {
    const span = trace.getActiveSpan();
    span?.setAttribute('http.route', route);
    span?.updateName(`${method} ${route}`);
  }

  exception(error: Error, message: string): void {
    this.errors.emit({
      severityNumber: SeverityNumber.ERROR,
      severityText: 'ERROR',
      body: clean(message),
      attributes: {
        'exception.type': error.name,
        'exception.message': clean(error.message),
        'exception.stacktrace': clean(error.stack ?? `${error.name}: ${error.message}`),
      },
    });
  }
}
