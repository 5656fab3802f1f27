import fc from 'fast-check';
import { TokenBucket } from './token-bucket';

const clock = () => {
  const c = { t: 0, now: () => c.t };
  return c;
};

describe('TokenBucket', () => {
  test('starts full: a burst goes out at once, the next token comes after 1/rate', () => {
    const c = clock();
    const b = new TokenBucket({ ratePerSecond: 10, burst: 3, now: c.now });
    expect([b.take(), b.take(), b.take()]).toEqual([0, 0, 0]);
    expect(b.take()).toBe(100);
    c.t = 100;
    expect(b.take()).toBe(0);
  });

  test('a refunded token can be spent again at once', () => {
    const c = clock();
    const b = new TokenBucket({ ratePerSecond: 1, burst: 1, now: c.now });
    expect(b.take()).toBe(0);
    b.refund();
    expect(b.take()).toBe(0);
    expect(b.take()).toBe(1000);
  });

  test('rejects a non-positive rate or a burst below one', () => {
    expect(() => new TokenBucket({ ratePerSecond: 0, burst: 1, now: () => 0 })).toThrow(RangeError);
    expect(() => new TokenBucket({ ratePerSecond: 1, burst: 0, now: () => 0 })).toThrow(RangeError);
  });

  test('a token refilled over several steps is there after the wait it announced, despite rounding', () => {
    const c = clock();
    const b = new TokenBucket({ ratePerSecond: 1, burst: 2, now: c.now });
    for (const gap of [0, 45, 141]) {
      c.t += gap;
      const wait = b.take();
      c.t += wait;
      if (wait > 0) expect(b.take()).toBe(0);
    }
  });

  test('a caller that waits as told never exceeds burst + rate × elapsed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 200 }),
        (rate, burst, gaps) => {
          const c = clock();
          const b = new TokenBucket({ ratePerSecond: rate, burst, now: c.now });
          let sent = 0;
          for (const gap of gaps) {
            c.t += gap;
            const wait = b.take();
            if (wait === 0) sent++;
            else {
              expect(wait).toBeGreaterThan(0);
              c.t += wait;
              expect(b.take()).toBe(0);
              sent++;
            }
            expect(sent).toBeLessThanOrEqual(burst + Math.floor((c.t * rate) / 1000) + 1);
          }
        },
      ),
    );
  });
});
