import type { Logger } from 'pino';
import { TickLoop } from '../jobs/tick-loop';
import { closeItem } from './close-item';
import type { PollsPorts } from './ports';

/**
 * closes items whose "open until" has passed, and updates their cards with the final results: ad-hoc items posted
 * with a closing time from the posting form (campaign items are closed by the campaign scheduler; closing is
 * idempotent). Reads one index partition of items due by now (postAdhocItem notes them: `items.markDueToClose`), so a pass
 * costs what is due, not the whole history. Runs on every instance; two closing the same item at once is harmless.
 */
export class DueCloseJob {
  private readonly loop: TickLoop;

  constructor(
    private readonly s: PollsPorts,
    options: { tickMs?: number; log?: Logger } = {},
  ) {
    this.loop = new TickLoop({
      intervalMs: options.tickMs ?? 30_000,
      pass: async () => void (await this.run()),
      log: options.log ?? s.log,
      failure: 'due close failed',
    });
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** closes every item due by now; returns how many it closed. */
  async run(): Promise<number> {
    const due = await this.s.storage.items.dueToClose(this.s.now());
    let closed = 0;
    for (const { itemId, closesAt } of due) {
      const item = await this.s.storage.items.get(itemId);
      if (item?.status === 'open') {
        await closeItem(this.s, itemId);
        closed++;
      }
      await this.s.storage.items.forgetDue(itemId, closesAt);
    }
    return closed;
  }
}
