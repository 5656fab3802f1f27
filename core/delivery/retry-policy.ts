/** how a failed send is retried: attempts, exponential backoff with full jitter, and the longest Retry-After honoured. */
export interface RetryPolicy {
  /** attempts in all, the first included (default 8). */
  maxAttempts: number;
  /** backoff ceiling of the first retry; doubles per attempt (default 250 ms). */
  baseDelayMs: number;
  /** backoff ceiling never grows past this (default 30 s). */
  maxDelayMs: number;
  /** a Retry-After longer than this fails the send instead of parking it (default 5 min). */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 250,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 300_000,
};

/** statuses Teams asks bots to retry: throttled, precondition failed, bad gateway, unavailable, gateway timeout. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);

/** statuses meaning the bot can no longer post there (removed from the team, conversation deleted). */
export const GONE_STATUSES: ReadonlySet<number> = new Set([403, 404]);

/** what went wrong with one attempt: an HTTP status (with its Retry-After header), or a transport failure. */
export interface SendFailure {
  status?: number;
  retryAfter?: string;
  /** no response at all: connection reset, refused or timed out. */
  transient?: boolean;
}

/** retry after `afterMs`; `throttled` when Teams answered 429 (the attempt did not count against the rate). */
export type RetryDecision =
  | { action: 'retry'; afterMs: number; throttled: boolean }
  | { action: 'inactive'; status: number }
  | { action: 'fail' };

/** a Retry-After header in ms: delta seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}

/**
 * what to do after attempt number `attempt` (1-based) failed: retry (honouring Retry-After, else exponential
 * backoff with full jitter from the injected `random` in [0, 1)), mark the conversation inactive (403/404), or fail.
 */
export function decideRetry(
  failure: SendFailure,
  attempt: number,
  random: () => number,
  nowMs: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): RetryDecision {
  const { status } = failure;
  if (status !== undefined && GONE_STATUSES.has(status)) return { action: 'inactive', status };
  const retryable = status !== undefined ? RETRY_STATUSES.has(status) : Boolean(failure.transient);
  if (!retryable || attempt >= policy.maxAttempts) return { action: 'fail' };
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jitter = Math.floor(random() * ceiling);
  const retryAfter = parseRetryAfter(failure.retryAfter, nowMs);
  if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) return { action: 'fail' };
  // with Retry-After: never earlier, plus a little jitter so parked sends do not return in one burst.
  const afterMs = retryAfter !== undefined ? retryAfter + Math.floor(random() * policy.baseDelayMs) : jitter;
  return { action: 'retry', afterMs, throttled: status === 429 };
}
