import type { TableClient } from '@azure/data-tables';
import { connectionStringFor } from '../../storage/embedded-azurite';
import type { Storage } from '../../storage/open-storage';
import { openTables, TABLE_NAMES } from '../../storage/tables';

export type Census = Record<string, number>;

/**
 * the number of rows in every Mitwirken table of a harness's embedded Azurite, to prove a request stored nothing.
 * The harness does not expose its connection string, so the port is read off the Items table client.
 */
export async function tableCensus(storage: Storage): Promise<Census> {
  const items = (storage.items as unknown as { items: TableClient }).items;
  const port = Number(new URL(items.url).port);
  const tables = openTables(connectionStringFor(port));
  const counts = await Promise.all(
    Object.entries(tables).map(async ([key, table]) => {
      let n = 0;
      for await (const _row of table.listEntities({ queryOptions: { select: ['RowKey'] } })) n++;
      return [TABLE_NAMES[key as keyof typeof TABLE_NAMES], n] as const;
    }),
  );
  return Object.fromEntries(counts);
}
