import type { Logger } from 'pino';
import type { Item } from '../../core/items';
import type { Tally } from '../../core/tally';
import type { Storage } from '../../storage/open-storage';
import type { TeamsPoster } from '../ports/teams';
import { renderSharedItemCard } from './own-view';

/** how long a busy poll must be quiet before its card is updated from an exact read. */
const SETTLE_MS = 3_000;

/**
 * keeps the shared card of an item current after answers. Updates are coalesced per item (one update per
 * `delayMs` at most), which keeps a busy poll far below Teams' per-conversation rate limit. An item has at most
 * one update on its way (waiting in the outbound queue included): answers meanwhile mark it for one more update
 * after that, so many busy polls at the tenant's rate limit cannot pile up stale updates in the queue.
 */
export class CardRefresher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  /** items whose update is under way; `true` once another answer asked for one more. */
  private readonly underway = new Map<string, boolean>();
  /** exact updates planned after a busy poll's approximate ones. */
  private readonly settling = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly storage: Storage,
    private readonly poster: TeamsPoster,
    private readonly log: Logger,
    private readonly options: { minGroupSize: number; timeZone: string; delayMs: number; settleMs?: number },
  ) {}

  /** asks for an update of the item's card soon. */
  schedule(itemId: string): void {
    if (this.timers.has(itemId)) return;
    if (this.underway.has(itemId)) {
      this.underway.set(itemId, true);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(itemId);
      this.underway.set(itemId, false);
      const run = this.refresh(itemId, { recent: true })
        .catch((err) => this.log.warn({ err, itemId }, 'card update failed'))
        .finally(() => {
          const again = this.underway.get(itemId);
          this.underway.delete(itemId);
          if (again) this.schedule(itemId);
        });
      this.running.add(run);
      void run.finally(() => this.running.delete(run));
    }, this.options.delayMs);
    timer.unref();
    this.timers.set(itemId, timer);
  }

  /** updates the item's posted card now, from an exact read of its answers. */
  async refreshNow(itemId: string): Promise<void> {
    await this.refresh(itemId, { recent: false });
  }

  /**
   * updates the card. A scheduled update of a busy poll may show the result this instance moved on with its own votes
   * (a point read instead of the partition); answers another instance took meanwhile are then shown by one exact
   * update once the poll has been quiet for `settleMs`.
   */
  private async refresh(itemId: string, o: { recent: boolean }): Promise<void> {
    const { item, tally, approximate } = await this.current(itemId, o.recent);
    if (approximate) this.settleLater(itemId);
    if (!item?.conversationId || !item.activityId) return;
    const team = await this.storage.installations.getTeamRecent(item.teamId);
    if (!team) return;
    const card = await renderSharedItemCard(this.storage, item, { locale: item.locale, ...this.options, tally });
    await this.poster.updateCard(team.reference, item.conversationId, item.activityId, card);
    this.log.debug({ itemId }, 'card updated');
  }

  /**
   * the item and, for a poll, its tally as they are now. A poll's item may be a few seconds old (read or written
   * here lately); its tally is read fresh, and a sealed tally under an item still open means the poll was closed
   * elsewhere: then the item is read again, so the card shows it closed. An idea prompt has no seal: read fresh.
   */
  private async current(
    itemId: string,
    recent: boolean,
  ): Promise<{ item?: Item; tally?: Tally; approximate?: boolean }> {
    const seen = this.storage.items.recentlySeen(itemId);
    const item = seen?.kind === 'poll' ? seen : await this.storage.items.get(itemId);
    if (item?.kind !== 'poll') return { item };
    const { tally, sealed, approximate } = await this.storage.responses.tallyState(item, { recent });
    return {
      item: item === seen && sealed && item.status === 'open' ? await this.storage.items.get(itemId) : item,
      tally,
      approximate,
    };
  }

  /** one exact update of the card after `settleMs` without another update of it. */
  private settleLater(itemId: string): void {
    clearTimeout(this.settling.get(itemId));
    const timer = setTimeout(() => {
      this.settling.delete(itemId);
      const run = this.refreshNow(itemId).catch((err) => this.log.warn({ err, itemId }, 'card update failed'));
      this.running.add(run);
      void run.finally(() => this.running.delete(run));
    }, this.options.settleMs ?? SETTLE_MS);
    timer.unref();
    this.settling.set(itemId, timer);
  }

  /** runs pending updates at once and waits for them (shutdown, tests). */
  async flush(): Promise<void> {
    // an update under way may ask for one more when it ends: loop until nothing is pending.
    while (this.timers.size > 0 || this.running.size > 0 || this.settling.size > 0) {
      const ids = [...new Set([...this.timers.keys(), ...this.settling.keys()])];
      for (const t of [...this.timers.values(), ...this.settling.values()]) clearTimeout(t);
      this.timers.clear();
      this.settling.clear();
      await Promise.all([
        ...this.running,
        ...ids.map((id) =>
          this.refreshNow(id).catch((err) => this.log.warn({ err, itemId: id }, 'card update failed')),
        ),
      ]);
    }
  }
}
