/** attributes of a measurement: few values each (never ids), so every combination stays one series. */
export type MetricAttributes = Readonly<Record<string, string | boolean>>;

interface MetricSpec<K extends 'counter' | 'histogram' | 'gauge'> {
  kind: K;
  /** the name in Application Insights (customMetrics.name). */
  name: string;
  /** UCUM unit: `s` seconds, `{request}` a count of requests. */
  unit: string;
  description: string;
}

/**
 * every metric Mitwirken records, in one place: docs/operations.md ("Telemetry and alerts") lists the same names,
 * units and attributes, with the queries that alert on them.
 */
export const METRICS = {
  /** each attempt of a Bot Connector (Teams) call through the outbound queue; `status_class`: 2xx, 429, 4xx, 5xx, other, network (connection failed), error (failed without an answer, e.g. no token). */
  teamsRequests: {
    kind: 'counter',
    name: 'mitwirken.teams.requests',
    unit: '{request}',
    description: 'Teams (Bot Connector) calls through the outbound queue, each attempt, by status class',
  },
  /** sends waiting in the outbound queue (queued or parked for a retry), read at each collection. */
  outboundQueueDepth: {
    kind: 'gauge',
    name: 'mitwirken.outbound.queue_depth',
    unit: '{send}',
    description: 'Sends waiting in the outbound queue, queued or parked for a retry',
  },
  /** from a due slot's first claim to its last channel; `complete`: every channel posted. */
  fanoutDuration: {
    kind: 'histogram',
    name: 'mitwirken.fanout.duration',
    unit: 's',
    description: 'Time to post one campaign slot into all its channels',
  },
  /** weekly leader digests by `outcome`: sent, skipped (no chat reachable), failed (retried later). */
  digests: {
    kind: 'counter',
    name: 'mitwirken.digests',
    unit: '{digest}',
    description: 'Weekly leader digests by outcome',
  },
  /** passes of the schedulers by `job` (campaigns, digest), `leader` (held the lease) and `outcome` (ok, failed). */
  schedulerTicks: {
    kind: 'counter',
    name: 'mitwirken.scheduler.ticks',
    unit: '{tick}',
    description: 'Scheduler passes by job, lease and outcome',
  },
  /** how long this instance has held a scheduler lease without a break; reported only by the holder. */
  leaseHeld: {
    kind: 'gauge',
    name: 'mitwirken.scheduler.lease.held',
    unit: 's',
    description: 'How long this instance has held the lease of a scheduler job',
  },
  /** time since the holder last renewed a scheduler lease; reported only by the holder. */
  leaseSinceRenewal: {
    kind: 'gauge',
    name: 'mitwirken.scheduler.lease.since_renewal',
    unit: 's',
    description: 'Time since this instance last renewed the lease it holds',
  },
} as const satisfies Record<string, MetricSpec<'counter' | 'histogram' | 'gauge'>>;

type Spec = (typeof METRICS)[keyof typeof METRICS];
export type CounterMetric = Extract<Spec, { kind: 'counter' }>;
export type HistogramMetric = Extract<Spec, { kind: 'histogram' }>;
export type GaugeMetric = Extract<Spec, { kind: 'gauge' }>;

/**
 * where the bot records what operators watch: counters, histograms, gauges read at collection time, and errors that
 * reached the top of a request or job. The composition root passes an OpenTelemetry implementation when
 * APPLICATIONINSIGHTS_CONNECTION_STRING is set, `noTelemetry` otherwise.
 */
export interface Telemetry {
  /** adds `value` (default 1) to a counter. */
  count(metric: CounterMetric, attributes?: MetricAttributes, value?: number): void;
  /** records one value of a histogram. */
  record(metric: HistogramMetric, value: number, attributes?: MetricAttributes): void;
  /** reports what `read` returns at each collection (nothing while it returns undefined); the returned function stops it. */
  gauge(metric: GaugeMetric, read: () => number | undefined, attributes?: MetricAttributes): () => void;
  /** an error that ended a request or a job (an error-level log line with an error), for the exceptions view. */
  exception(error: Error, message: string): void;
  /** names the incoming request being handled by its route (`POST /api/messages`), never by its path. */
  route(method: string, route: string): void;
}

/** records nothing: the bot without APPLICATIONINSIGHTS_CONNECTION_STRING, and tests that do not look. */
export const noTelemetry: Telemetry = {
  count: () => undefined,
  record: () => undefined,
  gauge: () => () => undefined,
  exception: () => undefined,
  route: () => undefined,
};
