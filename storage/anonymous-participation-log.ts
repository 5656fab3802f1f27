import type { TableClient, TransactionAction } from '@azure/data-tables';
import { shuffle } from './shuffle';
import type { Tables } from './tables';

/**
 * the delayed writes of the weekly participation of anonymous answers (Participation): who took part in a team's week
 * is written later, shuffled, in batches, so no participation row's write time lies next to the answer it counts.
 * Kept in memory until flushed (every 10 minutes, at shutdown): a crash may lose a participation count, never an
 * answer (answers are durable before they are acknowledged, see PollAnswers and AnonymousIdeas).
 */
export class AnonymousParticipationLog {
  private weekly = new Map<string, Set<string>>();
  private readonly participation: TableClient;

  constructor(tables: Pick<Tables, 'participation'>) {
    this.participation = tables.participation;
  }

  /** notes that a team-week pseudonym answered anonymously in that Participation partition. */
  recordWeekly(partitionKey: string, pseudonym: string): void {
    const set = this.weekly.get(partitionKey) ?? new Set<string>();
    set.add(pseudonym);
    this.weekly.set(partitionKey, set);
  }

  /** how many entries wait to be written. */
  get size(): number {
    let n = 0;
    for (const s of this.weekly.values()) n += s.size;
    return n;
  }

  /** writes everything pending, shuffled, in batches of at most 100 per partition; on failure what was not written stays pending. */
  async flush(): Promise<number> {
    const work = [...this.weekly];
    this.weekly = new Map();
    let written = 0;
    let failure: unknown;
    for (const [pk, keys] of shuffle(work)) {
      const list = shuffle([...keys]);
      for (let i = 0; i < list.length; i += 100) {
        const chunk = list.slice(i, i + 100);
        try {
          if (failure === undefined) {
            await this.participation.submitTransaction(
              chunk.map((k): TransactionAction => ['upsert', { partitionKey: pk, rowKey: k }, 'Replace']),
            );
            written += chunk.length;
            continue;
          }
        } catch (e) {
          failure = e;
        }
        for (const k of chunk) this.recordWeekly(pk, k); // upserts: writing twice later is harmless
      }
    }
    if (failure !== undefined) throw failure;
    return written;
  }
}
