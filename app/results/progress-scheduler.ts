import type { Logger } from 'pino';
import { dueProgressMonth, type MonthKey, type ProgressCron } from '../../core/progress/progress-schedule';
import type { TeamRecord } from '../../core/installations';
import type { OnceClaim, OnceLedger } from '../../storage/once-ledger';
import { countedTick, LeaseWatch } from '../jobs/scheduler-telemetry';
import { eachConcurrently, TickLoop } from '../jobs/tick-loop';
import { noTelemetry, type Telemetry } from '../ports/telemetry';

/** how posting one team's progress of a month ended: posted into General, or skipped for good with the reason. */
export type ProgressDelivery = { kind: 'sent' } | { kind: 'skipped'; reason: string };

/** what the progress scheduler needs; the composition root passes real capabilities, tests may pass fakes. */
export interface ProgressSchedulerOptions {
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
  log: Logger;
  now(): Date;
  /** unique per process. */
  instanceId: string;
  leaseTtlMs: number;
  tickMs: number;
  /** a claim not posted after this long is taken as crashed and posted again; default 5 minutes. */
  resumeAfterMs?: number;
  /** claims attempted this often without success are recorded as skipped; default 5. */
  maxAttempts?: number;
  /** teams posted to at once (default 4). */
  concurrency?: number;
  telemetry?: Telemetry;
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
 * instances, as the digest does: one lease holder per tick; from the first PROGRESS_CRON time of a month on, the month
 * before is due (dueProgressMonth) and each (team, month) is claimed in the ledger (`progress|<month>`, a row per team)
 * before posting; claims left by a crash are resumed. A team where nothing moved is recorded as skipped, not posted.
 */
export class ProgressScheduler {
  private readonly resumeAfterMs: number;
  private readonly maxAttempts: number;
  private readonly concurrency: number;
  private readonly loop: TickLoop;
  private readonly telemetry: Telemetry;
  private readonly lease: LeaseWatch;

  constructor(private readonly o: ProgressSchedulerOptions) {
    this.telemetry = o.telemetry ?? noTelemetry;
    this.lease = new LeaseWatch(this.telemetry, 'progress', () => o.now());
    this.resumeAfterMs = o.resumeAfterMs ?? 5 * 60_000;
    this.maxAttempts = o.maxAttempts ?? 5;
    this.concurrency = o.concurrency ?? 4;
    this.loop = new TickLoop({
      intervalMs: o.tickMs,
      log: o.log,
      failure: 'progress tick failed',
      pass: async () => {
        const report = await this.tick();
        if (report.sent + report.skipped + report.resumed + report.failed > 0)
          this.o.log.info({ report }, 'progress tick');
      },
    });
  }

  /** starts the tick loop (first tick at once); the timer does not keep the process alive. */
  start(): void {
    this.loop.start();
  }

  /** stops the loop, waits for a running tick and hands the lease back. */
  async stop(): Promise<void> {
    await this.loop.stop();
    await this.o.ledger
      .releaseLease(this.o.instanceId)
      .catch((err: unknown) => this.o.log.warn({ err }, 'progress lease not released'));
    this.lease.close();
  }

  /** one pass: lease, the due month's posts not yet claimed (claim, post, record), then claims left by a crash. */
  tick(): Promise<ProgressTickReport> {
    return countedTick(
      this.telemetry,
      'progress',
      { leader: false, sent: 0, skipped: 0, resumed: 0, failed: 0 },
      (report) => this.pass(report),
    );
  }

  private async pass(report: ProgressTickReport): Promise<void> {
    const now = this.o.now();
    const held = await this.o.ledger.acquireLease(this.o.instanceId, now, this.o.leaseTtlMs);
    this.lease.observe(held, now);
    if (!held) return;
    report.leader = true;
    const month = dueProgressMonth(now, this.o.cron, this.o.timeZone);
    let all: Promise<TeamRecord[]> | undefined;
    const teams = () => (all ??= this.o.teams());
    if (month) {
      report.month = month;
      const recorded = new Set((await this.o.ledger.ofPeriod(month)).map((c) => c.recipientId));
      const open = (await teams()).filter((t) => !recorded.has(t.teamId));
      await eachConcurrently(open, this.concurrency, async (team) => {
        if ((await this.o.ledger.claim(team.teamId, month, this.o.instanceId, now)) !== 'claimed') return;
        await this.send(team, month, report);
      });
    }
    await this.resumeUnfinished(month, now, teams, report);
  }

  private async send(team: TeamRecord, month: MonthKey, report: ProgressTickReport): Promise<void> {
    let outcome: ProgressDelivery;
    try {
      outcome = await this.o.deliver(team, month);
    } catch (err) {
      report.failed++;
      this.o.log.warn({ err, teamId: team.teamId, month }, 'progress not posted; retried later');
      return;
    }
    if (outcome.kind === 'sent') {
      await this.o.ledger.markSent(team.teamId, month, this.o.now());
      report.sent++;
      this.o.log.info({ teamId: team.teamId, month }, 'progress posted');
    } else {
      await this.skip(team.teamId, month, outcome.reason, report);
    }
  }

  private async resumeUnfinished(
    due: MonthKey | undefined,
    now: Date,
    teams: () => Promise<TeamRecord[]>,
    report: ProgressTickReport,
  ): Promise<void> {
    const claims: OnceClaim[] = await this.o.ledger.unfinished(new Date(now.getTime() - this.resumeAfterMs));
    for (const claim of claims) {
      const team = (await teams()).find((t) => t.teamId === claim.recipientId);
      let reason: string | undefined;
      if (!team) reason = 'team no longer active';
      else if (claim.period !== due) reason = `month ${claim.period} is no longer due`;
      else if (claim.attempts >= this.maxAttempts) reason = `posting failed ${claim.attempts} times`;
      if (reason || !team) {
        await this.skip(claim.recipientId, claim.period, reason ?? 'team no longer active', report);
        continue;
      }
      if ((await this.o.ledger.reclaim(claim, this.o.instanceId, now)) === 'taken') continue;
      report.resumed++;
      await this.send(team, claim.period, report);
    }
  }

  private async skip(teamId: string, month: MonthKey, reason: string, report: ProgressTickReport): Promise<void> {
    await this.o.ledger.markSkipped(teamId, month, reason, this.o.now());
    report.skipped++;
    this.o.log.info({ teamId, month, reason }, 'progress skipped');
  }
}
