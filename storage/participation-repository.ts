import { odata, type TableClient } from '@azure/data-tables';
import { isoWeekKey } from '../core/iso-week';
import type { AnonymousParticipationLog } from './anonymous-participation-log';
import { PartitionBatcher } from './partition-batcher';
import { keyPart, type Tables } from './tables';
import { keyedHash } from './keyed-hash';

/**
 * who answered anything in a team in an ISO week, as a count. One partition per team and week
 * (`<team>|<week>`), one key-only row per person, keyed by an HMAC of team, week and person with the answer
 * secret: rows of different weeks, and the voter roll, cannot be joined. Named answers write their row at
 * once (those of one team arriving together share a batch transaction); anonymous answers go through the
 * AnonymousParticipationLog (delayed, shuffled), so a count of the current week lags by up to one flush.
 */
export class ParticipationRepository {
  private readonly table: TableClient;
  /** a team's week is one partition: named answers arriving together share one batch transaction. */
  private readonly batch: PartitionBatcher;

  constructor(
    tables: Pick<Tables, 'participation'>,
    private readonly secret: string,
    private readonly timeZone: string,
    private readonly log: AnonymousParticipationLog,
  ) {
    this.table = tables.participation;
    this.batch = new PartitionBatcher(this.table);
  }

  /** the ISO week ('2026-W10') an instant falls in, in the configured time zone. */
  weekOf(at: Date): string {
    return isoWeekKey(at, this.timeZone);
  }

  /** counts a person who answered with their name in a team at `at` (idempotent). */
  async recordNamed(teamId: string, personId: string, at: Date): Promise<void> {
    const week = this.weekOf(at);
    await this.batch.write([
      'upsert',
      { partitionKey: partitionOf(teamId, week), rowKey: this.pseudonym(teamId, week, personId) },
      'Replace',
    ]);
  }

  /** counts a person who answered anonymously, at the log's next shuffled flush (nothing is written now). */
  recordAnonymous(teamId: string, personId: string, at: Date): void {
    const week = this.weekOf(at);
    this.log.recordWeekly(partitionOf(teamId, week), this.pseudonym(teamId, week, personId));
  }

  /** distinct people who answered in a team in an ISO week. */
  async participants(teamId: string, week: string): Promise<number> {
    let n = 0;
    const rows = this.table.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${partitionOf(teamId, week)}`, select: ['RowKey'] },
    });
    for await (const _ of rows) n++;
    return n;
  }

  /** participants per week, reading exactly the named weeks' partitions. */
  async participantsByWeek(teamId: string, weeks: string[]): Promise<Record<string, number>> {
    const counts = await Promise.all(weeks.map(async (w) => [w, await this.participants(teamId, w)] as const));
    return Object.fromEntries(counts);
  }

  private pseudonym(teamId: string, week: string, personId: string): string {
    return keyedHash(this.secret, `participation|${teamId}|${week}|${personId}`);
  }
}

/** the Participation partition of a team week. */
export const partitionOf = (teamId: string, week: string): string => `${keyPart(teamId)}|${week}`;
