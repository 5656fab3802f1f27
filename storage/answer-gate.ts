import { randomInt } from 'node:crypto';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { isNotFound, readEntity, withConcurrencyRetry } from './tables';

/** the row of an item's answers that holds its counts and whether it is closed ('tally', as before ideas had one). */
export const STATE_ROW = 'tally';
const GATES = 8;
const gateRow = (i: number): string => `gate|${i}`;
/** an answer whose gate was missing tries again after opening the gates; a close between the two ends it as 'closed'. */
const ADMIT_ATTEMPTS = 3;

/** the fields of the state row the gate reads; each kind of item adds its own. */
export interface GateState {
  /** the item's answers are final: its result is written. */
  closed?: boolean;
  /** the gates are gone and no answer gets in, but the final result is not written yet (a close under way or cut off). */
  closing?: boolean;
}

/** whether an answer may go in: the gates exist, they were just opened, or the item is closed. */
export type GateOutcome = 'open' | 'closed';

/**
 * the gates of an item's answers: a few rows in the item's partition whose existence means "open". Every answer is
 * written in one batch with a touch of a random gate (a Merge without ETag: it never conflicts with another answer,
 * so there is no hot row to retry on); closing deletes the gates in one batch with the state row, so after it no
 * batch of an answer can succeed (404), and every answer that did succeed is in storage for the close to count.
 * The gates of an item are made by its first answer, guarded by the state row's ETag against a close at that moment.
 */
export class AnswerGate {
  constructor(private readonly table: TableClient) {}

  /** the action to add to an answer's batch transaction: the batch fails with 404 once the item is closed. */
  touch(itemId: string): TransactionAction {
    return ['update', { partitionKey: itemId, rowKey: gateRow(randomInt(GATES)) }, 'Merge'];
  }

  /** makes the gates of an item nobody answered yet (idempotent); 'closed' when the item was closed meanwhile. */
  async open(itemId: string): Promise<GateOutcome> {
    return withConcurrencyRetry(async () => {
      const state = await readEntity<GateState>(this.table, itemId, STATE_ROW);
      if (state?.closed || state?.closing) return 'closed';
      const gates = Array.from({ length: GATES }, (_, i): TransactionAction => [
        'upsert',
        { partitionKey: itemId, rowKey: gateRow(i) },
        'Merge',
      ]);
      const guard: TransactionAction = state
        ? ['update', { partitionKey: itemId, rowKey: STATE_ROW }, 'Merge', { etag: state.etag }]
        : ['create', { partitionKey: itemId, rowKey: STATE_ROW }];
      await this.table.submitTransaction([...gates, guard]);
      return 'open';
    });
  }

  /**
   * closes the gates: deletes them with the state row marked `closing`, in one batch guarded by the state row's
   * ETag (a first answer opening them at that moment makes one of the two retry). Idempotent.
   */
  async close(itemId: string): Promise<void> {
    await withConcurrencyRetry(async () => {
      const [state, gate] = await Promise.all([
        readEntity<GateState>(this.table, itemId, STATE_ROW),
        readEntity(this.table, itemId, gateRow(0)),
      ]);
      if (state?.closed || state?.closing) return;
      const deletions = gate
        ? Array.from({ length: GATES }, (_, i): TransactionAction => [
            'delete',
            { partitionKey: itemId, rowKey: gateRow(i) },
          ])
        : [];
      const mark = { partitionKey: itemId, rowKey: STATE_ROW, closing: true };
      await this.table.submitTransaction([
        ...deletions,
        state ? ['update', mark, 'Merge', { etag: state.etag }] : ['create', mark],
      ]);
    });
  }

  /**
   * runs an answer's batch (which holds a touch); when the gates are missing it opens them and tries once more.
   * 'closed' when the item is closed; other storage errors (409: the answer is there already) are thrown.
   */
  async admit(itemId: string, write: () => Promise<unknown>): Promise<GateOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        await write();
        return 'open';
      } catch (e) {
        if (!isNotFound(e) || attempt >= ADMIT_ATTEMPTS) throw e;
      }
      if ((await this.open(itemId)) === 'closed') return 'closed';
    }
  }
}
