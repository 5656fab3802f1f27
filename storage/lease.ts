import type { TableClient } from '@azure/data-tables';
import { isConflict, isPreconditionFailed, readEntity } from './tables';

/**
 * leadership of a periodic job across instances: one row (holder, expiry), taken or renewed under its ETag. Several
 * instances may call `acquire` at the same moment; at most one gets true until the lease expires.
 */
export class Lease {
  constructor(
    private readonly table: TableClient,
    private readonly partitionKey: string,
    private readonly rowKey: string,
  ) {}

  /** takes or renews the lease; false while another instance holds an unexpired lease or wins the race. */
  async acquire(instanceId: string, now: Date, ttlMs: number): Promise<boolean> {
    const lease = {
      partitionKey: this.partitionKey,
      rowKey: this.rowKey,
      holder: instanceId,
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
    };
    try {
      const current = await readEntity<{ holder: string; expiresAt: string }>(
        this.table,
        this.partitionKey,
        this.rowKey,
      );
      if (!current) {
        await this.table.createEntity(lease);
        return true;
      }
      if (current.holder !== instanceId && new Date(current.expiresAt).getTime() > now.getTime()) return false;
      await this.table.updateEntity(lease, 'Replace', { etag: current.etag });
      return true;
    } catch (e) {
      if (isConflict(e) || isPreconditionFailed(e)) return false;
      throw e;
    }
  }

  /** gives the lease up (on shutdown) so another instance can lead at once; a no-op unless `instanceId` holds it. */
  async release(instanceId: string): Promise<void> {
    const current = await readEntity<{ holder: string; expiresAt: string }>(this.table, this.partitionKey, this.rowKey);
    if (current?.holder !== instanceId) return;
    const expired = {
      partitionKey: this.partitionKey,
      rowKey: this.rowKey,
      holder: '',
      expiresAt: new Date(0).toISOString(),
    };
    await this.table.updateEntity(expired, 'Replace', { etag: current.etag }).catch((e: unknown) => {
      if (!isPreconditionFailed(e)) throw e;
    });
  }
}
