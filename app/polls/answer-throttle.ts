/** the options of an AnswerThrottle; defaults in brackets. */
export interface AnswerThrottleOptions {
  /** the least time between two processed answers of one person to one item, in ms [1000]. */
  intervalMs?: number;
  /** the most (person, item) pairs remembered; the oldest are forgotten first [10,000]. */
  maxEntries?: number;
  /** the clock, in ms [Date.now]. */
  now?: () => number;
}

/**
 * at most one answer per person and item per interval is processed; the excess is refused (the card says
 * "einen Moment"). In memory and bounded: pairs older than the interval are dropped, and never more than
 * `maxEntries` are kept. Per instance only — a guard against double clicks and scripts, not a quota.
 */
export class AnswerThrottle {
  private readonly intervalMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  /** last processed answer per pair, oldest first (Map keeps insertion order). */
  private readonly last = new Map<string, number>();

  constructor(options: AnswerThrottleOptions = {}) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.maxEntries = Math.max(1, options.maxEntries ?? 10_000);
    this.now = options.now ?? Date.now;
  }

  /** whether this answer may be processed now; when it may, it is counted. */
  tryAcquire(personId: string, itemId: string): boolean {
    const t = this.now();
    this.forgetExpired(t);
    const key = `${personId}\u0000${itemId}`;
    const previous = this.last.get(key);
    if (previous !== undefined && t - previous < this.intervalMs && t >= previous) return false;
    this.last.delete(key);
    this.last.set(key, t);
    while (this.last.size > this.maxEntries) {
      const oldest = this.last.keys().next().value;
      if (oldest === undefined) break;
      this.last.delete(oldest);
    }
    return true;
  }

  /** how many pairs are remembered (for tests and metrics). */
  get size(): number {
    return this.last.size;
  }

  private forgetExpired(t: number): void {
    for (const [key, at] of this.last) {
      if (t - at < this.intervalMs && t >= at) break;
      this.last.delete(key);
    }
  }
}
