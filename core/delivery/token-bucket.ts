/** a token bucket's shape: `ratePerSecond` tokens flow in, at most `burst` are kept. */
export interface TokenBucketOptions {
  ratePerSecond: number;
  burst: number;
  /** the clock in ms (injected; `Date.now` in production, a virtual clock in tests). */
  now: () => number;
}

/** what floating-point sums of refills may lose. */
const ROUNDING = 1e-9;

/**
 * a rate limiter: `take()` spends a token when one is there; otherwise it says how long until one is.
 * Starts full. Pure: no timers, the caller waits.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(private readonly o: TokenBucketOptions) {
    if (!(o.ratePerSecond > 0)) throw new RangeError('ratePerSecond must be positive');
    if (!(o.burst >= 1)) throw new RangeError('burst must be at least 1');
    this.tokens = o.burst;
    this.last = o.now();
  }

  /** ms until a token is available (0: now); spends nothing. */
  wait(): number {
    this.refill();
    // a token refilled over several steps can fall short of 1 by a rounding error alone: that counts as a token.
    return this.tokens >= 1 - ROUNDING ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.o.ratePerSecond);
  }

  /** spends one token and returns 0, or spends nothing and returns the ms until one is available. */
  take(): number {
    const wait = this.wait();
    if (wait === 0) this.tokens -= 1;
    return wait;
  }

  /** gives a spent token back (the request it paid for was not counted, e.g. answered 429); never above `burst`. */
  refund(): void {
    this.refill();
    this.tokens = Math.min(this.o.burst, this.tokens + 1);
  }

  private refill(): void {
    const now = this.o.now();
    if (now > this.last) {
      this.tokens = Math.min(this.o.burst, this.tokens + ((now - this.last) * this.o.ratePerSecond) / 1000);
      this.last = now;
    }
  }
}
