import {
  odata,
  TableClient,
  TableServiceClient,
  type TableEntity,
  type TableServiceClientOptions,
  type TransactionAction,
} from '@azure/data-tables';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';

/** every table Mitwirken uses; docs/storage.md explains keys and partitions. */
export const TABLE_NAMES = {
  items: 'Items',
  itemIndex: 'ItemIndex',
  responses: 'Responses',
  teams: 'Teams',
  channels: 'Channels',
  people: 'People',
  campaigns: 'Campaigns',
  scheduleLedger: 'ScheduleLedger',
  roles: 'Roles',
  ideas: 'Ideas',
  participation: 'Participation',
  digestLedger: 'DigestLedger',
  auditLog: 'AuditLog',
  botState: 'BotState',
  measures: 'Measures',
} as const;

export type TableName = keyof typeof TABLE_NAMES;
export type Tables = Record<TableName, TableClient>;

/**
 * where the tables are: a connection string (an account key, Cosmos DB for Table, local Azurite; a bare string means
 * one too), or an https account URL such as https://<account>.table.core.windows.net reached with an Entra token.
 */
export type TableEndpoint = string | { connectionString: string } | { accountUrl: string; credential: TokenCredential };

/**
 * the credential for keyless storage: a managed identity in Azure (the user-assigned one with this client id, else the
 * system-assigned one), developer credentials (Azure CLI, Azure Developer CLI, PowerShell) on a workstation.
 */
export function azureCredential(managedIdentityClientId?: string): TokenCredential {
  return new DefaultAzureCredential(managedIdentityClientId ? { managedIdentityClientId } : {});
}

function isLoopback(connectionString: string): boolean {
  return (
    /Endpoint=http:\/\/(127\.0\.0\.1|localhost)/i.test(connectionString) ||
    /UseDevelopmentStorage=true/i.test(connectionString)
  );
}

function tableClient(endpoint: TableEndpoint, name: string): TableClient {
  if (typeof endpoint === 'string') return tableClient({ connectionString: endpoint }, name);
  if ('accountUrl' in endpoint) return new TableClient(endpoint.accountUrl, name, endpoint.credential);
  return TableClient.fromConnectionString(endpoint.connectionString, name, {
    allowInsecureConnection: isLoopback(endpoint.connectionString),
  });
}

function serviceClient(endpoint: TableEndpoint, options: TableServiceClientOptions): TableServiceClient {
  if (typeof endpoint === 'string') return serviceClient({ connectionString: endpoint }, options);
  if ('accountUrl' in endpoint) return new TableServiceClient(endpoint.accountUrl, endpoint.credential, options);
  return TableServiceClient.fromConnectionString(endpoint.connectionString, {
    ...options,
    allowInsecureConnection: isLoopback(endpoint.connectionString),
  });
}

/** table clients for an endpoint: Azure Storage (with a key or keyless), Cosmos DB Table API or local Azurite. */
export function openTables(endpoint: TableEndpoint): Tables {
  const entries = Object.keys(TABLE_NAMES).map((key) => [key, tableClient(endpoint, TABLE_NAMES[key as TableName])]);
  return Object.fromEntries(entries) as Tables;
}

/** creates missing tables; safe to run on every start. */
export async function ensureTables(tables: Tables): Promise<void> {
  await Promise.all(Object.values(tables).map((t) => t.createTable()));
}

/**
 * a cheap round trip that proves storage answers (for /readyz), over one client kept for every probe; no retries, so a
 * probe gets its answer in time.
 */
export function storagePing(endpoint: TableEndpoint): () => Promise<void> {
  const service = serviceClient(endpoint, { retryOptions: { maxRetries: 0 } });
  return async () => {
    await service.listTables().byPage({ maxPageSize: 1 }).next();
  };
}

/** the HTTP status of a storage error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

export const isNotFound = (e: unknown): boolean => statusOf(e) === 404;
export const isConflict = (e: unknown): boolean => statusOf(e) === 409;
export const isPreconditionFailed = (e: unknown): boolean => statusOf(e) === 412;

/** reads one entity, or undefined when it does not exist. */
export async function readEntity<T extends object>(
  table: TableClient,
  pk: string,
  rk: string,
): Promise<(TableEntity<T> & { etag: string }) | undefined> {
  try {
    return (await table.getEntity<T>(pk, rk)) as TableEntity<T> & { etag: string };
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/**
 * makes any text safe as a PartitionKey or RowKey: Azure Tables forbids / \ # ? and control characters.
 * Percent-encodes those (and % itself), so distinct inputs stay distinct.
 */
export function encodeKey(value: string): string {
  // control characters are exactly what must be escaped
  // eslint-disable-next-line no-control-regex
  const forbidden = /[/\\#?%\u0000-\u001f\u007f-\u009f]/g;
  return value.replace(forbidden, (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

/** encodeKey plus '|', the separator of composite keys, so distinct parts never run together. */
export function keyPart(value: string): string {
  return encodeKey(value).replace(/\|/g, '%7c');
}

/** a filter for every row whose key starts with `prefix`, within one partition (a range scan, not a table scan). */
export function rowPrefixFilter(partitionKey: string, prefix: string): string {
  return odata`PartitionKey eq ${partitionKey} and RowKey ge ${prefix} and RowKey lt ${prefix + '\uffff'}`;
}

/** a copy without undefined and null properties (Azure Tables would store them as empty or reject them). */
export function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/** awaits a write, ignoring "already there" (409) and "already gone" (404). */
export async function tolerateDone(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (e) {
    if (!isConflict(e) && !isNotFound(e)) throw e;
  }
}

/**
 * runs an optimistic read-modify-write until it wins, retrying on 409/412 (someone else wrote first). A busy row
 * (a popular poll's tally) can see dozens of writers at once, so it tries often, with growing, jittered pauses.
 */
export async function withConcurrencyRetry<T>(attempt: () => Promise<T>, maxAttempts = 40): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (i >= maxAttempts || !(isConflict(e) || isPreconditionFailed(e))) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 10 * i)));
    }
  }
}

/** a row key that sorts newest first (Azure Tables sorts keys ascending). */
export function newestFirstKey(at: Date): string {
  return String(8_640_000_000_000_000 - at.getTime()).padStart(16, '0');
}

/** whether an error means storage could not be reached or failed on its side (not a conflict we handle). */
export function isStorageUnavailable(error: unknown): boolean {
  const e = error as { name?: string; code?: string; statusCode?: number } | null;
  if (!e || (e.name !== 'RestError' && !e.code)) return false;
  if (e.statusCode === undefined)
    return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'REQUEST_SEND_ERROR', 'ENOTFOUND'].includes(
      String(e.code),
    );
  return e.statusCode >= 500;
}

/** awaits a delete: true when it removed a row, false when the row was already gone (404). */
export async function deletedIfThere(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
}

/** deletes rows of one partition in batch transactions of 100; a row already gone is no failure. Returns how many were asked. */
export async function deleteRows(
  table: TableClient,
  partitionKey: string,
  rowKeys: readonly string[],
): Promise<number> {
  for (let i = 0; i < rowKeys.length; i += 100) {
    const chunk = rowKeys.slice(i, i + 100);
    try {
      await table.submitTransaction(chunk.map((rowKey): TransactionAction => ['delete', { partitionKey, rowKey }]));
    } catch {
      for (const rowKey of chunk) await tolerateDone(table.deleteEntity(partitionKey, rowKey)); // one was gone already
    }
  }
  return rowKeys.length;
}
