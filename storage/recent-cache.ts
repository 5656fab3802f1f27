/**
 * a bounded map of values read or written a moment ago, for reads that may be a few seconds old. An entry expires
 * `maxAgeMs` after it was stored; when the map is full, the entry stored longest ago leaves first. Every instance
 * of the bot keeps its own, so a value changed by another instance is seen at the latest `maxAgeMs` later: use it
 * only where a stale value is caught by something else (an ETag, a sealed row) or is harmless.
 */
export class RecentCache<V> {
  private readonly entries = new Map<string, { value: V; storedAt: number }>();
  private readonly now: () => number;

  constructor(private readonly options: { maxEntries: number; maxAgeMs: number; now?: () => number }) {
    this.now = options.now ?? Date.now;
  }

  /** the value stored under `key` within the last `maxAgeMs`, or undefined. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt > this.options.maxAgeMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key); // re-inserted last: the newest entry leaves last
    this.entries.set(key, { value, storedAt: this.now() });
    if (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** the recent value, or what `load` reads (kept when defined). */
  async through(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const known = this.get(key);
    if (known !== undefined) return known;
    const value = await load();
    if (value !== undefined) this.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
