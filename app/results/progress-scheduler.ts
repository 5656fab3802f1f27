import { dueProgressMonth, type MonthKey, type ProgressCron } from '../../core/progress/progress-schedule';
import type { TeamRecord } from '../../core/installations';
import type { OnceClaim, OnceLedger } from '../../storage/once-ledger';
import { OncePerPeriodJob, running, type PeriodDelivery, type PeriodJobRunning } from '../jobs/once-per-period';

/** how posting one team's progress of a month ended: posted into General, or skipped for good with the reason. */
export type ProgressDelivery = PeriodDelivery;

/** what the progress scheduler needs; the composition root passes real capabilities, tests may pass fakes. */
export interface ProgressSchedulerOptions extends PeriodJobRunning {
  ledger: Pick<
    OnceLedger,
    'acquireLease' | 'releaseLease' | 'claim' | 'reclaim' | 'markSent' | 'markSkipped' | 'unfinished' | 'ofPeriod'
  >;
  /** the teams the bot is installed in. */
  teams(): Promise<TeamRecord[]>;
  /** builds and posts a team's progress of a month; throws when a retry may help (the claim is resumed later). */
  deliver(team: TeamRecord, month: MonthKey): Promise<ProgressDelivery>;
  cron: ProgressCron;
  timeZone: string;
}

/** what one tick did; `leader` false means another instance holds the lease and nothing was done. */
export interface ProgressTickReport {
  leader: boolean;
  month?: MonthKey;
  sent: number;
  skipped: number;
  resumed: number;
  failed: number;
}

/**
 * posts each active team's monthly progress into its General channel exactly once per month, across restarts and
 * instances, as the digest does (OncePerPeriodJob): from the first PROGRESS_CRON time of a month on, the month before is
 * due (dueProgressMonth) and each (team, month) is claimed in the ledger (`progress|<month>`, a row per team) before
 * posting; claims left by a crash are resumed. A team where nothing moved is recorded as skipped, not posted.
 */
export class ProgressScheduler {
  private readonly job: OncePerPeriodJob<TeamRecord, OnceClaim>;

  constructor(o: ProgressSchedulerOptions) {
    const { ledger } = o;
    this.job = new OncePerPeriodJob<TeamRecord, OnceClaim>({
      job: 'progress',
      ledger: {
        acquireLease: (id, now, ttl) => ledger.acquireLease(id, now, ttl),
        releaseLease: (id) => ledger.releaseLease(id),
        claim: (teamId, month, id, now) => ledger.claim(teamId, month, id, now),
        reclaim: (claim, id, now) => ledger.reclaim(claim, id, now),
        markSent: (teamId, month, now) => ledger.markSent(teamId, month, now),
        markSkipped: (teamId, month, reason, now) => ledger.markSkipped(teamId, month, reason, now),
        unfinished: (olderThan) => ledger.unfinished(olderThan),
        recorded: async (month) => (await ledger.ofPeriod(month)).map((c) => c.recipientId),
        keyOf: (c) => ({ recipientId: c.recipientId, period: c.period, attempts: c.attempts }),
      },
      recipients: () => o.teams(),
      idOf: (team) => team.teamId,
      due: (now) => dueProgressMonth(now, o.cron, o.timeZone),
      deliver: (team, month) => o.deliver(team, month),
      givenUp: {
        gone: 'team no longer active',
        notDue: (month) => `month ${month} is no longer due`,
        failed: (attempts) => `posting failed ${attempts} times`,
      },
      ...running(o),
      concurrency: o.concurrency ?? 4,
      ...(o.telemetry && { telemetry: o.telemetry }),
    });
  }

  /** starts the tick loop (first tick at once); the timer does not keep the process alive. */
  start(): void {
    this.job.start();
  }

  /** stops the loop, waits for a running tick and hands the lease back. */
  stop(): Promise<void> {
    return this.job.stop();
  }

  /** one pass: lease, the due month's posts not yet claimed (claim, post, record), then claims left by a crash. */
  async tick(): Promise<ProgressTickReport> {
    const { period, ...report } = await this.job.tick();
    return { ...report, ...(period !== undefined && { month: period }) };
  }
}
