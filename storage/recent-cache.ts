/**
 * a bounded map of values read or written a moment ago, for reads that may be a few seconds old. An entry expires
 * `maxAgeMs` after it was stored; when the map is full, the entry stored longest ago leaves first. Every instance
 * of the bot keeps its own, so a value changed by another instance is seen at the latest `maxAgeMs` later: use it
 * only where a stale value is caught by something else (an ETag, a sealed row) or is harmless.
 */
export class RecentCache<V> {
  private readonly entries = new Map<string, { value: V; storedAt: number }>();
  /** loads under way through `through`, shared by everyone asking for the key meanwhile. */
  private readonly loading = new Map<string, Promise<V | undefined>>();
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
    this.loading.delete(key); // a load under way is older than this value: it neither replaces it nor is shared any more
    this.entries.delete(key); // re-inserted last: the newest entry leaves last
    this.entries.set(key, { value, storedAt: this.now() });
    if (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    this.loading.delete(key);
    this.entries.delete(key);
  }

  /**
   * the recent value, or what `load` reads (kept when defined). Callers asking while a load of the key is under way
   * wait for that one: a value expiring under many concurrent answers is read once, not once per answer.
   */
  async through(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const known = this.get(key);
    if (known !== undefined) return known;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const loaded = load().then(
      (value) => {
        if (this.loading.get(key) !== loaded) return value; // set or deleted meanwhile: the newer state stands
        this.loading.delete(key);
        if (value !== undefined) this.set(key, value);
        return value;
      },
      (err: unknown) => {
        if (this.loading.get(key) === loaded) this.loading.delete(key);
        throw err;
      },
    );
    this.loading.set(key, loaded);
    return loaded;
  }

  get size(): number {
    return this.entries.size;
  }
}
