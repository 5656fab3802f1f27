import { Lease } from './lease';
import { odata, type TableClient } from '@azure/data-tables';
import {
  definedOnly,
  isConflict,
  isNotFound,
  isPreconditionFailed,
  keyPart,
  readEntity,
  tolerateDone,
  withConcurrencyRetry,
  type Tables,
} from './tables';

/** claimed: being sent (or its sender crashed); sent and skipped are final. */
export type DigestStatus = 'claimed' | 'sent' | 'skipped';

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

interface ClaimEntity {
  leaderId: string;
  week: string;
  status: string;
  claimedBy: string;
  claimedAt: string;
  attempts: number;
  sentAt?: string;
  reason?: string;
}

/** partitions: one per week (all digests of a week, for the admin), `pending` for claims in flight, `lease` for the sender's leadership. */
const PK = { week: (week: string) => `week|${week}`, pending: 'pending', lease: 'lease' };

/** the partition of a week's digest rows (for the retention job). */
export const digestWeekPartition = PK.week;
const LEASE_ROW = 'digest';
const pendingRow = (leaderId: string, week: string) => `${week}|${keyPart(leaderId)}`;

const toClaim = (e: ClaimEntity): DigestClaim =>
  definedOnly({
    leaderId: e.leaderId,
    week: e.week,
    status: e.status as DigestStatus,
    claimedBy: e.claimedBy,
    claimedAt: new Date(e.claimedAt),
    attempts: e.attempts,
    sentAt: e.sentAt ? new Date(e.sentAt) : undefined,
    reason: e.reason,
  });

/**
 * exactly one weekly digest per leader and week across instances: the sender inserts the deterministic row
 * (week, leader) before sending; 409 means someone else did. A `pending` index row, written before the claim,
 * lets a claim whose sender crashed be found (`unfinished`) and taken over (`reclaim`), as in ScheduleLedger.
 */
export class DigestLedger {
  private readonly table: TableClient;
  private readonly lease: Lease;

  constructor(tables: Pick<Tables, 'digestLedger'>) {
    this.table = tables.digestLedger;
    this.lease = new Lease(this.table, PK.lease, LEASE_ROW);
  }

  /** takes or renews the lease of this job; false while another instance holds an unexpired lease or wins the race. */
  acquireLease(instanceId: string, now: Date, ttlMs: number): Promise<boolean> {
    return this.lease.acquire(instanceId, now, ttlMs);
  }

  /** gives the lease up (on shutdown) so another instance can lead at once; a no-op unless `instanceId` holds it. */
  releaseLease(instanceId: string): Promise<void> {
    return this.lease.release(instanceId);
  }

  /** claims a digest before sending it: 'claimed' for one caller; 'taken' while another sends it; 'done' once sent or skipped. */
  async claim(leaderId: string, week: string, instanceId: string, now: Date): Promise<'claimed' | 'taken' | 'done'> {
    const rk = keyPart(leaderId);
    await this.table.upsertEntity(
      { partitionKey: PK.pending, rowKey: pendingRow(leaderId, week), leaderId, week, pendingAt: now.toISOString() },
      'Replace',
    );
    const entity: ClaimEntity = {
      leaderId,
      week,
      status: 'claimed',
      claimedBy: instanceId,
      claimedAt: now.toISOString(),
      attempts: 1,
    };
    try {
      await this.table.createEntity({ partitionKey: PK.week(week), rowKey: rk, ...entity });
      return 'claimed';
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
    const existing = await readEntity<ClaimEntity>(this.table, PK.week(week), rk);
    if (existing && existing.status !== 'claimed') {
      await tolerateDone(this.table.deleteEntity(PK.pending, pendingRow(leaderId, week)));
      return 'done';
    }
    return 'taken';
  }

  /** takes over a claim found by `unfinished` (ETag-guarded, so one resumer wins); 'taken' when it moved on meanwhile. */
  async reclaim(claim: DigestClaim, instanceId: string, now: Date): Promise<'claimed' | 'taken'> {
    const current = await readEntity<ClaimEntity>(this.table, PK.week(claim.week), keyPart(claim.leaderId));
    if (!current || current.status !== 'claimed' || current.claimedAt !== claim.claimedAt.toISOString()) return 'taken';
    const next = {
      partitionKey: PK.week(claim.week),
      rowKey: keyPart(claim.leaderId),
      claimedBy: instanceId,
      claimedAt: now.toISOString(),
      attempts: current.attempts + 1,
    };
    try {
      await this.table.updateEntity(next, 'Merge', { etag: current.etag });
      return 'claimed';
    } catch (e) {
      if (isPreconditionFailed(e) || isNotFound(e)) return 'taken';
      throw e;
    }
  }

  /** records that the digest was sent (final), and clears the claim in flight. */
  async markSent(leaderId: string, week: string, now: Date): Promise<void> {
    await this.finish(leaderId, week, { status: 'sent', sentAt: now.toISOString() }, now);
  }

  /** records that no digest is sent this week (e.g. no personal chat with the leader), with the reason; final. */
  async markSkipped(leaderId: string, week: string, reason: string, now: Date): Promise<void> {
    await this.finish(leaderId, week, { status: 'skipped', reason }, now);
  }

  /** claims not sent or skipped whose last claim is at or before `olderThan`; tidies index rows that are done. */
  async unfinished(olderThan: Date): Promise<DigestClaim[]> {
    const found: DigestClaim[] = [];
    const rows: Array<{ rowKey: string; leaderId: string; week: string; pendingAt: string }> = [];
    const iter = this.table.listEntities<{ leaderId: string; week: string; pendingAt: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${PK.pending}` },
    });
    for await (const row of iter)
      rows.push({ rowKey: String(row.rowKey), leaderId: row.leaderId, week: row.week, pendingAt: row.pendingAt });
    for (const row of rows) {
      const e = await readEntity<ClaimEntity>(this.table, PK.week(row.week), keyPart(row.leaderId));
      if (e?.status === 'claimed') {
        if (new Date(e.claimedAt).getTime() <= olderThan.getTime()) found.push(toClaim(e));
      } else if (e || new Date(row.pendingAt).getTime() <= olderThan.getTime()) {
        await tolerateDone(this.table.deleteEntity(PK.pending, row.rowKey));
      }
    }
    return found;
  }

  /** the ledger's row for a leader's digest of a week, or undefined when nobody claimed it yet. */
  async status(leaderId: string, week: string): Promise<DigestClaim | undefined> {
    const e = await readEntity<ClaimEntity>(this.table, PK.week(week), keyPart(leaderId));
    return e ? toClaim(e) : undefined;
  }

  /** every digest row of a week (one partition). */
  async ofWeek(week: string): Promise<DigestClaim[]> {
    const out: DigestClaim[] = [];
    for await (const e of this.table.listEntities<ClaimEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${PK.week(week)}` },
    }))
      out.push(toClaim(e));
    return out;
  }

  private async finish(leaderId: string, week: string, fields: Partial<ClaimEntity>, now: Date): Promise<void> {
    const pk = PK.week(week);
    const rk = keyPart(leaderId);
    await withConcurrencyRetry(async () => {
      const current = await readEntity<ClaimEntity>(this.table, pk, rk);
      if (current && current.status !== 'claimed') return;
      if (!current) {
        const entity: ClaimEntity = {
          leaderId,
          week,
          status: 'claimed',
          claimedBy: '',
          claimedAt: now.toISOString(),
          attempts: 0,
          ...fields,
        };
        await this.table.createEntity({ partitionKey: pk, rowKey: rk, ...entity });
      } else {
        await this.table.updateEntity({ partitionKey: pk, rowKey: rk, ...fields }, 'Merge', { etag: current.etag });
      }
    });
    await tolerateDone(this.table.deleteEntity(PK.pending, pendingRow(leaderId, week)));
  }
}
