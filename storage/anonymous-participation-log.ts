import { randomInt } from 'node:crypto';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { Tables } from './tables';

/** the voter-roll row of a pseudonym inside an item's Responses partition. */
export const voterRow = (pseudonym: string): string => `voter|${pseudonym}`;

/**
 * the delayed writes of anonymous answers: the voter roll of anonymous idea prompts (Responses) and the weekly
 * participation rows of every anonymous answer (Participation). Texts and tallies are stored at once; who took
 * part is written later, shuffled, in batches, so no row's timestamp ties a person to an answer.
 * Kept in memory until flushed: a crash may lose a participation count, never an answer.
 */
export class AnonymousParticipationLog {
  private voters = new Map<string, Set<string>>();
  private weekly = new Map<string, Set<string>>();
  private readonly responses: TableClient;
  private readonly participation: TableClient;

  constructor(tables: Pick<Tables, 'responses' | 'participation'>) {
    this.responses = tables.responses;
    this.participation = tables.participation;
  }

  /** notes that a pseudonym answered an anonymous idea prompt (its voter-roll row follows at the next flush). */
  record(itemId: string, pseudonym: string): void {
    add(this.voters, itemId, pseudonym);
  }

  /** notes that a team-week pseudonym answered anonymously in that Participation partition. */
  recordWeekly(partitionKey: string, pseudonym: string): void {
    add(this.weekly, partitionKey, pseudonym);
  }

  /** how many entries wait to be written. */
  get size(): number {
    let n = 0;
    for (const map of [this.voters, this.weekly]) for (const s of map.values()) n += s.size;
    return n;
  }

  /** writes everything pending, shuffled, in batches of at most 100 per partition; on failure what was not written stays pending. */
  async flush(): Promise<number> {
    const work = [
      ...[...this.voters].map(([pk, keys]) => ({ table: this.responses, pk, keys, rowKey: voterRow, again: (k: string) => this.record(pk, k) })),
      ...[...this.weekly].map(([pk, keys]) => ({ table: this.participation, pk, keys, rowKey: (k: string) => k, again: (k: string) => this.recordWeekly(pk, k) })),
    ];
    this.voters = new Map();
    this.weekly = new Map();
    let written = 0;
    let failure: unknown;
    for (const w of shuffle(work)) {
      const keys = shuffle([...w.keys]);
      for (let i = 0; i < keys.length; i += 100) {
        const chunk = keys.slice(i, i + 100);
        try {
          if (failure === undefined) {
            await w.table.submitTransaction(chunk.map((k): TransactionAction => ['upsert', { partitionKey: w.pk, rowKey: w.rowKey(k) }, 'Replace']));
            written += chunk.length;
            continue;
          }
        } catch (e) {
          failure = e;
        }
        chunk.forEach(w.again); // upserts: writing twice later is harmless
      }
    }
    if (failure !== undefined) throw failure;
    return written;
  }
}

function add(map: Map<string, Set<string>>, pk: string, key: string): void {
  const set = map.get(pk) ?? new Set<string>();
  set.add(key);
  map.set(pk, set);
}

export function shuffle<T>(list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [list[i], list[j]] = [list[j] as T, list[i] as T];
  }
  return list;
}
