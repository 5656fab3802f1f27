import { randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';

/**
 * the raw single-row insert rate of a table service, for benchmarks: `clients` writers insert rows (each into its
 * own partition) one after another for `seconds` into a scratch table; returns inserts per second.
 */
export async function measureInsertRate(connectionString: string, seconds: number, clients: number): Promise<number> {
  const table = TableClient.fromConnectionString(connectionString, 'BenchInserts', { allowInsecureConnection: true });
  await table.createTable();
  let inserted = 0;
  const run = randomUUID().slice(0, 8);
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; performance.now() < until; i++) {
        await table.createEntity({
          partitionKey: `${run}-${c}-${i}`,
          rowKey: 'row',
          value: i,
          at: new Date().toISOString(),
        });
        inserted++;
      }
    }),
  );
  return inserted / ((performance.now() - started) / 1000);
}
