import { randomUUID } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import { startEmbeddedTableServer, type EmbeddedTableServer } from './embedded-azurite';
import { PartitionBatcher } from './partition-batcher';
import { ensureTables, isConflict, isPreconditionFailed, openTables, statusOf } from './tables';

let server: EmbeddedTableServer;
let table: TableClient;

beforeAll(async () => {
  server = await startEmbeddedTableServer();
  const tables = openTables(server.connectionString);
  await ensureTables(tables);
  table = tables.scheduleLedger;
});
afterAll(async () => {
  await server.close();
});

async function rowsOf(pk: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const e of table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${pk}` } })) out.push(e);
  return out;
}

describe('PartitionBatcher', () => {
  test('writes concurrent rows of one partition in one batch transaction and gives each caller its ETag', async () => {
    const batcher = new PartitionBatcher(table);
    const pk = `p-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => batcher.write(['create', { partitionKey: pk, rowKey: `r${i}`, n: i }])),
    );
    expect(batcher.stats).toMatchObject({ requests: 1, operations: 40, replayed: 0 });
    expect(results.every((r) => typeof r.etag === 'string' && r.etag.length > 0)).toBe(true);
    expect(await rowsOf(pk)).toHaveLength(40);
    // the ETag a caller got is the row's current one: a guarded update with it succeeds.
    await table.updateEntity({ partitionKey: pk, rowKey: 'r7', n: 70 }, 'Merge', { etag: results[7]?.etag });
  });

  test('splits more than 100 rows into several transactions', async () => {
    const batcher = new PartitionBatcher(table);
    const pk = `p-${randomUUID()}`;
    await Promise.all(
      Array.from({ length: 230 }, (_, i) =>
        batcher.write(['upsert', { partitionKey: pk, rowKey: `r${String(i).padStart(3, '0')}` }, 'Replace']),
      ),
    );
    expect(batcher.stats.requests).toBe(3);
    expect(await rowsOf(pk)).toHaveLength(230);
  });

  test('gives only the caller whose create hits an existing row the conflict; the other rows of its batch are written', async () => {
    const batcher = new PartitionBatcher(table);
    const pk = `p-${randomUUID()}`;
    await table.createEntity({ partitionKey: pk, rowKey: 'taken' });
    const outcomes = await Promise.allSettled(
      ['a', 'taken', 'b'].map((rowKey) => batcher.write(['create', { partitionKey: pk, rowKey }])),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(isConflict((outcomes[1] as PromiseRejectedResult).reason)).toBe(true);
    expect(batcher.stats.replayed).toBe(1);
    expect((await rowsOf(pk)).map((e) => e.rowKey).sort()).toEqual(['a', 'b', 'taken']);
  });

  test('answers a stale ETag with 412 to its caller only', async () => {
    const batcher = new PartitionBatcher(table);
    const pk = `p-${randomUUID()}`;
    const { etag } = await table.createEntity({ partitionKey: pk, rowKey: 'row', v: 1 });
    await table.updateEntity({ partitionKey: pk, rowKey: 'row', v: 2 }, 'Merge');
    const [stale, other] = await Promise.allSettled([
      batcher.write(['update', { partitionKey: pk, rowKey: 'row', v: 3 }, 'Merge', { etag }]),
      batcher.write(['create', { partitionKey: pk, rowKey: 'other' }]),
    ]);
    expect(stale.status === 'rejected' && isPreconditionFailed(stale.reason)).toBe(true);
    expect(other.status).toBe('fulfilled');
    expect((await table.getEntity<{ v: number }>(pk, 'row')).v).toBe(2);
  });

  test('keeps the order of writes to the same row by sending them in separate requests', async () => {
    const batcher = new PartitionBatcher(table);
    const pk = `p-${randomUUID()}`;
    const writes = [
      batcher.write(['upsert', { partitionKey: pk, rowKey: 'row', v: 1 }, 'Replace']),
      batcher.write(['delete', { partitionKey: pk, rowKey: 'row' }]),
      batcher.write(['upsert', { partitionKey: pk, rowKey: 'row', v: 3 }, 'Replace']),
    ];
    await Promise.all(writes);
    expect(batcher.stats.requests).toBe(3);
    expect((await table.getEntity<{ v: number }>(pk, 'row')).v).toBe(3);
  });

  test('reports a delete of a missing row as 404, like a single request', async () => {
    const batcher = new PartitionBatcher(table);
    const error = await batcher
      .write(['delete', { partitionKey: `p-${randomUUID()}`, rowKey: 'none' }])
      .catch((e: unknown) => e);
    expect(statusOf(error)).toBe(404);
  });
});
