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
} from './tables';

/** claimed: being sent (or its sender crashed); sent and skipped are final. */
export type OnceStatus = 'claimed' | 'sent' | 'skipped';

/** what a ledger knows about one message to one recipient for one period (a week, a month). */
export interface OnceClaim {
  /** whom it is for: a leader, a team. */
  recipientId: string;
  /** the period it reports: '2026-W48', '2026-11'. */
  period: string;
  status: OnceStatus;
  claimedBy: string;
  claimedAt: Date;
  /** 1, plus one per resume after a crash. */
  attempts: number;
  sentAt?: Date;
  reason?: string;
}

/**
 * where a job keeps its rows in its table: a partition per period, one for claims in flight, a lease row, and the
 * names its rows give the recipient and the period (kept as first stored, so rows written before stay readable).
 */
export interface OnceLedgerLayout {
  periodPartition(period: string): string;
  pendingPartition: string;
  lease: { partitionKey: string; rowKey: string };
  fields: { recipient: string; period: string };
}

interface ClaimFields {
  status: string;
  claimedBy: string;
  claimedAt: string;
  attempts: number;
  sentAt?: string;
  reason?: string;
}
type ClaimEntity = ClaimFields & Record<string, unknown>;

/**
 * exactly one message per recipient and period across instances, for a periodic job (the weekly digest, the monthly
 * progress post): the sender inserts the deterministic row (period, recipient) before sending; 409 means someone else
 * did. A pending index row, written before the claim, lets a claim whose sender crashed be found (`unfinished`) and
 * taken over (`reclaim`). One lease row gives the job one leader per tick.
 */
export class OnceLedger {
  private readonly lease: Lease;

  constructor(
    private readonly table: TableClient,
    private readonly layout: OnceLedgerLayout,
  ) {
    this.lease = new Lease(table, layout.lease.partitionKey, layout.lease.rowKey);
  }

  /** takes or renews the lease of this job; false while another instance holds an unexpired lease or wins the race. */
  acquireLease(instanceId: string, now: Date, ttlMs: number): Promise<boolean> {
    return this.lease.acquire(instanceId, now, ttlMs);
  }

  /** gives the lease up (on shutdown) so another instance can lead at once; a no-op unless `instanceId` holds it. */
  releaseLease(instanceId: string): Promise<void> {
    return this.lease.release(instanceId);
  }

  /** claims a message before sending it: 'claimed' for one caller; 'taken' while another sends it; 'done' once sent or skipped. */
  async claim(
    recipientId: string,
    period: string,
    instanceId: string,
    now: Date,
  ): Promise<'claimed' | 'taken' | 'done'> {
    const { fields } = this.layout;
    await this.table.upsertEntity(
      {
        partitionKey: this.layout.pendingPartition,
        rowKey: this.pendingRow(recipientId, period),
        [fields.recipient]: recipientId,
        [fields.period]: period,
        pendingAt: now.toISOString(),
      },
      'Replace',
    );
    const entity: ClaimFields = {
      status: 'claimed',
      claimedBy: instanceId,
      claimedAt: now.toISOString(),
      attempts: 1,
    };
    try {
      await this.table.createEntity({
        ...this.keys(recipientId, period),
        ...this.named(recipientId, period),
        ...entity,
      });
      return 'claimed';
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
    const existing = await this.read(recipientId, period);
    if (existing && existing.status !== 'claimed') {
      await tolerateDone(this.table.deleteEntity(this.layout.pendingPartition, this.pendingRow(recipientId, period)));
      return 'done';
    }
    return 'taken';
  }

  /** takes over a claim found by `unfinished` (ETag-guarded, so one resumer wins); 'taken' when it moved on meanwhile. */
  async reclaim(claim: OnceClaim, instanceId: string, now: Date): Promise<'claimed' | 'taken'> {
    const current = await this.read(claim.recipientId, claim.period);
    if (!current || current.status !== 'claimed' || current.claimedAt !== claim.claimedAt.toISOString()) return 'taken';
    const next = {
      ...this.keys(claim.recipientId, claim.period),
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

  /** records that the message was sent (final), and clears the claim in flight. */
  async markSent(recipientId: string, period: string, now: Date): Promise<void> {
    await this.finish(recipientId, period, { status: 'sent', sentAt: now.toISOString() }, now);
  }

  /** records that no message is sent for this period (nothing to say, nowhere to send it), with the reason; final. */
  async markSkipped(recipientId: string, period: string, reason: string, now: Date): Promise<void> {
    await this.finish(recipientId, period, { status: 'skipped', reason }, now);
  }

  /** claims not sent or skipped whose last claim is at or before `olderThan`; tidies index rows that are done. */
  async unfinished(olderThan: Date): Promise<OnceClaim[]> {
    const { fields, pendingPartition } = this.layout;
    const found: OnceClaim[] = [];
    const rows: Array<{ rowKey: string; recipientId: string; period: string; pendingAt: string }> = [];
    const iter = this.table.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${pendingPartition}` },
    });
    for await (const row of iter)
      rows.push({
        rowKey: String(row.rowKey),
        recipientId: String(row[fields.recipient]),
        period: String(row[fields.period]),
        pendingAt: String(row.pendingAt),
      });
    for (const row of rows) {
      const e = await this.read(row.recipientId, row.period);
      if (e?.status === 'claimed') {
        if (new Date(e.claimedAt).getTime() <= olderThan.getTime()) found.push(this.toClaim(e));
      } else if (e || new Date(row.pendingAt).getTime() <= olderThan.getTime()) {
        await tolerateDone(this.table.deleteEntity(pendingPartition, row.rowKey));
      }
    }
    return found;
  }

  /** the ledger's row for a recipient and period, or undefined when nobody claimed it yet. */
  async status(recipientId: string, period: string): Promise<OnceClaim | undefined> {
    const e = await this.read(recipientId, period);
    return e ? this.toClaim(e) : undefined;
  }

  /** every row of a period (one partition). */
  async ofPeriod(period: string): Promise<OnceClaim[]> {
    const out: OnceClaim[] = [];
    for await (const e of this.table.listEntities<ClaimEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${this.layout.periodPartition(period)}` },
    }))
      out.push(this.toClaim(e));
    return out;
  }

  private keys(recipientId: string, period: string): { partitionKey: string; rowKey: string } {
    return { partitionKey: this.layout.periodPartition(period), rowKey: keyPart(recipientId) };
  }

  private named(recipientId: string, period: string): Record<string, string> {
    return { [this.layout.fields.recipient]: recipientId, [this.layout.fields.period]: period };
  }

  private pendingRow(recipientId: string, period: string): string {
    return `${period}|${keyPart(recipientId)}`;
  }

  private async read(recipientId: string, period: string): Promise<(ClaimEntity & { etag: string }) | undefined> {
    const { partitionKey, rowKey } = this.keys(recipientId, period);
    return readEntity<ClaimEntity>(this.table, partitionKey, rowKey);
  }

  private toClaim(e: ClaimEntity): OnceClaim {
    return definedOnly({
      recipientId: String(e[this.layout.fields.recipient]),
      period: String(e[this.layout.fields.period]),
      status: e.status as OnceStatus,
      claimedBy: e.claimedBy,
      claimedAt: new Date(e.claimedAt),
      attempts: e.attempts,
      sentAt: e.sentAt ? new Date(e.sentAt) : undefined,
      reason: e.reason,
    });
  }

  private async finish(recipientId: string, period: string, fields: Partial<ClaimFields>, now: Date): Promise<void> {
    const keys = this.keys(recipientId, period);
    await withConcurrencyRetry(async () => {
      const current = await this.read(recipientId, period);
      if (current && current.status !== 'claimed') return;
      if (!current) {
        const entity: ClaimFields = {
          status: 'claimed',
          claimedBy: '',
          claimedAt: now.toISOString(),
          attempts: 0,
          ...fields,
        };
        await this.table.createEntity({ ...keys, ...this.named(recipientId, period), ...entity });
      } else {
        await this.table.updateEntity({ ...keys, ...fields }, 'Merge', { etag: current.etag });
      }
    });
    await tolerateDone(this.table.deleteEntity(this.layout.pendingPartition, this.pendingRow(recipientId, period)));
  }
}
