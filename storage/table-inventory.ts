import { TableClient, TableServiceClient } from '@azure/data-tables';

/** one stored row with every property, including Azure's own `timestamp`. */
export type StoredRow = Record<string, unknown> & { partitionKey: string; rowKey: string; timestamp?: string };

function loopbackOptions(connectionString: string): { allowInsecureConnection: boolean } {
  return {
    allowInsecureConnection:
      /Endpoint=http:\/\/(127\.0\.0\.1|localhost)/i.test(connectionString) ||
      /UseDevelopmentStorage=true/i.test(connectionString),
  };
}

/**
 * every table of the storage account, as the service lists them (not only the ones Mitwirken knows), so an
 * audit also sees a table someone added later.
 */
export async function listAllTables(connectionString: string): Promise<string[]> {
  const service = TableServiceClient.fromConnectionString(connectionString, loopbackOptions(connectionString));
  const names: string[] = [];
  for await (const t of service.listTables()) if (t.name) names.push(t.name);
  return names.sort();
}

/**
 * every row of one table. A full scan without a PartitionKey: for privacy audits and tests only, never on a
 * request path (docs/storage.md: every query names a PartitionKey).
 */
export async function readAllRows(connectionString: string, table: string): Promise<StoredRow[]> {
  const client = TableClient.fromConnectionString(connectionString, table, loopbackOptions(connectionString));
  const rows: StoredRow[] = [];
  for await (const e of client.listEntities()) rows.push(e as unknown as StoredRow);
  return rows;
}
