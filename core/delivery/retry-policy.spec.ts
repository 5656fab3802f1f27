import fc from 'fast-check';
import { decideRetry, DEFAULT_RETRY_POLICY, parseRetryAfter, RETRY_STATUSES } from './retry-policy';

const NOW = Date.parse('2026-12-07T08:00:00Z');
const half = () => 0.5;

describe('decideRetry', () => {
  test('marks the conversation inactive on 403 and 404 instead of retrying', () => {
    expect(decideRetry({ status: 403 }, 1, half, NOW)).toEqual({ action: 'inactive', status: 403 });
    expect(decideRetry({ status: 404 }, 1, half, NOW)).toEqual({ action: 'inactive', status: 404 });
  });

  test('fails at once on a status Teams does not ask to retry', () => {
    for (const status of [400, 401, 413, 500])
      expect(decideRetry({ status }, 1, half, NOW)).toEqual({ action: 'fail' });
  });

  test('retries 412, 429, 502, 503, 504 and dropped connections, and gives up after the last attempt', () => {
    for (const status of RETRY_STATUSES) expect(decideRetry({ status }, 1, half, NOW).action).toBe('retry');
    expect(decideRetry({ transient: true }, 1, half, NOW).action).toBe('retry');
    expect(decideRetry({ status: 503 }, DEFAULT_RETRY_POLICY.maxAttempts, half, NOW)).toEqual({ action: 'fail' });
  });

  test('waits at least Retry-After (seconds or HTTP date) and says a 429 was throttled', () => {
    const d = decideRetry({ status: 429, retryAfter: '2' }, 1, half, NOW);
    expect(d).toMatchObject({ action: 'retry', throttled: true });
    expect(d.action === 'retry' && d.afterMs).toBeGreaterThanOrEqual(2000);
    const date = new Date(NOW + 3000).toUTCString();
    const e = decideRetry({ status: 503, retryAfter: date }, 1, () => 0, NOW);
    expect(e).toEqual({ action: 'retry', afterMs: 3000, throttled: false });
  });

  test('fails instead of parking a send behind an absurd Retry-After', () => {
    expect(decideRetry({ status: 429, retryAfter: '86400' }, 1, half, NOW)).toEqual({ action: 'fail' });
  });

  test('backs off with full jitter: between 0 and base × 2^(attempt-1), capped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: DEFAULT_RETRY_POLICY.maxAttempts - 1 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        fc.constantFrom(429, 502, 503, 504, 412),
        (attempt, r, status) => {
          const d = decideRetry({ status }, attempt, () => r, NOW);
          if (d.action !== 'retry') throw new Error('expected a retry');
          const ceiling = Math.min(
            DEFAULT_RETRY_POLICY.maxDelayMs,
            DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (attempt - 1),
          );
          expect(d.afterMs).toBeGreaterThanOrEqual(0);
          expect(d.afterMs).toBeLessThan(ceiling);
        },
      ),
    );
  });
});

describe('parseRetryAfter', () => {
  test('reads delta seconds and HTTP dates, ignores garbage', () => {
    expect(parseRetryAfter('1', NOW)).toBe(1000);
    expect(parseRetryAfter('0.5', NOW)).toBe(500);
    expect(parseRetryAfter(new Date(NOW - 5000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});
