import type { Logger } from 'pino';

/**
 * runs a periodic job: the first pass at once, the next `intervalMs` after a pass ends (passes never overlap); a
 * failed pass is logged and the loop goes on. The timer does not keep the process alive.
 */
export class TickLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly o: {
      intervalMs: number;
      pass(): Promise<void>;
      log: Logger;
      /** the log message when a pass throws, e.g. 'scheduler tick failed'. */
      failure: string;
    },
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.scheduleNext(0);
  }

  /** stops the loop and waits for a running pass. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private scheduleNext(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.o
        .pass()
        .catch((err: unknown) => this.o.log.error({ err }, this.o.failure))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.scheduleNext(this.o.intervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }
}

/** runs `work` over `items` with at most `limit` at once; one item's failure does not stop the others, the first error is thrown at the end. */
export async function eachConcurrently<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (err) {
        errors.push(err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (errors.length > 0) throw errors[0];
}
