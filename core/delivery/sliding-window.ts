/** at most `limit` sends within any `windowMs`. */
export interface WindowLimit {
  limit: number;
  windowMs: number;
}

/** Teams' limits per bot and conversation thread: 7 per second, 8 per 2 s, 60 per 30 s (1,800 per hour is implied). */
export const TEAMS_CONVERSATION_LIMITS: readonly WindowLimit[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
];

/**
 * exact sliding windows ("N per T") over a log of send times, for limits a token bucket cannot express at once
 * (7/1 s and 8/2 s and 60/30 s). Keeps at most the largest limit's worth of times. Pure: the caller waits.
 */
export class SlidingWindowLimiter {
  private readonly log: number[] = [];
  private readonly keep: number;
  private readonly span: number;

  constructor(
    private readonly limits: readonly WindowLimit[],
    private readonly now: () => number,
  ) {
    if (limits.length === 0 || limits.some((l) => !(l.limit >= 1) || !(l.windowMs > 0)))
      throw new RangeError('limits need limit ≥ 1 and windowMs > 0');
    this.keep = Math.max(...limits.map((l) => l.limit));
    this.span = Math.max(...limits.map((l) => l.windowMs));
  }

  /** ms until one more send fits every window (0: now); records nothing. */
  wait(): number {
    const now = this.now();
    let wait = 0;
    for (const { limit, windowMs } of this.limits) {
      if (this.log.length < limit) continue;
      // the send `limit` places back must have left the window (now - windowMs, now].
      const blocking = this.log[this.log.length - limit] as number;
      wait = Math.max(wait, blocking + windowMs - now);
    }
    return Math.max(0, wait);
  }

  /** records a send now and returns 0, or records nothing and returns the ms until one fits. */
  take(): number {
    const wait = this.wait();
    if (wait > 0) return wait;
    const now = this.now();
    this.log.push(now);
    if (this.log.length > this.keep) this.log.splice(0, this.log.length - this.keep);
    return 0;
  }

  /**
   * moves the most recent send recorded at `from` to the later time `to` (when the request actually left, which a
   * busy process can delay): later sends then keep their distance from when it really went out.
   */
  delay(from: number, to: number): void {
    const i = this.log.lastIndexOf(from);
    if (i < 0 || to <= from) return;
    this.log.splice(i, 1);
    let j = this.log.length;
    while (j > 0 && (this.log[j - 1] as number) > to) j--;
    this.log.splice(j, 0, to);
  }

  /** forgets the most recent send at `at` (it was not counted, e.g. answered 429). */
  refund(at: number): void {
    const i = this.log.lastIndexOf(at);
    if (i >= 0) this.log.splice(i, 1);
  }

  /** the time of the most recent send, if any. */
  get lastSend(): number | undefined {
    return this.log.at(-1);
  }

  /** true when no recorded send is inside the largest window any more, so the limiter can be dropped. */
  idle(): boolean {
    const last = this.log.at(-1);
    return last === undefined || last + this.span <= this.now();
  }
}
