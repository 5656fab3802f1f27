/** a failure of work nobody waits for: where it is reported (the bot logs it). */
export type BackgroundFailure = (err: unknown, task: string) => void;

/**
 * storage work that follows an answer without holding it up (folding answers into their groups): per key at most one
 * run under way, a request meanwhile runs it once more afterwards, and delayed runs are coalesced. `settle` runs what
 * is planned at once and waits until nothing is left (closing an item, shutdown, tests).
 */
export class BackgroundWork {
  private readonly planned = new Map<string, { timer: NodeJS.Timeout; task: () => Promise<void> }>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Map<string, () => Promise<void>>();

  constructor(private readonly report: BackgroundFailure) {}

  /** runs `task` now, or once more after the run of the same key under way. */
  run(key: string, task: () => Promise<void>): void {
    const planned = this.planned.get(key);
    if (planned) {
      clearTimeout(planned.timer);
      this.planned.delete(key);
    }
    if (this.running.has(key)) {
      this.again.set(key, task);
      return;
    }
    const run = task()
      .catch((err) => this.report(err, key))
      .finally(() => {
        this.running.delete(key);
        const next = this.again.get(key);
        this.again.delete(key);
        if (next) this.run(key, next);
      });
    this.running.set(key, run);
  }

  /** runs `task` after `delayMs`, unless a run of the key is planned already (the earlier plan stands). */
  later(key: string, delayMs: number, task: () => Promise<void>): void {
    if (this.planned.has(key)) return;
    const timer = setTimeout(() => {
      this.planned.delete(key);
      this.run(key, task);
    }, delayMs);
    timer.unref();
    this.planned.set(key, { timer, task });
  }

  /** runs every planned task now and waits until no run is under way or planned. */
  async settle(): Promise<void> {
    while (this.planned.size > 0 || this.running.size > 0) {
      for (const [key, { task }] of [...this.planned]) this.run(key, task);
      await Promise.all([...this.running.values()]);
    }
  }
}
