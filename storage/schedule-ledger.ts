import { Lease } from './lease';
import { odata, type TableClient } from '@azure/data-tables';
import {
  LEASE_ROW,
  PK,
  newEntry,
  part,
  slotLedgerKey,
  slotRow,
  timeKey,
  toEntry,
  type DueReminder,
  type EntryEntity,
  type IndexEntity,
  type LedgerEntry,
  type OpenPost,
  type SlotRef,
} from './schedule-ledger-rows';
import { PartitionBatcher } from './partition-batcher';
import { isConflict, isNotFound, isPreconditionFailed, readEntity, withConcurrencyRetry, type Tables } from './tables';

export {
  slotLedgerKey,
  type DueReminder,
  type LedgerEntry,
  type LedgerStatus,
  type OpenPost,
  type SlotRef,
} from './schedule-ledger-rows';

/** ignores "already there" (409) and "already gone" (404). */
async function tolerate(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (e) {
    if (!isConflict(e) && !isNotFound(e)) throw e;
  }
}

/** while fan-outs run, a write to a shared partition waits this long for others, so a stream of posts shares transactions. */
const FANOUT_LINGER_MS = 200;

/** claims this process holds at most; beyond that the oldest ETags are forgotten (their posts then read the row first). */
const MAX_HELD_CLAIMS = 20_000;

/**
 * the scheduler's durable memory: a leader lease, one row per (campaign, item, channel, slot) claimed by
 * insert before posting, and small index partitions for in-flight claims, open posts and reminders, so
 * each question the scheduler asks reads one partition.
 *
 * A fan-out writes many rows into the same few partitions (its campaign's slots, `pending`, `open`, `remind`):
 * those writes go through a PartitionBatcher, so concurrent claims and records share batch transactions while
 * each caller still waits for its own row. The ETag of each claim this process made is kept, so recording the
 * post needs no read (a changed ETag means someone else touched the row: then it reads, as before).
 */
export class ScheduleLedger {
  private readonly table: TableClient;
  private readonly lease: Lease;
  private readonly batch: PartitionBatcher;
  /** ETags of the claims this process made, by ledger key. */
  private readonly held = new Map<string, string>();
  private fanOuts = 0;

  constructor(tables: Pick<Tables, 'scheduleLedger'>) {
    this.table = tables.scheduleLedger;
    this.lease = new Lease(this.table, PK.lease, LEASE_ROW);
    this.batch = new PartitionBatcher(this.table);
  }

  /**
   * a fan-out starts: until the returned function is called, writes to the shared partitions wait up to 200 ms
   * for company (a post every 20 ms then shares one transaction with about ten others instead of five requests
   * each); outside fan-outs every write goes at once.
   */
  beginFanOut(): () => void {
    this.fanOuts++;
    this.batch.lingerMs = FANOUT_LINGER_MS;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      if (--this.fanOuts === 0) this.batch.lingerMs = 0;
    };
  }

  /** takes or renews the lease of this job; false while another instance holds an unexpired lease or wins the race. */
  acquireLease(instanceId: string, now: Date, ttlMs: number): Promise<boolean> {
    return this.lease.acquire(instanceId, now, ttlMs);
  }

  /** gives the lease up (on shutdown) so another instance can lead at once; a no-op unless `instanceId` holds it. */
  releaseLease(instanceId: string): Promise<void> {
    return this.lease.release(instanceId);
  }

  /**
   * claims a slot before posting it, by inserting its deterministic row: 'taken' when the row exists (posted,
   * skipped or being posted by someone else). The pending index row is written first, so a crash right after
   * the claim still leaves the claim findable by `unfinishedClaims`.
   */
  async claimSlot(ref: SlotRef, now: Date, by = ''): Promise<'claimed' | 'taken'> {
    const pk = PK.slots(ref.campaignId);
    const rk = slotRow(ref);
    await this.batch.write([
      'upsert',
      { partitionKey: PK.pending, rowKey: slotLedgerKey(ref), slotPk: pk, slotRk: rk, pendingAt: now.toISOString() },
      'Replace',
    ]);
    try {
      const { etag } = await this.batch.write([
        'create',
        { partitionKey: pk, rowKey: rk, ...newEntry(ref, 'claimed', now, by) },
      ]);
      this.hold(ref, etag);
      return 'claimed';
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
    const existing = await readEntity<EntryEntity>(this.table, pk, rk);
    if (existing && existing.status !== 'claimed')
      await tolerate(this.batch.write(['delete', { partitionKey: PK.pending, rowKey: slotLedgerKey(ref) }]));
    return 'taken';
  }

  /**
   * takes over a claim found by `unfinishedClaims` (ETag-guarded, so one resumer wins): 'taken' when it was
   * posted, skipped or resumed by someone else since.
   */
  async reclaim(entry: LedgerEntry, now: Date, by = ''): Promise<'claimed' | 'taken'> {
    const pk = PK.slots(entry.campaignId);
    const rk = slotRow(entry);
    const current = await readEntity<EntryEntity>(this.table, pk, rk);
    if (!current || current.status !== 'claimed' || current.claimedAt !== entry.claimedAt.toISOString()) return 'taken';
    const next = {
      partitionKey: pk,
      rowKey: rk,
      claimedBy: by,
      claimedAt: now.toISOString(),
      attempts: current.attempts + 1,
    };
    try {
      const { etag } = await this.table.updateEntity(next, 'Merge', { etag: current.etag });
      this.hold(entry, etag);
      return 'claimed';
    } catch (e) {
      if (isPreconditionFailed(e) || isNotFound(e)) return 'taken';
      throw e;
    }
  }

  /**
   * records a post: the posted item id on the slot row, then the open-post (and reminder) index, then clears
   * the pending claim. 'duplicate' when the row already names another posted item (a resumed claim whose first
   * attempt did post after all); that item is still indexed, so it closes too.
   */
  async markPosted(
    ref: SlotRef,
    postedItemId: string,
    times: { closesAt: Date; remindAt?: Date; now: Date },
  ): Promise<'posted' | 'duplicate'> {
    const index: IndexEntity = {
      itemId: postedItemId,
      campaignId: ref.campaignId,
      closesAt: times.closesAt.toISOString(),
    };
    const indexed = [
      this.batch.write([
        'upsert',
        { partitionKey: PK.open, rowKey: timeKey(times.closesAt, postedItemId), ...index },
        'Replace',
      ]),
    ];
    if (times.remindAt) {
      const reminder = { ...index, remindAt: times.remindAt.toISOString() };
      indexed.push(
        this.batch.write([
          'upsert',
          { partitionKey: PK.remind, rowKey: timeKey(times.remindAt, postedItemId), ...reminder },
          'Replace',
        ]),
      );
    }
    await Promise.all(indexed);
    const outcome = await this.recordPosted(ref, postedItemId, times.now);
    await tolerate(this.batch.write(['delete', { partitionKey: PK.pending, rowKey: slotLedgerKey(ref) }]));
    return outcome;
  }

  /** sets the slot row to posted: with the ETag of this process's own claim when it still holds, else read-modify-write. */
  private async recordPosted(ref: SlotRef, postedItemId: string, now: Date): Promise<'posted' | 'duplicate'> {
    const pk = PK.slots(ref.campaignId);
    const rk = slotRow(ref);
    const posted = { status: 'posted', postedItemId, postedAt: now.toISOString() };
    const etag = this.release(ref);
    if (etag) {
      try {
        await this.batch.write(['update', { partitionKey: pk, rowKey: rk, ...posted }, 'Merge', { etag }]);
        return 'posted';
      } catch (e) {
        // someone resumed or recorded the claim meanwhile: read what they did.
        if (!isPreconditionFailed(e) && !isNotFound(e)) throw e;
      }
    }
    return withConcurrencyRetry(async () => {
      const current = await readEntity<EntryEntity>(this.table, pk, rk);
      if (current?.status === 'posted' && current.postedItemId !== postedItemId) return 'duplicate' as const;
      if (!current)
        await this.table.createEntity({ partitionKey: pk, rowKey: rk, ...newEntry(ref, 'posted', now, ''), ...posted });
      else await this.table.updateEntity({ partitionKey: pk, rowKey: rk, ...posted }, 'Merge', { etag: current.etag });
      return 'posted' as const;
    });
  }

  /** remembers the ETag of a claim this process made. */
  private hold(ref: SlotRef, etag: string | undefined): void {
    if (!etag) return;
    if (this.held.size >= MAX_HELD_CLAIMS) this.held.delete(this.held.keys().next().value as string);
    this.held.set(slotLedgerKey(ref), etag);
  }

  /** the ETag of this process's claim of a slot, forgotten as it is handed out. */
  private release(ref: SlotRef): string | undefined {
    const key = slotLedgerKey(ref);
    const etag = this.held.get(key);
    this.held.delete(key);
    return etag;
  }

  /**
   * records that a slot is not posted, with the reason the admin will see: inserts a skipped row, or turns
   * an unfinished claim into one. 'already-done' when the slot was posted or skipped before.
   */
  async markSkipped(ref: SlotRef, reason: string, now: Date): Promise<'skipped' | 'already-done'> {
    const pk = PK.slots(ref.campaignId);
    const rk = slotRow(ref);
    this.release(ref);
    return withConcurrencyRetry(async () => {
      const current = await readEntity<EntryEntity>(this.table, pk, rk);
      if (!current) {
        await this.table.createEntity({ partitionKey: pk, rowKey: rk, ...newEntry(ref, 'skipped', now, '', reason) });
        return 'skipped';
      }
      if (current.status !== 'claimed') return 'already-done';
      await this.table.updateEntity({ partitionKey: pk, rowKey: rk, status: 'skipped', reason }, 'Merge', {
        etag: current.etag,
      });
      await tolerate(this.table.deleteEntity(PK.pending, slotLedgerKey(ref)));
      return 'skipped';
    });
  }

  /** claims not posted or skipped whose last claim is at or before `olderThan`; tidies index rows that are done. */
  async unfinishedClaims(olderThan: Date): Promise<LedgerEntry[]> {
    const unfinished: LedgerEntry[] = [];
    const rows = this.table.listEntities<{ slotPk: string; slotRk: string; pendingAt: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${PK.pending}` },
    });
    for await (const row of rows) {
      const entry = await readEntity<EntryEntity>(this.table, row.slotPk, row.slotRk);
      const stale = new Date(row.pendingAt).getTime() <= olderThan.getTime();
      if (entry?.status === 'claimed') {
        if (new Date(entry.claimedAt).getTime() <= olderThan.getTime()) unfinished.push(toEntry(entry));
      } else if (entry || stale) {
        // done already, or the claim insert itself never happened (a crash in between): the index row is noise.
        await tolerate(this.table.deleteEntity(PK.pending, row.rowKey as string));
      }
    }
    return unfinished;
  }

  /** posts whose close time is at or before `until`, earliest first. */
  async openPosts(until: Date): Promise<OpenPost[]> {
    return (await this.due(PK.open, until)).map((e) => ({
      itemId: e.itemId,
      campaignId: e.campaignId,
      closesAt: new Date(e.closesAt),
    }));
  }

  /** removes a post from the open index once it is closed. */
  async markClosed(post: OpenPost): Promise<void> {
    await tolerate(this.table.deleteEntity(PK.open, timeKey(post.closesAt, post.itemId)));
  }

  /** reminders due at or before `until`, earliest first. */
  async dueReminders(until: Date): Promise<DueReminder[]> {
    return (await this.due(PK.remind, until)).map((e) => ({
      itemId: e.itemId,
      campaignId: e.campaignId,
      closesAt: new Date(e.closesAt),
      remindAt: new Date(e.remindAt ?? e.closesAt),
    }));
  }

  /** claims the one reminder of a posted item: 'taken' when it was claimed before. */
  async claimReminder(itemId: string): Promise<'claimed' | 'taken'> {
    try {
      await this.table.createEntity({ partitionKey: PK.reminded, rowKey: part(itemId) });
      return 'claimed';
    } catch (e) {
      if (isConflict(e)) return 'taken';
      throw e;
    }
  }

  /** removes a reminder from the due index (sent, or moot because the item closed). */
  async dropReminder(reminder: DueReminder): Promise<void> {
    await tolerate(this.table.deleteEntity(PK.remind, timeKey(reminder.remindAt, reminder.itemId)));
  }

  /** every slot row of a campaign (posted, skipped, and claims in flight), by slot time, for the admin. */
  async history(campaignId: string): Promise<LedgerEntry[]> {
    const entries: LedgerEntry[] = [];
    const rows = this.table.listEntities<EntryEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${PK.slots(campaignId)}` },
    });
    for await (const row of rows) entries.push(toEntry(row));
    return entries.sort(
      (a, b) =>
        a.slot.at.getTime() - b.slot.at.getTime() ||
        a.itemId.localeCompare(b.itemId) ||
        a.teamId.localeCompare(b.teamId),
    );
  }

  /** the instant up to which the scheduler has looked at a campaign's slots; undefined before the first look. */
  async cursor(campaignId: string): Promise<Date | undefined> {
    const row = await readEntity<{ checkedUntil: string }>(this.table, PK.cursor, part(campaignId));
    return row ? new Date(row.checkedUntil) : undefined;
  }

  /** moves a campaign's cursor; slots at or before it are not looked at again. */
  async setCursor(campaignId: string, checkedUntil: Date): Promise<void> {
    await this.table.upsertEntity(
      { partitionKey: PK.cursor, rowKey: part(campaignId), checkedUntil: checkedUntil.toISOString() },
      'Replace',
    );
  }

  private async due(partitionKey: string, until: Date): Promise<IndexEntity[]> {
    const bound = `${until.toISOString()}~`;
    const rows = this.table.listEntities<IndexEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and RowKey lt ${bound}` },
    });
    const found: IndexEntity[] = [];
    for await (const row of rows) found.push(row);
    return found;
  }
}
