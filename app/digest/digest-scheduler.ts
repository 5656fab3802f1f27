import { OncePerPeriodJob, running, type PeriodDelivery, type PeriodJobRunning } from '../jobs/once-per-period';
import { dueDigestWeek, type DigestCron } from '../../core/digest/digest-schedule';
import type { WeekKey } from '../../core/digest/digest-week';
import type { DigestClaim, DigestLedger } from '../../storage/digest-ledger';
import type { DigestLeader } from './digest-builder';
import { METRICS, noTelemetry } from '../ports/telemetry';

/** how sending one leader's digest ended: sent into their 1:1 chat, or skipped for good with the reason. */
export type DigestDelivery = PeriodDelivery;

/** what the digest scheduler needs; the composition root passes real capabilities, tests may pass fakes for the Teams side. */
export interface DigestSchedulerOptions extends PeriodJobRunning {
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
 * sends every leader their weekly digest exactly once per ISO week, across restarts and instances (OncePerPeriodJob):
 * one lease holder per tick; from the first DIGEST_CRON time of a week on, the week before is due (dueDigestWeek) and
 * each (leader, week) is claimed in the digest ledger before sending; claims left by a crash are resumed. Only the
 * currently due week is ever sent: a bot that was down for a whole week catches up the latest digest, not the one before.
 */
export class DigestScheduler {
  private readonly job: OncePerPeriodJob<DigestLeader, DigestClaim>;

  constructor(o: DigestSchedulerOptions) {
    const telemetry = o.telemetry ?? noTelemetry;
    const { ledger } = o;
    this.job = new OncePerPeriodJob<DigestLeader, DigestClaim>({
      job: 'digest',
      ledger: {
        acquireLease: (id, now, ttl) => ledger.acquireLease(id, now, ttl),
        releaseLease: (id) => ledger.releaseLease(id),
        claim: (leaderId, week, id, now) => ledger.claim(leaderId, week, id, now),
        reclaim: (claim, id, now) => ledger.reclaim(claim, id, now),
        markSent: (leaderId, week, now) => ledger.markSent(leaderId, week, now),
        markSkipped: (leaderId, week, reason, now) => ledger.markSkipped(leaderId, week, reason, now),
        unfinished: (olderThan) => ledger.unfinished(olderThan),
        recorded: async (week) => (await ledger.ofWeek(week)).map((c) => c.leaderId),
        keyOf: (c) => ({ recipientId: c.leaderId, period: c.week, attempts: c.attempts }),
      },
      recipients: () => o.leaders(),
      idOf: (leader) => leader.personId,
      due: (now) => dueDigestWeek(now, o.cron, o.timeZone),
      deliver: (leader, week) => o.deliver(leader, week),
      givenUp: {
        gone: 'no longer a leader',
        notDue: (week) => `week ${week} is no longer due; a newer digest replaces it`,
        failed: (attempts) => `sending failed ${attempts} times`,
      },
      countOutcome: (outcome) => telemetry.count(METRICS.digests, { outcome }),
      ...running(o),
      concurrency: o.concurrency ?? 8,
      telemetry,
    });
  }

  /** starts the tick loop (first tick at once); the timer does not keep the process alive. */
  start(): void {
    this.job.start();
  }

  /** stops the loop, waits for a running tick and hands the lease back so another instance can lead at once. */
  stop(): Promise<void> {
    return this.job.stop();
  }

  /** one pass: lease, the due week's digests not yet claimed (claim, send, record), then claims left by a crash. */
  async tick(): Promise<DigestTickReport> {
    const { period, ...report } = await this.job.tick();
    return { ...report, ...(period !== undefined && { week: period }) };
  }
}
