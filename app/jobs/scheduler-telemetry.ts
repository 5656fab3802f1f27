import { METRICS, type Telemetry } from '../ports/telemetry';

/** the scheduler jobs telemetry tells apart (the `job` attribute). */
export type SchedulerJob = 'campaigns' | 'digest' | 'progress';

/** runs one scheduler pass into `report` and counts it as a tick (mitwirken.scheduler.ticks): its job, whether it led, ok or failed. */
export async function countedTick<R extends { leader: boolean }>(
  telemetry: Telemetry,
  job: SchedulerJob,
  report: R,
  pass: (report: R) => Promise<void>,
): Promise<R> {
  let outcome = 'failed';
  try {
    await pass(report);
    outcome = 'ok';
    return report;
  } finally {
    telemetry.count(METRICS.schedulerTicks, { job, leader: report.leader, outcome });
  }
}

/**
 * a scheduler's own lease as telemetry sees it: how long this instance has held it without a break
 * (mitwirken.scheduler.lease.held) and how long ago it last renewed it (mitwirken.scheduler.lease.since_renewal),
 * both in seconds and reported only while this instance holds it. A holder whose renewals stop (storage failing, a
 * stalled event loop) shows a growing time since renewal; leadership moving back and forth shows short holds.
 */
export class LeaseWatch {
  private heldSince: number | undefined;
  private renewedAt: number | undefined;
  private readonly stops: (() => void)[];

  constructor(telemetry: Telemetry, job: SchedulerJob, now: () => Date) {
    const since = (at: number | undefined) =>
      at === undefined ? undefined : Math.max(0, (now().getTime() - at) / 1000);
    this.stops = [
      telemetry.gauge(METRICS.leaseHeld, () => since(this.heldSince), { job }),
      telemetry.gauge(METRICS.leaseSinceRenewal, () => since(this.renewedAt), { job }),
    ];
  }

  /** the answer of a take or renewal attempted at `at`: held (taken or renewed) or not. */
  observe(held: boolean, at: Date): void {
    if (!held) return this.released();
    this.heldSince ??= at.getTime();
    this.renewedAt = at.getTime();
  }

  /** this instance gave the lease up or lost it. */
  released(): void {
    this.heldSince = undefined;
    this.renewedAt = undefined;
  }

  /** stops reporting (at shutdown). */
  close(): void {
    this.released();
    for (const stop of this.stops) stop();
  }
}
