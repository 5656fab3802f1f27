import type { Logger } from 'pino';
import { noTelemetry, type Telemetry } from '../ports/telemetry';
import { countedTick, LeaseWatch, type SchedulerJob } from './scheduler-telemetry';
import { eachConcurrently, TickLoop } from './tick-loop';

/** how one delivery ended: sent, or skipped for good with the reason. */
export type PeriodDelivery = { kind: 'sent' } | { kind: 'skipped'; reason: string };

/** what the job reads of a claim left unfinished. */
export interface PeriodClaimKey {
  recipientId: string;
  period: string;
  attempts: number;
}

/** the ledger a once-per-period job keeps (storage/once-ledger.ts and the digest ledger over it), as the job uses it. */
export interface PeriodLedger<C> {
  acquireLease(instanceId: string, now: Date, ttlMs: number): Promise<boolean>;
  releaseLease(instanceId: string): Promise<void>;
  claim(recipientId: string, period: string, instanceId: string, now: Date): Promise<'claimed' | 'taken' | 'done'>;
  reclaim(claim: C, instanceId: string, now: Date): Promise<'claimed' | 'taken'>;
  markSent(recipientId: string, period: string, now: Date): Promise<void>;
  markSkipped(recipientId: string, period: string, reason: string, now: Date): Promise<void>;
  unfinished(olderThan: Date): Promise<C[]>;
  /** the recipients a period already has a row for (claimed, sent or skipped). */
  recorded(period: string): Promise<string[]>;
  keyOf(claim: C): PeriodClaimKey;
}

/** what a once-per-period job needs. */
export interface OncePerPeriodOptions<R, C> {
  /** the job's name in logs and telemetry (`digest`, `progress`). */
  job: SchedulerJob;
  ledger: PeriodLedger<C>;
  /** everyone who gets one delivery per period. */
  recipients(): Promise<R[]>;
  idOf(recipient: R): string;
  /** the period due now, if any. */
  due(now: Date): string | undefined;
  /** delivers one; throws when a retry may help (the claim is resumed later). */
  deliver(recipient: R, period: string): Promise<PeriodDelivery>;
  /** why a claim of a recipient no longer listed, or of a period no longer due, is given up. */
  givenUp: { gone: string; notDue(period: string): string; failed(attempts: number): string };
  /** counts each outcome where the job has its own metric (the digest's `mitwirken.digests`). */
  countOutcome?(outcome: 'sent' | 'skipped' | 'failed'): void;
  log: Logger;
  now(): Date;
  /** unique per process. */
  instanceId: string;
  /** how long leadership lasts without renewal; renewed every tick, so keep it a few ticks long. */
  leaseTtlMs: number;
  tickMs: number;
  /** a claim not delivered after this long is taken as crashed and delivered again; default 5 minutes. */
  resumeAfterMs?: number;
  /** claims attempted this often without success are recorded as skipped; default 5. */
  maxAttempts?: number;
  /** deliveries at once (default 4); the outbound queue sets the actual rate. */
  concurrency?: number;
  telemetry?: Telemetry;
}

/** what one tick did; `leader` false means another instance holds the lease and nothing was done. */
export interface PeriodTickReport {
  leader: boolean;
  period?: string;
  sent: number;
  skipped: number;
  resumed: number;
  failed: number;
}

/**
 * delivers something to every recipient exactly once per period, across restarts and instances — the weekly digest
 * per leader, the monthly progress post per team: one lease holder per tick; each (recipient, period) of the due period
 * is claimed in the ledger before delivering; claims left by a crash are resumed, and given up with a reason when the
 * recipient is gone, the period no longer due or the delivery failed too often. Only the currently due period is ever
 * delivered: a bot that was down for a whole period catches up the latest one, not the one before.
 */
export class OncePerPeriodJob<R, C> {
  private readonly resumeAfterMs: number;
  private readonly maxAttempts: number;
  private readonly concurrency: number;
  private readonly loop: TickLoop;
  private readonly telemetry: Telemetry;
  private readonly lease: LeaseWatch;

  constructor(private readonly o: OncePerPeriodOptions<R, C>) {
    this.telemetry = o.telemetry ?? noTelemetry;
    this.lease = new LeaseWatch(this.telemetry, o.job, () => o.now());
    this.resumeAfterMs = o.resumeAfterMs ?? 5 * 60_000;
    this.maxAttempts = o.maxAttempts ?? 5;
    this.concurrency = o.concurrency ?? 4;
    this.loop = new TickLoop({
      intervalMs: o.tickMs,
      log: o.log,
      failure: `${o.job} tick failed`,
      pass: async () => {
        const report = await this.tick();
        if (report.sent + report.skipped + report.resumed + report.failed > 0)
          this.o.log.info({ report }, `${o.job} tick`);
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
      .catch((err: unknown) => this.o.log.warn({ err }, `${this.o.job} lease not released`));
    this.lease.close();
  }

  /** one pass: lease, the due period's deliveries not yet claimed (claim, deliver, record), then claims left by a crash. */
  tick(): Promise<PeriodTickReport> {
    return countedTick(
      this.telemetry,
      this.o.job,
      { leader: false, sent: 0, skipped: 0, resumed: 0, failed: 0 },
      (report) => this.pass(report),
    );
  }

  private async pass(report: PeriodTickReport): Promise<void> {
    const now = this.o.now();
    const held = await this.o.ledger.acquireLease(this.o.instanceId, now, this.o.leaseTtlMs);
    this.lease.observe(held, now);
    if (!held) return;
    report.leader = true;
    const period = this.o.due(now);
    let all: Promise<R[]> | undefined;
    const recipients = () => (all ??= this.o.recipients());
    if (period) {
      report.period = period;
      const recorded = new Set(await this.o.ledger.recorded(period));
      const open = (await recipients()).filter((r) => !recorded.has(this.o.idOf(r)));
      await eachConcurrently(open, this.concurrency, async (recipient) => {
        if ((await this.o.ledger.claim(this.o.idOf(recipient), period, this.o.instanceId, now)) !== 'claimed') return;
        await this.deliver(recipient, period, report);
      });
    }
    await this.resumeUnfinished(period, now, recipients, report);
  }

  /** delivers a claimed one and records it; a failure leaves the claim to be resumed after `resumeAfterMs`. */
  private async deliver(recipient: R, period: string, report: PeriodTickReport): Promise<void> {
    const recipientId = this.o.idOf(recipient);
    let outcome: PeriodDelivery;
    try {
      outcome = await this.o.deliver(recipient, period);
    } catch (err) {
      report.failed++;
      this.o.countOutcome?.('failed');
      this.o.log.warn({ err, recipientId, period }, `${this.o.job} not delivered; retried later`);
      return;
    }
    if (outcome.kind === 'sent') {
      await this.o.ledger.markSent(recipientId, period, this.o.now());
      report.sent++;
      this.o.countOutcome?.('sent');
      this.o.log.info({ recipientId, period }, `${this.o.job} delivered`);
    } else {
      await this.skip(recipientId, period, outcome.reason, report);
    }
  }

  /** delivers claims whose sender crashed or failed, once each; gives up with a skipped row when it no longer makes sense. */
  private async resumeUnfinished(
    due: string | undefined,
    now: Date,
    recipients: () => Promise<R[]>,
    report: PeriodTickReport,
  ): Promise<void> {
    const claims = await this.o.ledger.unfinished(new Date(now.getTime() - this.resumeAfterMs));
    for (const claim of claims) {
      const key = this.o.ledger.keyOf(claim);
      const recipient = (await recipients()).find((r) => this.o.idOf(r) === key.recipientId);
      let reason: string | undefined;
      if (!recipient) reason = this.o.givenUp.gone;
      else if (key.period !== due) reason = this.o.givenUp.notDue(key.period);
      else if (key.attempts >= this.maxAttempts) reason = this.o.givenUp.failed(key.attempts);
      if (reason !== undefined || !recipient) {
        await this.skip(key.recipientId, key.period, reason ?? this.o.givenUp.gone, report);
        continue;
      }
      if ((await this.o.ledger.reclaim(claim, this.o.instanceId, now)) === 'taken') continue;
      report.resumed++;
      this.o.log.info(
        { recipientId: key.recipientId, period: key.period, attempt: key.attempts + 1 },
        `resuming an unfinished ${this.o.job}`,
      );
      await this.deliver(recipient, key.period, report);
    }
  }

  private async skip(recipientId: string, period: string, reason: string, report: PeriodTickReport): Promise<void> {
    await this.o.ledger.markSkipped(recipientId, period, reason, this.o.now());
    report.skipped++;
    this.o.countOutcome?.('skipped');
    this.o.log.info({ recipientId, period, reason }, `${this.o.job} skipped`);
  }
}

/** how a once-per-period job runs: clock, identity, lease and pacing (the part its callers set the same way). */
export type PeriodJobRunning = Pick<
  OncePerPeriodOptions<unknown, unknown>,
  'log' | 'now' | 'instanceId' | 'leaseTtlMs' | 'tickMs' | 'resumeAfterMs' | 'maxAttempts' | 'concurrency' | 'telemetry'
>;

/** the running part of a caller's options, as the job takes it. */
export function running(o: PeriodJobRunning): PeriodJobRunning {
  const { log, now, instanceId, leaseTtlMs, tickMs, resumeAfterMs, maxAttempts, concurrency, telemetry } = o;
  return { log, now, instanceId, leaseTtlMs, tickMs, resumeAfterMs, maxAttempts, concurrency, telemetry };
}
