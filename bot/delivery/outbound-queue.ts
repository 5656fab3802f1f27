import type { Logger } from 'pino';
import {
  decideRetry,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
  type SendFailure,
} from '../../core/delivery/retry-policy';
import { SlidingWindowLimiter, TEAMS_CONVERSATION_LIMITS, type WindowLimit } from '../../core/delivery/sliding-window';
import { TokenBucket } from '../../core/delivery/token-bucket';
import { METRICS, noTelemetry, type Telemetry } from '../../app/ports/telemetry';
import { ConversationGoneError, DeliveryFailedError, type DeliveryTarget } from '../../app/ports/delivery-errors';
import { failureOf } from './failure-of';

export interface OutboundQueueOptions {
  log: Logger;
  /** records each attempt's status class (mitwirken.teams.requests) and the queue depth (mitwirken.outbound.queue_depth). */
  telemetry?: Telemetry;
  /** the tenant's request limit per second (TEAMS_TENANT_RATE, default 50). */
  tenantRate?: number;
  /** share of `tenantRate` left unused as a margin for network jitter (default 0.02: 49 of 50/s). */
  headroom?: number;
  /** sends a tenant may start at once after a pause (default 5); absorbs late timers, never lifts the limit. */
  tenantBurst?: number;
  /** per-conversation windows (default Teams' 7/1 s, 8/2 s, 60/30 s, each window 50 ms longer for jitter). */
  conversationLimits?: readonly WindowLimit[];
  /** sends in flight at once (default 32; Teams answers in a few hundred ms, so 50/s needs about 25). */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  /** while sends flow, an info line with the counts of the last interval is logged at most this often (default 60 s). */
  statsEveryMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** counters since start, for logs and the bench. */
export interface QueueStats {
  pending: number;
  inFlight: number;
  sent: number;
  retried: number;
  throttled: number;
  gone: number;
  failed: number;
}

/** the status class a failed attempt is counted under: 429 and 5xx are what operators alert on; no answer is `network`. */
function statusClass({ status, transient }: SendFailure): string {
  if (status === undefined) return transient ? 'network' : 'error';
  if (status === 429) return '429';
  return status >= 500 ? '5xx' : status >= 400 ? '4xx' : 'other';
}

/** called by a send when its request leaves the process (its first request, if it makes several). */
export type OnWire = () => void;

interface Job {
  target: DeliveryTarget;
  tenant: string;
  run: (onWire: OnWire) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
  attempts: number;
  readyAt: number;
  /** when the last attempt was counted against its conversation and its tenant (to give it back after a 429). */
  sentAt: number;
  tenantSentAt: number;
  /** the last attempt reported that its request left. */
  wired: boolean;
}

interface Conversation {
  jobs: Job[];
  limiter: SlidingWindowLimiter;
}

/** a tenant's pacing: the bucket spreads sends out, the window guarantees the limit in every second. */
interface TenantLimit {
  bucket: TokenBucket;
  window: SlidingWindowLimiter;
}

const JITTER_MARGIN_MS = 50;
const TENANT_JITTER_MARGIN_MS = 10;
/**
 * the one outbound queue of a process: every connector call goes through it. Per tenant, an exact sliding window
 * (`tenantRate` per second, stretched by the headroom) guarantees the limit and a token bucket with a small burst
 * spreads the sends out, so a timer that fires late costs no capacity; sliding windows per conversation keep
 * within Teams' thread limits; at most `concurrency` calls run at once; failed
 * calls are retried per the retry policy (a 429 gives its tokens back, Teams did not count it); 403/404 end in
 * a ConversationGoneError. Sends to one conversation start in the order they were queued.
 */
export class OutboundQueue {
  private readonly conversations = new Map<string, Conversation>();
  private readonly limiters = new Map<string, SlidingWindowLimiter>();
  private readonly tenants = new Map<string, TenantLimit>();
  private readonly tenantRate: number;
  private readonly bucketRate: number;
  private readonly bucketBurst: number;
  private readonly tenantWindow: WindowLimit;
  private readonly conversationLimits: readonly WindowLimit[];
  private readonly concurrency: number;
  private readonly policy: RetryPolicy;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly counts = { sent: 0, retried: 0, throttled: 0, gone: 0, failed: 0 };
  private pendingJobs = 0;
  private inFlight = 0;
  private wakeAt = Infinity;
  private pumping = false;
  private idleWaiters: (() => void)[] = [];
  private dispatches = 0;
  private reportedAt: number;
  private reported = { ...this.counts };
  private readonly telemetry: Telemetry;
  private readonly stopGauge: () => void;

  constructor(private readonly o: OutboundQueueOptions) {
    this.tenantRate = o.tenantRate ?? 50;
    const headroom = o.headroom ?? 0.02;
    this.bucketRate = this.tenantRate * (1 - headroom);
    this.bucketBurst = Math.max(1, o.tenantBurst ?? 5);
    // the hard limit, counted from when requests leave: tenantRate in any second, plus a margin for network jitter.
    this.tenantWindow = { limit: Math.max(1, Math.floor(this.tenantRate)), windowMs: 1000 + TENANT_JITTER_MARGIN_MS };
    this.conversationLimits =
      o.conversationLimits ?? TEAMS_CONVERSATION_LIMITS.map((l) => ({ ...l, windowMs: l.windowMs + JITTER_MARGIN_MS }));
    this.concurrency = o.concurrency ?? 32;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...o.retry };
    this.now = o.now ?? Date.now;
    this.sleep = o.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = o.random ?? Math.random;
    this.reportedAt = this.now();
    this.telemetry = o.telemetry ?? noTelemetry;
    this.stopGauge = this.telemetry.gauge(METRICS.outboundQueueDepth, () => this.pendingJobs);
  }

  /** stops reporting the queue depth (sends still queued go on). */
  close(): void {
    this.stopGauge();
  }

  /**
   * runs `op` (one connector call) when the limits allow, retrying as the policy says; resolves with its result.
   * `op` may call `onWire` when its request actually leaves: the send then counts from that moment, so a busy event
   * loop between the queue's decision and the request cannot bunch sends past Teams' limits.
   */
  send<T>(target: DeliveryTarget, op: (onWire: OnWire) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        target,
        tenant: target.tenantId ?? '',
        run: op,
        resolve: resolve as (v: unknown) => void,
        reject,
        attempts: 0,
        readyAt: 0,
        sentAt: 0,
        tenantSentAt: 0,
        wired: false,
      };
      this.enqueue(job, false);
      this.pump();
    });
  }

  get stats(): QueueStats {
    return { pending: this.pendingJobs, inFlight: this.inFlight, ...this.counts };
  }

  /** resolves once nothing is queued or in flight. */
  idle(): Promise<void> {
    if (this.pendingJobs === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private enqueue(job: Job, front: boolean): void {
    const key = job.target.conversationId;
    let conv = this.conversations.get(key);
    if (!conv) {
      conv = { jobs: [], limiter: this.limiterOf(key) };
      this.conversations.set(key, conv);
    }
    if (front) conv.jobs.unshift(job);
    else conv.jobs.push(job);
    this.pendingJobs++;
  }

  private limiterOf(key: string): SlidingWindowLimiter {
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = new SlidingWindowLimiter(this.conversationLimits, this.now);
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  private tenantOf(tenant: string): TenantLimit {
    let limit = this.tenants.get(tenant);
    if (!limit) {
      limit = {
        bucket: new TokenBucket({ ratePerSecond: this.bucketRate, burst: this.bucketBurst, now: this.now }),
        window: new SlidingWindowLimiter([this.tenantWindow], this.now),
      };
      this.tenants.set(tenant, limit);
    }
    return limit;
  }

  /** ms until the job's tenant may send (0: now; the send is counted and its time kept on the job). */
  private takeTenant(job: Job): number {
    const limit = this.tenantOf(job.tenant);
    const wait = Math.max(limit.window.wait(), limit.bucket.wait());
    if (wait > 0) return wait;
    limit.bucket.take();
    limit.window.take();
    job.tenantSentAt = limit.window.lastSend ?? 0;
    return 0;
  }

  /** starts every send the limits allow now, and sets a wake-up for the earliest one that must wait. */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      let wake = Infinity;
      while (this.inFlight < this.concurrency) {
        const now = this.now();
        const blockedTenants = new Set<string>();
        let started = false;
        for (const [key, conv] of this.conversations) {
          const job = conv.jobs[0];
          if (!job) {
            this.conversations.delete(key);
            continue;
          }
          if (blockedTenants.has(job.tenant)) continue;
          if (job.readyAt > now) {
            wake = Math.min(wake, job.readyAt);
            continue;
          }
          const convWait = conv.limiter.wait();
          if (convWait > 0) {
            wake = Math.min(wake, now + convWait);
            continue;
          }
          const tenantWait = this.takeTenant(job);
          if (tenantWait > 0) {
            blockedTenants.add(job.tenant);
            wake = Math.min(wake, now + tenantWait);
            continue;
          }
          conv.limiter.take();
          job.sentAt = conv.limiter.lastSend ?? now;
          conv.jobs.shift();
          // round robin: a conversation with more work goes to the back.
          this.conversations.delete(key);
          if (conv.jobs.length > 0) this.conversations.set(key, conv);
          this.start(job);
          started = true;
          break;
        }
        if (!started) break;
        wake = Infinity;
      }
      if (this.inFlight < this.concurrency && wake < Infinity) this.wakeUpAt(wake);
    } finally {
      this.pumping = false;
    }
  }

  private wakeUpAt(at: number): void {
    if (at >= this.wakeAt) return;
    this.wakeAt = at;
    void this.sleep(Math.max(0, at - this.now())).then(() => {
      if (this.wakeAt === at) this.wakeAt = Infinity;
      this.pump();
    });
  }

  private start(job: Job): void {
    this.pendingJobs--;
    this.inFlight++;
    job.attempts++;
    job.wired = false;
    if (++this.dispatches % 1000 === 0) this.forgetIdleLimiters();
    this.reportNow();
    job
      .run(() => this.wired(job))
      .then(
        (value) => {
          this.counts.sent++;
          this.telemetry.count(METRICS.teamsRequests, { status_class: '2xx' });
          job.resolve(value);
        },
        (err: unknown) => this.failed(job, err),
      )
      .finally(() => {
        this.inFlight--;
        this.pump();
        if (this.pendingJobs === 0 && this.inFlight === 0) for (const done of this.idleWaiters.splice(0)) done();
      });
  }

  /** the job's request left now: its place in the windows moves from the queue's decision to this moment. */
  private wired(job: Job): void {
    if (job.wired) return;
    job.wired = true;
    const now = this.now();
    this.limiterOf(job.target.conversationId).delay(job.sentAt, now);
    this.tenantOf(job.tenant).window.delay(job.tenantSentAt, now);
    job.sentAt = Math.max(job.sentAt, now);
    job.tenantSentAt = Math.max(job.tenantSentAt, now);
  }

  private failed(job: Job, err: unknown): void {
    const failure = failureOf(err);
    this.telemetry.count(METRICS.teamsRequests, { status_class: statusClass(failure) });
    const decision = decideRetry(failure, job.attempts, this.random, this.now(), this.policy);
    const logged = {
      conversationId: job.target.conversationId,
      tenantId: job.tenant || undefined,
      attempt: job.attempts,
      status: failure.status,
      transient: failure.transient,
    };
    if (decision.action === 'retry') {
      if (decision.throttled) {
        // Teams did not count a throttled request: its tokens go back.
        this.counts.throttled++;
        const tenant = this.tenantOf(job.tenant);
        tenant.bucket.refund();
        tenant.window.refund(job.tenantSentAt);
        this.limiterOf(job.target.conversationId).refund(job.sentAt);
      }
      this.counts.retried++;
      this.o.log.debug({ ...logged, retryInMs: decision.afterMs }, 'outbound send retried');
      job.readyAt = this.now() + decision.afterMs;
      this.enqueue(job, true);
      return;
    }
    if (decision.action === 'inactive') {
      this.counts.gone++;
      this.o.log.info(logged, 'conversation gone');
      job.reject(new ConversationGoneError(job.target, decision.status, { cause: err }));
      return;
    }
    this.counts.failed++;
    this.o.log.warn({ ...logged, err }, 'outbound send failed');
    job.reject(new DeliveryFailedError(job.target, job.attempts, failure.status, { cause: err }));
  }

  /** the interval's counts as one log line ('outbound queue'): queue depth, sends, retries, 429s, gone and failed. */
  private reportNow(): void {
    const now = this.now();
    if (now - this.reportedAt < (this.o.statsEveryMs ?? 60_000)) return;
    const c = this.counts;
    const r = this.reported;
    this.o.log.info(
      {
        pending: this.pendingJobs,
        inFlight: this.inFlight,
        sent: c.sent - r.sent,
        retried: c.retried - r.retried,
        throttled: c.throttled - r.throttled,
        gone: c.gone - r.gone,
        failed: c.failed - r.failed,
        seconds: Math.round((now - this.reportedAt) / 1000),
      },
      'outbound queue',
    );
    this.reportedAt = now;
    this.reported = { ...c };
  }

  private forgetIdleLimiters(): void {
    for (const [key, limiter] of this.limiters)
      if (!this.conversations.has(key) && limiter.idle()) this.limiters.delete(key);
  }
}
