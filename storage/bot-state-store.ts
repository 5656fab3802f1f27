import type { TableClient, TableEntity } from '@azure/data-tables';
import { asciiJson } from './ascii-json';
import { encodeKey, isConflict, isNotFound, isPreconditionFailed, readEntity } from './tables';

/** one stored state object; `eTag` is the optimistic-concurrency tag ('*' or absent: write unconditionally). */
export type StateItem = Record<string, unknown> & { eTag?: string };
export type StateItems = Record<string, StateItem>;

/** raised when a state object changed since it was read (another turn wrote it first). */
export class StateConflictError extends Error {
  constructor(key: string) {
    super(`state '${key}' was changed by another turn`);
    this.name = 'StateConflictError';
  }
}

const PARTITION_PREFIX = 'state|';

const CHUNK_CHARS = 30_000;
const MAX_CHUNKS = 30;

interface StateEntity {
  chunks: number;
  [chunk: `json${number}`]: string;
}

/**
 * conversation state for multi-turn dialogs (the campaign wizard) in the BotState table: one row per key, the
 * JSON split into property-sized chunks. It has the shape of botbuilder's Storage (read, write, delete), so the
 * dialog layer hands it to ConversationState without storage/ knowing botbuilder. Writes honour eTags.
 */
export class BotStateStore {
  constructor(private readonly table: TableClient) {}

  async read(keys: string[]): Promise<StateItems> {
    const found: StateItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const row = await readEntity<StateEntity>(this.table, PARTITION_PREFIX + encodeKey(key), '');
        if (!row) return;
        let json = '';
        for (let i = 0; i < Number(row.chunks); i++)
          json += (row as unknown as Record<string, string>)[`json${i}`] ?? '';
        found[key] = { ...(JSON.parse(json) as Record<string, unknown>), eTag: row.etag };
      }),
    );
    return found;
  }

  async write(changes: StateItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const { eTag, ...value } = item;
        const json = asciiJson(value);
        const count = Math.ceil(json.length / CHUNK_CHARS) || 1;
        if (count > MAX_CHUNKS) throw new RangeError(`state '${key}' is too large (${json.length} characters)`);
        const entity: TableEntity<Record<string, unknown>> = {
          partitionKey: PARTITION_PREFIX + encodeKey(key),
          rowKey: '',
          chunks: count,
        };
        for (let i = 0; i < count; i++) entity[`json${i}`] = json.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
        try {
          if (!eTag || eTag === '*') await this.table.upsertEntity(entity, 'Replace');
          else await this.table.updateEntity(entity, 'Replace', { etag: eTag });
        } catch (e) {
          if (isPreconditionFailed(e) || isConflict(e) || isNotFound(e)) throw new StateConflictError(key);
          throw e;
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        try {
          await this.table.deleteEntity(PARTITION_PREFIX + encodeKey(key), '');
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
      }),
    );
  }
}
