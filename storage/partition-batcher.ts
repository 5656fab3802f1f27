import type { TableClient, TransactionAction } from '@azure/data-tables';

/** Azure Tables takes at most 100 operations in one batch transaction (all in one partition). */
const MAX_BATCH = 100;

interface QueuedWrite {
  action: TransactionAction;
  resolve(result: { etag?: string }): void;
  reject(err: unknown): void;
}

interface PartitionQueue {
  writes: QueuedWrite[];
  busy: boolean;
}

/** requests and operations sent, for the benchmark. */
export interface BatcherStats {
  /** single requests and batch transactions sent. */
  requests: number;
  /** operations carried by them. */
  operations: number;
  /** transactions that failed and were replayed one operation at a time. */
  replayed: number;
}

/**
 * group commit for small rows: writes to one partition issued in the same event-loop turn, or while an earlier
 * write to that partition is in flight, go to Azure Tables as one batch transaction instead of one request each.
 * Every caller still waits until its own row is stored and gets exactly the outcome a single request would give:
 * a transaction that fails (one create hits 409, one ETag 412 …) changed nothing, so its writes are replayed one
 * by one and each caller sees its own result. Writes to one row keep their order. Used where many concurrent
 * callers write rows that share a partition: the ledger's claims and indexes, a fan-out's item index rows.
 */
export class PartitionBatcher {
  private readonly partitions = new Map<string, PartitionQueue>();
  readonly stats: BatcherStats = { requests: 0, operations: 0, replayed: 0 };
  /** how long a write to an idle partition waits for company before it is sent (0: the same event-loop turn only). */
  lingerMs = 0;

  constructor(private readonly table: TableClient) {}

  /** queues one write (create, upsert, update or delete of one row); resolves with the row's new ETag (none for a delete). */
  write(action: TransactionAction): Promise<{ etag?: string }> {
    const pk = String(action[1].partitionKey);
    let queue = this.partitions.get(pk);
    if (!queue) {
      queue = { writes: [], busy: false };
      this.partitions.set(pk, queue);
    }
    const q = queue;
    return new Promise((resolve, reject) => {
      q.writes.push({ action, resolve, reject });
      if (!q.busy) {
        q.busy = true;
        if (this.lingerMs > 0) setTimeout(() => void this.drain(pk, q), this.lingerMs);
        else setImmediate(() => void this.drain(pk, q));
      }
    });
  }

  /** sends the partition's queued writes, a batch at a time, until none are left. */
  private async drain(pk: string, q: PartitionQueue): Promise<void> {
    while (q.writes.length > 0) {
      const batch = takeBatch(q.writes);
      if (batch.length === 1) await this.single(batch[0] as QueuedWrite);
      else await this.transaction(batch);
    }
    q.busy = false;
    this.partitions.delete(pk);
  }

  private async transaction(batch: QueuedWrite[]): Promise<void> {
    this.stats.requests++;
    this.stats.operations += batch.length;
    let response;
    try {
      response = await this.table.submitTransaction(batch.map((w) => w.action));
    } catch {
      // nothing was written: each write again on its own, so each caller gets its own outcome.
      this.stats.replayed++;
      await Promise.all(batch.map((w) => this.single(w)));
      return;
    }
    for (const [i, w] of batch.entries()) w.resolve({ etag: response.subResponses[i]?.etag });
  }

  private async single(w: QueuedWrite): Promise<void> {
    this.stats.requests++;
    this.stats.operations++;
    try {
      w.resolve(await this.send(w.action));
    } catch (err) {
      w.reject(err);
    }
  }

  private async send(action: TransactionAction): Promise<{ etag?: string }> {
    const [kind, entity] = action;
    switch (kind) {
      case 'create':
        return this.table.createEntity(entity);
      case 'delete':
        await this.table.deleteEntity(String(entity.partitionKey), String(entity.rowKey));
        return {};
      case 'upsert':
        return this.table.upsertEntity(entity, action[2] ?? 'Merge');
      case 'update':
        return this.table.updateEntity(entity, action[2] ?? 'Merge', action[3]);
    }
  }
}

/** up to MAX_BATCH writes from the head of the queue, stopping before a row already in the batch (a row appears once per transaction). */
function takeBatch(writes: QueuedWrite[]): QueuedWrite[] {
  const rows = new Set<string>();
  let n = 0;
  while (n < writes.length && n < MAX_BATCH) {
    const row = String((writes[n] as QueuedWrite).action[1].rowKey);
    if (rows.has(row)) break;
    rows.add(row);
    n++;
  }
  return writes.splice(0, n);
}
