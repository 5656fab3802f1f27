import { randomBytes } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import type { AuditEntry } from '../core/audit';
import { definedOnly, newestFirstKey, type Tables } from './tables';

export type { AuditEntry };

interface AuditEntity {
  actorId: string;
  actorName?: string;
  action: string;
  target?: string;
  details?: string;
  at: string;
}

/** the UTC month of an instant ('2026-03'): one partition per month. */
const monthOf = (at: Date): string => at.toISOString().slice(0, 7);
const previousMonth = (at: Date): Date => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 1, 1));

/** admin actions, append-only: a partition per UTC month, row keys newest first, so "recent" reads the head of one or two partitions. */
export class AuditLog {
  private readonly table: TableClient;

  constructor(tables: Pick<Tables, 'auditLog'>) {
    this.table = tables.auditLog;
  }

  /** appends an entry (never overwrites: a random suffix keeps entries of the same millisecond apart). */
  async record(entry: AuditEntry): Promise<void> {
    const entity: AuditEntity = definedOnly({
      actorId: entry.actorId,
      actorName: entry.actorName,
      action: entry.action,
      target: entry.target,
      details: entry.details && JSON.stringify(entry.details),
      at: entry.at.toISOString(),
    });
    await this.table.createEntity({
      partitionKey: monthOf(entry.at),
      rowKey: `${newestFirstKey(entry.at)}|${randomBytes(6).toString('hex')}`,
      ...entity,
    });
  }

  /** up to `limit` entries, newest first, from the month of `now` and the month before. */
  async recent(limit: number, now: Date = new Date()): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    if (limit <= 0) return out;
    for (const month of [monthOf(now), monthOf(previousMonth(now))]) {
      if (out.length >= limit) break;
      const pages = this.table
        .listEntities<AuditEntity>({ queryOptions: { filter: odata`PartitionKey eq ${month}` } })
        .byPage({ maxPageSize: Math.min(1000, limit) });
      for await (const page of pages) {
        for (const e of page) {
          if (out.length >= limit) break;
          out.push(
            definedOnly({
              actorId: e.actorId,
              actorName: e.actorName,
              action: e.action,
              target: e.target,
              details: e.details ? (JSON.parse(e.details) as AuditEntry['details']) : undefined,
              at: new Date(e.at),
            }),
          );
        }
        if (out.length >= limit) break;
      }
    }
    return out;
  }
}
