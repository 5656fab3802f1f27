import type { TableClient } from '@azure/data-tables';
import { connectionStringFor } from '../../storage/embedded-azurite';
import type { Storage } from '../../storage/open-storage';
import { listAllTables, readAllRows, type StoredRow } from '../../storage/table-inventory';
import { openTables, TABLE_NAMES } from '../../storage/tables';

export type Census = Record<string, number>;

/**
 * the number of rows in every Mitwirken table of a harness's embedded Azurite, to prove a request stored nothing.
 * The harness does not expose its connection string, so the port is read off the Items table client.
 */
export async function tableCensus(storage: Storage): Promise<Census> {
  const tables = openTables(connectionStringOf(storage));
  const counts = await Promise.all(
    Object.entries(tables).map(async ([key, table]) => {
      let n = 0;
      for await (const _row of table.listEntities({ queryOptions: { select: ['RowKey'] } })) n++;
      return [TABLE_NAMES[key as keyof typeof TABLE_NAMES], n] as const;
    }),
  );
  return Object.fromEntries(counts);
}

/** the connection string of a harness's embedded Azurite, read off the Items table client's port. */
export function connectionStringOf(storage: Storage): string {
  const items = (storage.items as unknown as { items: TableClient }).items;
  return connectionStringFor(Number(new URL(items.url).port));
}

/** one stored row and the table it is in. */
export interface CensusRow {
  table: string;
  row: StoredRow;
}

/** every row of every table the storage account lists (not only the ones Mitwirken knows), for privacy audits. */
export async function allRows(storage: Storage): Promise<CensusRow[]> {
  const connectionString = connectionStringOf(storage);
  const out: CensusRow[] = [];
  for (const table of await listAllTables(connectionString))
    for (const row of await readAllRows(connectionString, table)) out.push({ table, row });
  return out;
}
