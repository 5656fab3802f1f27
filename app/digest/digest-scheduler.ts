import type { Logger } from 'pino';
import { eachConcurrently, TickLoop } from '../jobs/tick-loop';
import { dueDigestWeek, type DigestCron } from '../../core/digest/digest-schedule';
import type { WeekKey } from '../../core/digest/digest-week';
import type { DigestLedger } from '../../storage/digest-ledger';
import type { DigestLeader } from './digest-builder';
import { countedTick, LeaseWatch } from '../jobs/scheduler-telemetry';
import { METRICS, noTelemetry, type Telemetry } from '../ports/telemetry';

/** how sending one leader's digest ended: sent into their 1:1 chat, or skipped for good with the reason. */
export type DigestDelivery = { kind: 'sent' } | { kind: 'skipped'; reason: string };

/** what the digest scheduler needs; the composition root passes real capabilities, tests may pass fakes for the Teams side. */
export interface DigestSchedulerOptions {
  ledger: Pick<
    DigestLedger,
    'acquireLease' | 'releaseLease' | 'claim' | 'reclaim' | 'markSent' | 'markSkipped' | 'unfinished' | 'ofWeek'
  >;
  /** every leader with the teams they lead. */
  leaders(): Promise<DigestLeader[]>;
  /** builds and sends one leader's digest of a week; throws when it failed in a way worth retrying (the claim is resumed later). */
  deliver(leader: DigestLeader, week: WeekKey): Promise<DigestDelivery>;
  cron: DigestCron;
  timeZone: string;
  log: Logger;
  now(): Date;
  /** unique per process, e.g. host name plus a random suffix. */
  instanceId: string;
  /** how long leadership lasts without renewal; renewed every tick, so keep it a few ticks long. */
  leaseTtlMs: number;
  tickMs: number;
  /** a claim not sent after this long is taken as crashed and sent again; default 5 minutes. Keep it above the longest send. */
  resumeAfterMs?: number;
  /** claims attempted this often without success are recorded as skipped; default 5. */
  maxAttempts?: number;
  /** leaders sent to at once (default 8); the outbound queue sets the actual rate. */
  concurrency?: number;
  /** records digests by outcome, ticks and the lease (mitwirken.digests, mitwirken.scheduler.*). */
  telemetry?: Telemetry;
}

/** what one tick did; `leader` false means another instance holds the lease and nothing was done. */
export interface DigestTickReport {
  leader: boolean;
  /** the week whose digests are due, if any. */
  week?: WeekKey;
  sent: number;
  skipped: number;
  resumed: number;
  failed: number;
}

/**
 * sends every leader their weekly digest exactly once per ISO week, across restarts and instances: one lease holder
 * per tick; from the first DIGEST_CRON time of a week on, the week before is due (dueDigestWeek) and each (leader, week)
 * is claimed in the digest ledger before sending; claims left by a crash are resumed. Only the currently due week is
 * ever sent: a bot that was down for a whole week catches up the latest digest, not the one before.
 */
export class DigestScheduler {
  private readonly resumeAfterMs: number;
  private readonly maxAttempts: number;
  private readonly concurrency: number;
  private readonly loop: TickLoop;
  private readonly telemetry: Telemetry;
  private readonly lease: LeaseWatch;

  constructor(private readonly o: DigestSchedulerOptions) {
    this.telemetry = o.telemetry ?? noTelemetry;
    this.lease = new LeaseWatch(this.telemetry, 'digest', () => o.now());
    this.resumeAfterMs = o.resumeAfterMs ?? 5 * 60_000;
    this.maxAttempts = o.maxAttempts ?? 5;
    this.concurrency = o.concurrency ?? 8;
    this.loop = new TickLoop({
      intervalMs: o.tickMs,
      log: o.log,
      failure: 'digest tick failed',
      pass: async () => {
        const report = await this.tick();
        if (report.sent + report.skipped + report.resumed + report.failed > 0)
          this.o.log.info({ report }, 'digest tick');
      },
    });
  }

  /** starts the tick loop (first tick at once); the timer does not keep the process alive. */
  start(): void {
    this.loop.start();
  }

  /** stops the loop, waits for a running tick and hands the lease back so another instance can lead at once. */
  async stop(): Promise<void> {
    await this.loop.stop();
    await this.o.ledger
      .releaseLease(this.o.instanceId)
      .catch((err: unknown) => this.o.log.warn({ err }, 'digest lease not released'));
    this.lease.close();
  }

  /** one pass: lease, the due week's digests not yet claimed (claim, send, record), then claims left by a crash; counted as a tick. */
  tick(): Promise<DigestTickReport> {
    return countedTick(
      this.telemetry,
      'digest',
      { leader: false, sent: 0, skipped: 0, resumed: 0, failed: 0 },
      (report) => this.pass(report),
    );
  }

  private async pass(report: DigestTickReport): Promise<void> {
    const now = this.o.now();
    const held = await this.o.ledger.acquireLease(this.o.instanceId, now, this.o.leaseTtlMs);
    this.lease.observe(held, now);
    if (!held) return;
    report.leader = true;
    const week = dueDigestWeek(now, this.o.cron, this.o.timeZone);
    let all: Promise<DigestLeader[]> | undefined;
    const leaders = () => (all ??= this.o.leaders());
    if (week) {
      report.week = week;
      const recorded = new Set((await this.o.ledger.ofWeek(week)).map((c) => c.leaderId));
      const open = (await leaders()).filter((l) => !recorded.has(l.personId));
      await eachConcurrently(open, this.concurrency, async (leader) => {
        if ((await this.o.ledger.claim(leader.personId, week, this.o.instanceId, now)) !== 'claimed') return;
        await this.send(leader, week, report);
      });
    }
    await this.resumeUnfinished(week, now, leaders, report);
  }

  /** sends a claimed digest and records it; a failure leaves the claim to be resumed after `resumeAfterMs`. */
  private async send(leader: DigestLeader, week: WeekKey, report: DigestTickReport): Promise<void> {
    let outcome: DigestDelivery;
    try {
      outcome = await this.o.deliver(leader, week);
    } catch (err) {
      report.failed++;
      this.telemetry.count(METRICS.digests, { outcome: 'failed' });
      this.o.log.warn({ err, leaderId: leader.personId, week }, 'digest not sent; retried later');
      return;
    }
    if (outcome.kind === 'sent') {
      await this.o.ledger.markSent(leader.personId, week, this.o.now());
      report.sent++;
      this.telemetry.count(METRICS.digests, { outcome: 'sent' });
      this.o.log.info({ leaderId: leader.personId, week, teams: leader.teamIds.length }, 'digest sent');
    } else {
      await this.skip(leader.personId, week, outcome.reason, report);
    }
  }

  /** sends claims whose sender crashed or failed, once each; gives up with a skipped row when sending no longer makes sense. */
  private async resumeUnfinished(
    due: WeekKey | undefined,
    now: Date,
    leaders: () => Promise<DigestLeader[]>,
    report: DigestTickReport,
  ): Promise<void> {
    const claims = await this.o.ledger.unfinished(new Date(now.getTime() - this.resumeAfterMs));
    for (const claim of claims) {
      const leader = (await leaders()).find((l) => l.personId === claim.leaderId);
      let reason: string | undefined;
      if (!leader) reason = 'no longer a leader';
      else if (claim.week !== due) reason = `week ${claim.week} is no longer due; a newer digest replaces it`;
      else if (claim.attempts >= this.maxAttempts) reason = `sending failed ${claim.attempts} times`;
      if (reason || !leader) {
        await this.skip(claim.leaderId, claim.week, reason ?? 'no longer a leader', report);
        continue;
      }
      if ((await this.o.ledger.reclaim(claim, this.o.instanceId, now)) === 'taken') continue;
      report.resumed++;
      this.o.log.info(
        { leaderId: claim.leaderId, week: claim.week, attempt: claim.attempts + 1 },
        'resuming an unfinished digest',
      );
      await this.send(leader, claim.week, report);
    }
  }

  private async skip(leaderId: string, week: WeekKey, reason: string, report: DigestTickReport): Promise<void> {
    await this.o.ledger.markSkipped(leaderId, week, reason, this.o.now());
    report.skipped++;
    this.telemetry.count(METRICS.digests, { outcome: 'skipped' });
    this.o.log.info({ leaderId, week, reason }, 'digest skipped');
  }
}
