import fc from 'fast-check';
import { SlidingWindowLimiter, TEAMS_CONVERSATION_LIMITS } from './sliding-window';

describe('SlidingWindowLimiter', () => {
  test('allows 7 sends in a second, then waits until the first leaves the window', () => {
    const c = { t: 0 };
    const l = new SlidingWindowLimiter([{ limit: 7, windowMs: 1000 }], () => c.t);
    for (let i = 0; i < 7; i++) {
      c.t = i * 10;
      expect(l.take()).toBe(0);
    }
    expect(l.take()).toBe(1000 - 60);
    c.t = 1000;
    expect(l.take()).toBe(0);
  });

  test('holds Teams’ 8 per 2 s even when 7 per second would allow more', () => {
    const c = { t: 0 };
    const l = new SlidingWindowLimiter(TEAMS_CONVERSATION_LIMITS, () => c.t);
    for (let i = 0; i < 7; i++) expect(l.take()).toBe(0);
    c.t = 1000;
    expect(l.take()).toBe(0);
    expect(l.take()).toBe(1000);
  });

  test('forgets a refunded send and reports idle after its largest window', () => {
    const c = { t: 5 };
    const l = new SlidingWindowLimiter([{ limit: 1, windowMs: 100 }], () => c.t);
    expect(l.take()).toBe(0);
    l.refund(5);
    expect(l.take()).toBe(0);
    expect(l.idle()).toBe(false);
    c.t = 105;
    expect(l.idle()).toBe(true);
  });

  test('a caller that waits as told never has more than `limit` sends in any window', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 700 }), { maxLength: 150 }), (gaps) => {
        const c = { t: 0 };
        const l = new SlidingWindowLimiter(TEAMS_CONVERSATION_LIMITS, () => c.t);
        const sent: number[] = [];
        for (const gap of gaps) {
          c.t += gap;
          const wait = l.take();
          if (wait > 0) {
            c.t += wait;
            expect(l.take()).toBe(0);
          }
          sent.push(c.t);
        }
        for (const { limit, windowMs } of TEAMS_CONVERSATION_LIMITS) {
          for (const at of sent)
            expect(sent.filter((s) => s > at - windowMs && s <= at).length).toBeLessThanOrEqual(limit);
        }
      }),
    );
  });

  test('counts a delayed send from when it left, so the next one keeps its distance from that time', () => {
    const c = { t: 0 };
    const l = new SlidingWindowLimiter([{ limit: 2, windowMs: 1000 }], () => c.t);
    expect(l.take()).toBe(0); // decided at 0 …
    c.t = 10;
    expect(l.take()).toBe(0);
    l.delay(0, 150); // … but the first one only left at 150, after the second
    c.t = 1010;
    expect(l.take()).toBe(0); // the send at 10 has left the window
    c.t = 1020;
    expect(l.wait()).toBe(130); // the one that left at 150 has not
  });
});
