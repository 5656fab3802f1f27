import type { Logger } from 'pino';
import { decideRetry, DEFAULT_RETRY_POLICY, type RetryPolicy, type SendFailure } from '../../core/delivery/retry-policy';
import { SlidingWindowLimiter, TEAMS_CONVERSATION_LIMITS, type WindowLimit } from '../../core/delivery/sliding-window';
import { TokenBucket } from '../../core/delivery/token-bucket';

/** where a send goes: the tenant (rate per app and tenant) and the conversation or channel (rate per thread). */
export interface DeliveryTarget {
  tenantId?: string;
  conversationId: string;
}

/** Teams answered 403 or 404: the bot was removed or the conversation deleted; mark it inactive, do not retry. */
export class ConversationGoneError extends Error {
  override readonly name = 'ConversationGoneError';
  constructor(
    readonly target: DeliveryTarget,
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    super(`Teams answered ${status} for conversation ${target.conversationId}`, options);
  }
}

/** a send failed for good: not retryable, or still failing after the last attempt. */
export class DeliveryFailedError extends Error {
  override readonly name = 'DeliveryFailedError';
  constructor(
    readonly target: DeliveryTarget,
    readonly attempts: number,
    readonly status: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(`delivery to ${target.conversationId} failed after ${attempts} attempt(s)${status ? ` (last status ${status})` : ''}`, options);
  }
}

export interface OutboundQueueOptions {
  log: Logger;
  /** the tenant's request limit per second (TEAMS_TENANT_RATE, default 50). */
  tenantRate?: number;
  /** share of `tenantRate` left unused as a margin for network jitter (default 0.02: 49 of 50/s). */
  headroom?: number;
  /** per-conversation windows (default Teams' 7/1 s, 8/2 s, 60/30 s, each window 50 ms longer for jitter). */
  conversationLimits?: readonly WindowLimit[];
  /** sends in flight at once (default 32; Teams answers in a few hundred ms, so 50/s needs about 25). */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
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

interface Job {
  target: DeliveryTarget;
  tenant: string;
  run: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
  attempts: number;
  readyAt: number;
  sentAt: number;
}

interface Conversation {
  jobs: Job[];
  limiter: SlidingWindowLimiter;
}

const JITTER_MARGIN_MS = 50;
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'ECONNABORTED', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'REQUEST_SEND_ERROR']);

/**
 * reads a failed connector call: botbuilder's ConnectorClient throws @azure/core-rest-pipeline RestErrors with
 * `statusCode` and `response.headers` (an HttpHeaders with `get`); dropped connections come without a status.
 */
export function failureOf(err: unknown): SendFailure {
  const e = (err ?? {}) as { statusCode?: unknown; code?: unknown; message?: unknown; response?: { status?: unknown; headers?: unknown } };
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.response?.status === 'number' ? e.response.status : undefined;
  const headers = e.response?.headers as { get?: (name: string) => string | undefined } | Record<string, string> | undefined;
  const retryAfter = typeof headers?.get === 'function' ? headers.get('retry-after') : (headers as Record<string, string> | undefined)?.['retry-after'];
  if (status !== undefined) return { status, retryAfter: retryAfter ?? undefined };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  return { transient: TRANSIENT_CODES.has(code) || /socket hang up|ECONNRESET|ETIMEDOUT|ECONNREFUSED|EPIPE|other side closed/i.test(message) };
}

/**
 * the one outbound queue of a process: every connector call goes through it. A token bucket per tenant and
 * sliding windows per conversation keep within Teams' limits; at most `concurrency` calls run at once; failed
 * calls are retried per the retry policy (a 429 gives its tokens back, Teams did not count it); 403/404 end in
 * a ConversationGoneError. Sends to one conversation start in the order they were queued.
 */
export class OutboundQueue {
  private readonly conversations = new Map<string, Conversation>();
  private readonly limiters = new Map<string, SlidingWindowLimiter>();
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly tenantRate: number;
  private readonly bucketRate: number;
  private readonly bucketBurst: number;
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

  constructor(private readonly o: OutboundQueueOptions) {
    this.tenantRate = o.tenantRate ?? 50;
    const headroom = o.headroom ?? 0.02;
    this.bucketRate = this.tenantRate * (1 - headroom);
    // the burst fits the limit's window: burst + rate × 1 s ≤ tenantRate.
    this.bucketBurst = Math.max(1, Math.floor(this.tenantRate - this.bucketRate));
    this.conversationLimits = o.conversationLimits ?? TEAMS_CONVERSATION_LIMITS.map((l) => ({ ...l, windowMs: l.windowMs + JITTER_MARGIN_MS }));
    this.concurrency = o.concurrency ?? 32;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...o.retry };
    this.now = o.now ?? Date.now;
    this.sleep = o.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = o.random ?? Math.random;
  }

  /** runs `op` (one connector call) when the limits allow, retrying as the policy says; resolves with its result. */
  send<T>(target: DeliveryTarget, op: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = { target, tenant: target.tenantId ?? '', run: op, resolve: resolve as (v: unknown) => void, reject, attempts: 0, readyAt: 0, sentAt: 0 };
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

  private bucketOf(tenant: string): TokenBucket {
    let bucket = this.buckets.get(tenant);
    if (!bucket) {
      bucket = new TokenBucket({ ratePerSecond: this.bucketRate, burst: this.bucketBurst, now: this.now });
      this.buckets.set(tenant, bucket);
    }
    return bucket;
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
          const tenantWait = this.bucketOf(job.tenant).take();
          if (tenantWait > 0) {
            blockedTenants.add(job.tenant);
            wake = Math.min(wake, now + tenantWait);
            continue;
          }
          conv.limiter.take();
          job.sentAt = now;
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
    if (++this.dispatches % 1000 === 0) this.forgetIdleLimiters();
    job
      .run()
      .then(
        (value) => {
          this.counts.sent++;
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

  private failed(job: Job, err: unknown): void {
    const failure = failureOf(err);
    const decision = decideRetry(failure, job.attempts, this.random, this.now(), this.policy);
    const logged = { conversationId: job.target.conversationId, tenantId: job.tenant || undefined, attempt: job.attempts, status: failure.status, transient: failure.transient };
    if (decision.action === 'retry') {
      if (decision.throttled) {
        // Teams did not count a throttled request: its tokens go back.
        this.counts.throttled++;
        this.bucketOf(job.tenant).refund();
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

  private forgetIdleLimiters(): void {
    for (const [key, limiter] of this.limiters) if (!this.conversations.has(key) && limiter.idle()) this.limiters.delete(key);
  }
}
