import { RecentCache } from './recent-cache';

function clock() {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('RecentCache', () => {
  test('returns a value until it is older than maxAgeMs, then forgets it', () => {
    const c = clock();
    const cache = new RecentCache<string>({ maxEntries: 10, maxAgeMs: 5_000, now: c.now });
    cache.set('a', 'eins');
    c.advance(5_000);
    expect(cache.get('a')).toBe('eins');
    c.advance(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  test('storing again renews the age and the place in line', () => {
    const c = clock();
    const cache = new RecentCache<number>({ maxEntries: 2, maxAgeMs: 5_000, now: c.now });
    cache.set('a', 1);
    cache.set('b', 2);
    c.advance(4_000);
    cache.set('a', 3); // 'b' is now the oldest entry
    cache.set('c', 4);
    expect(cache.get('b')).toBeUndefined();
    c.advance(4_000);
    expect(cache.get('a')).toBe(3);
    expect(cache.get('c')).toBe(4);
    expect(cache.size).toBe(2);
  });

  test('never holds more than maxEntries', () => {
    const cache = new RecentCache<number>({ maxEntries: 100, maxAgeMs: 60_000 });
    for (let i = 0; i < 1_000; i++) cache.set(`k${i}`, i);
    expect(cache.size).toBe(100);
    expect(cache.get('k899')).toBeUndefined();
    expect(cache.get('k900')).toBe(900);
    expect(cache.get('k999')).toBe(999);
  });

  test('through() loads once while the value is recent, and does not keep a missing value', async () => {
    const c = clock();
    const cache = new RecentCache<string>({ maxEntries: 10, maxAgeMs: 1_000, now: c.now });
    const load = jest.fn(async () => 'geladen');
    expect(await cache.through('a', load)).toBe('geladen');
    expect(await cache.through('a', load)).toBe('geladen');
    expect(load).toHaveBeenCalledTimes(1);
    c.advance(1_001);
    await cache.through('a', load);
    expect(load).toHaveBeenCalledTimes(2);
    const missing = jest.fn(async () => undefined);
    expect(await cache.through('b', missing)).toBeUndefined();
    expect(await cache.through('b', missing)).toBeUndefined();
    expect(missing).toHaveBeenCalledTimes(2);
  });

  test('through() shares a load under way with everyone asking meanwhile, and not a failed one afterwards', async () => {
    const cache = new RecentCache<string>({ maxEntries: 10, maxAgeMs: 1_000 });
    let release: (v: string) => void = () => undefined;
    const load = jest.fn(() => new Promise<string>((r) => (release = r)));
    const asked = [cache.through('a', load), cache.through('a', load), cache.through('a', load)];
    release('geladen');
    expect(await Promise.all(asked)).toEqual(['geladen', 'geladen', 'geladen']);
    expect(load).toHaveBeenCalledTimes(1);
    const failing = jest.fn(async () => Promise.reject(new Error('weg')));
    await expect(Promise.all([cache.through('b', failing), cache.through('b', failing)])).rejects.toThrow('weg');
    expect(failing).toHaveBeenCalledTimes(1);
    await expect(cache.through('b', failing)).rejects.toThrow('weg');
    expect(failing).toHaveBeenCalledTimes(2);
  });

  test('a value set or deleted while a load is under way is not replaced by the older load', async () => {
    const cache = new RecentCache<string>({ maxEntries: 10, maxAgeMs: 60_000 });
    let release: (v: string) => void = () => undefined;
    const slow = cache.through('a', () => new Promise<string>((r) => (release = r)));
    cache.set('a', 'neu');
    expect(await cache.through('a', async () => 'nochmal')).toBe('neu');
    release('alt');
    expect(await slow).toBe('alt');
    expect(cache.get('a')).toBe('neu');
    const again = cache.through('b', () => new Promise<string>((r) => (release = r)));
    cache.delete('b');
    const fresh = jest.fn(async () => 'frisch');
    expect(await cache.through('b', fresh)).toBe('frisch');
    release('alt');
    await again;
    expect(cache.get('b')).toBe('frisch');
  });

  test('delete() forgets a value at once', () => {
    const cache = new RecentCache<string>({ maxEntries: 10, maxAgeMs: 60_000 });
    cache.set('a', 'eins');
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
  });
});
