import { OnceLedger, type OnceClaim, type OnceLedgerLayout, type OnceStatus } from './once-ledger';
import type { Tables } from './tables';

/** claimed: being sent (or its sender crashed); sent and skipped are final. */
export type DigestStatus = OnceStatus;

/** what the ledger knows about one leader's digest of one ISO week. */
export interface DigestClaim {
  leaderId: string;
  week: string;
  status: DigestStatus;
  claimedBy: string;
  claimedAt: Date;
  /** 1, plus one per resume after a crash. */
  attempts: number;
  sentAt?: Date;
  reason?: string;
}

/** partitions: one per week (all digests of a week, for the admin), `pending` for claims in flight, `lease` for the sender's leadership. */
const DIGEST_LAYOUT: OnceLedgerLayout = {
  periodPartition: (week: string) => `week|${week}`,
  pendingPartition: 'pending',
  lease: { partitionKey: 'lease', rowKey: 'digest' },
  fields: { recipient: 'leaderId', period: 'week' },
};

/** the partition of a week's digest rows (for the retention job). */
export const digestWeekPartition = DIGEST_LAYOUT.periodPartition;

/**
 * the monthly progress posts' rows in the same table: a partition per month `progress|<YYYY-MM>` with a row per team,
 * `progress-pending` for claims in flight, and the lease row `lease`/`progress`.
 */
const PROGRESS_LAYOUT: OnceLedgerLayout = {
  periodPartition: (month: string) => `progress|${month}`,
  pendingPartition: 'progress-pending',
  lease: { partitionKey: 'lease', rowKey: 'progress' },
  fields: { recipient: 'teamId', period: 'month' },
};

const toDigestClaim = ({ recipientId, period, ...rest }: OnceClaim): DigestClaim => ({
  leaderId: recipientId,
  week: period,
  ...rest,
});
const toOnceClaim = ({ leaderId, week, ...rest }: DigestClaim): OnceClaim => ({
  recipientId: leaderId,
  period: week,
  ...rest,
});

/**
 * exactly one weekly digest per leader and week across instances (OnceLedger over the DigestLedger table): the sender
 * inserts the deterministic row (week, leader) before sending; 409 means someone else did. A `pending` index row,
 * written before the claim, lets a claim whose sender crashed be found (`unfinished`) and taken over (`reclaim`).
 */
export class DigestLedger {
  private readonly ledger: OnceLedger;

  constructor(tables: Pick<Tables, 'digestLedger'>) {
    this.ledger = new OnceLedger(tables.digestLedger, DIGEST_LAYOUT);
  }

  /** takes or renews the lease of this job; false while another instance holds an unexpired lease or wins the race. */
  acquireLease(instanceId: string, now: Date, ttlMs: number): Promise<boolean> {
    return this.ledger.acquireLease(instanceId, now, ttlMs);
  }

  /** gives the lease up (on shutdown) so another instance can lead at once; a no-op unless `instanceId` holds it. */
  releaseLease(instanceId: string): Promise<void> {
    return this.ledger.releaseLease(instanceId);
  }

  /** claims a digest before sending it: 'claimed' for one caller; 'taken' while another sends it; 'done' once sent or skipped. */
  claim(leaderId: string, week: string, instanceId: string, now: Date): Promise<'claimed' | 'taken' | 'done'> {
    return this.ledger.claim(leaderId, week, instanceId, now);
  }

  /** takes over a claim found by `unfinished` (ETag-guarded, so one resumer wins); 'taken' when it moved on meanwhile. */
  reclaim(claim: DigestClaim, instanceId: string, now: Date): Promise<'claimed' | 'taken'> {
    return this.ledger.reclaim(toOnceClaim(claim), instanceId, now);
  }

  /** records that the digest was sent (final), and clears the claim in flight. */
  markSent(leaderId: string, week: string, now: Date): Promise<void> {
    return this.ledger.markSent(leaderId, week, now);
  }

  /** records that no digest is sent this week (e.g. no personal chat with the leader), with the reason; final. */
  markSkipped(leaderId: string, week: string, reason: string, now: Date): Promise<void> {
    return this.ledger.markSkipped(leaderId, week, reason, now);
  }

  /** claims not sent or skipped whose last claim is at or before `olderThan`; tidies index rows that are done. */
  async unfinished(olderThan: Date): Promise<DigestClaim[]> {
    return (await this.ledger.unfinished(olderThan)).map(toDigestClaim);
  }

  /** the ledger's row for a leader's digest of a week, or undefined when nobody claimed it yet. */
  async status(leaderId: string, week: string): Promise<DigestClaim | undefined> {
    const claim = await this.ledger.status(leaderId, week);
    return claim && toDigestClaim(claim);
  }

  /** every digest row of a week (one partition). */
  async ofWeek(week: string): Promise<DigestClaim[]> {
    return (await this.ledger.ofPeriod(week)).map(toDigestClaim);
  }
}

/** the monthly progress posts' ledger: one post per team and month across instances (OnceLedger, same table). */
export function progressLedger(tables: Pick<Tables, 'digestLedger'>): OnceLedger {
  return new OnceLedger(tables.digestLedger, PROGRESS_LAYOUT);
}
