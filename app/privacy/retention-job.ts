import type { Logger } from 'pino';
import { TickLoop } from '../jobs/tick-loop';
import {
  localDay,
  PARTICIPATION_MIN_DAYS,
  retentionCutoff,
  retentionDaysOf,
  weeksEndedBefore,
} from '../../core/retention';
import type { Storage } from '../../storage/open-storage';
import { NO_CAMPAIGN } from '../../storage/retention-repository';

/** a first run without a participation cursor looks back this far (weeks). */
const FIRST_LOOK_BACK_WEEKS = 104;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface RetentionJobOptions {
  storage: Pick<Storage, 'retention' | 'campaigns' | 'items' | 'responses' | 'measures'>;
  /** RETENTION_DAYS: the period of items without a campaign, and of campaigns that set none. */
  defaultDays: number;
  timeZone: string;
  now(): Date;
  log: Logger;
  /** who claims a day's run (host name plus a random suffix). */
  instanceId: string;
  /** how often `start` checks whether today's run is due (default one hour). */
  intervalMs?: number;
}

/** what one run removed; `failed` items stay indexed and are tried again the next day. */
export interface RetentionReport {
  items: number;
  namedVotes: number;
  voterRoll: number;
  ideaAuthors: number;
  backings: number;
  ledgerRows: number;
  participationRows: number;
  /** rows of the digest ledger (who got a digest for which week). */
  digestRows: number;
  /** finished measures whose owner and note authors are no longer named. */
  measureNames: number;
  failed: number;
}

/**
 * deletes personal data once its retention period is over, once per local day across all instances (the first
 * to insert the day's claim row runs it). Per campaign, the items closed before `now − retentionDays` are read
 * from the close-month index (only what is due) and purged: named votes, voter roll, authors, supporters,
 * volunteers and the campaign's ledger rows; tallies, counts and idea texts stay. Weekly participation rows go
 * after RETENTION_DAYS too (kept at least 63 days for the digest's trend), and with them the personal data of the
 * week's ideas sent in chat without a prompt, and the digest ledger's rows of that week. Finished measures older
 * than RETENTION_DAYS no longer name their owner and note authors. A failed item is retried next day.
 */
export class RetentionJob {
  private readonly loop: TickLoop;

  constructor(private readonly o: RetentionJobOptions) {
    this.loop = new TickLoop({
      intervalMs: o.intervalMs ?? 60 * 60 * 1000,
      log: o.log,
      failure: 'retention run failed',
      pass: async () => void (await this.runIfDue()),
    });
  }

  /** checks at once and then every interval whether today's run is due; the timer does not keep the process alive. */
  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** runs once per local day: undefined when another instance (or an earlier check) already claimed today. */
  async runIfDue(): Promise<RetentionReport | undefined> {
    const now = this.o.now();
    if (!(await this.o.storage.retention.claimDay(localDay(now, this.o.timeZone), this.o.instanceId, now)))
      return undefined;
    return this.run(now);
  }

  /** purges everything due at `now` (idempotent: purged items leave the index, a second run finds nothing). */
  async run(now: Date = this.o.now()): Promise<RetentionReport> {
    const report: RetentionReport = {
      items: 0,
      namedVotes: 0,
      voterRoll: 0,
      ideaAuthors: 0,
      backings: 0,
      ledgerRows: 0,
      participationRows: 0,
      digestRows: 0,
      measureNames: 0,
      failed: 0,
    };
    const store = this.o.storage.retention;
    for (const campaignKey of await store.campaignKeys()) {
      const campaign = campaignKey === NO_CAMPAIGN ? undefined : await this.o.storage.campaigns.get(campaignKey);
      const cutoff = retentionCutoff(now, retentionDaysOf(campaign?.retentionDays, this.o.defaultDays));
      const purged = new Set<string>();
      let complete = true;
      for (const due of await store.dueItems(campaignKey, cutoff)) {
        try {
          // an item closed by an older version, or whose close was cut off, gets its final result before any row goes.
          const item = await this.o.storage.items.get(due.itemId);
          if (item) await this.o.storage.responses.seal(item, item.closedAt ?? due.closedAt);
          const counts = await store.purgeItem(due.itemId);
          await store.forget(due);
          purged.add(due.itemId);
          report.items++;
          report.namedVotes += counts.namedVotes;
          report.voterRoll += counts.voterRoll;
          report.ideaAuthors += counts.ideaAuthors;
          report.backings += counts.backings;
        } catch (err) {
          complete = false;
          report.failed++;
          this.o.log.warn({ err, itemId: due.itemId }, 'retention: item not purged, retried tomorrow');
        }
      }
      if (campaignKey !== NO_CAMPAIGN) report.ledgerRows += await store.purgeLedger(campaignKey, purged, cutoff);
      if (complete) await store.advanceCursor(campaignKey, cutoff);
    }
    // participation rows are kept at least 63 days for the digest's trend; the digest never looks further back either.
    const weeksCutoff = retentionCutoff(now, Math.max(this.o.defaultDays, PARTICIPATION_MIN_DAYS));
    await this.purgeTeamWeeks(weeksCutoff, report);
    report.digestRows = await this.purgeDigestWeeks(weeksCutoff);
    // measures are the organisation's records and stay; who owned a finished one and who wrote its notes goes.
    const measuresCutoff = retentionCutoff(now, this.o.defaultDays);
    for (const teamId of await store.teamIds()) {
      report.measureNames += await this.o.storage.measures.forgetNamesOfFinished(teamId, measuresCutoff);
    }
    this.o.log.info({ ...report }, 'retention run done');
    return report;
  }

  /** the weeks ended before the cut-off from a purge cursor on (before the first run: two years back), and the next cursor. */
  private weeksDue(cursor: Date | undefined, cutoff: Date): { weeks: string[]; next: Date } {
    return weeksEndedBefore(
      cursor ?? new Date(cutoff.getTime() - FIRST_LOOK_BACK_WEEKS * WEEK_MS),
      cutoff,
      this.o.timeZone,
    );
  }

  /** the digest ledger's weeks ended before the cut-off. */
  private async purgeDigestWeeks(cutoff: Date): Promise<number> {
    const store = this.o.storage.retention;
    const { weeks, next } = this.weeksDue(await store.digestCursor(), cutoff);
    let rows = 0;
    for (const week of weeks) rows += await store.purgeDigestWeek(week);
    if (weeks.length > 0) await store.setDigestCursor(next);
    return rows;
  }

  /** per team and ended week past the cut-off: the week's participation rows, and the personal data of its chat ideas. */
  private async purgeTeamWeeks(cutoff: Date, report: RetentionReport): Promise<void> {
    const store = this.o.storage.retention;
    for (const teamId of await store.teamIds()) {
      const { weeks, next } = this.weeksDue(await store.participationCursor(teamId), cutoff);
      for (const week of weeks) {
        report.participationRows += await store.purgeParticipationWeek(teamId, week);
        const ideas = await store.purgeChatIdeasOfWeek(teamId, week);
        report.ideaAuthors += ideas.ideaAuthors;
        report.backings += ideas.backings;
      }
      if (weeks.length > 0) await store.setParticipationCursor(teamId, next);
    }
  }
}
