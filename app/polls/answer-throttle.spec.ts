import { AnswerThrottle } from './answer-throttle';

/** a throttle on a hand-driven clock. */
function throttle(options: { intervalMs?: number; maxEntries?: number } = {}) {
  let t = 1_000_000;
  const th = new AnswerThrottle({ ...options, now: () => t });
  return { th, advance: (ms: number) => void (t += ms), back: (ms: number) => void (t -= ms) };
}

describe('AnswerThrottle', () => {
  test('should let the first answer of a person to an item through', () => {
    expect(throttle().th.tryAcquire('alice', 'item-1')).toBe(true);
  });

  test('should refuse a second answer of the same person to the same item within a second', () => {
    const { th, advance } = throttle();
    th.tryAcquire('alice', 'item-1');
    advance(999);
    expect(th.tryAcquire('alice', 'item-1')).toBe(false);
  });

  test('should let the same person answer the same item again once a second has passed', () => {
    const { th, advance } = throttle();
    th.tryAcquire('alice', 'item-1');
    advance(1000);
    expect(th.tryAcquire('alice', 'item-1')).toBe(true);
  });

  test('should not extend the wait for refused answers', () => {
    const { th, advance } = throttle();
    th.tryAcquire('alice', 'item-1');
    advance(600);
    expect(th.tryAcquire('alice', 'item-1')).toBe(false);
    advance(400);
    expect(th.tryAcquire('alice', 'item-1')).toBe(true);
  });

  test('should keep people and items apart', () => {
    const { th } = throttle();
    expect(th.tryAcquire('alice', 'item-1')).toBe(true);
    expect(th.tryAcquire('bob', 'item-1')).toBe(true);
    expect(th.tryAcquire('alice', 'item-2')).toBe(true);
  });

  test('should not confuse pairs whose joined ids look alike', () => {
    const { th } = throttle();
    expect(th.tryAcquire('a', 'b-c')).toBe(true);
    expect(th.tryAcquire('a-b', 'c')).toBe(true);
  });

  test('should forget pairs once their interval is over, so memory stays small', () => {
    const { th, advance } = throttle();
    for (let i = 0; i < 100; i++) th.tryAcquire(`person-${i}`, 'item-1');
    expect(th.size).toBe(100);
    advance(1000);
    th.tryAcquire('alice', 'item-1');
    expect(th.size).toBe(1);
  });

  test('should never remember more than maxEntries pairs, forgetting the oldest first', () => {
    const { th } = throttle({ maxEntries: 3 });
    for (const p of ['p1', 'p2', 'p3', 'p4']) th.tryAcquire(p, 'item-1');
    expect(th.size).toBe(3);
    expect(th.tryAcquire('p1', 'item-1')).toBe(true);
    expect(th.tryAcquire('p4', 'item-1')).toBe(false);
  });

  test('should let answers through when the clock goes backwards rather than block people', () => {
    const { th, back } = throttle();
    th.tryAcquire('alice', 'item-1');
    back(5000);
    expect(th.tryAcquire('alice', 'item-1')).toBe(true);
  });

  test('should honour a custom interval', () => {
    const { th, advance } = throttle({ intervalMs: 5000 });
    th.tryAcquire('alice', 'item-1');
    advance(4000);
    expect(th.tryAcquire('alice', 'item-1')).toBe(false);
    advance(1000);
    expect(th.tryAcquire('alice', 'item-1')).toBe(true);
  });
});
