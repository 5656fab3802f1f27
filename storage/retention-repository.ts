import { randomBytes } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import type { Item } from '../core/items';
import { addressOf, ideaIdOf, PK as IDEA_PK, RK as IDEA_RK } from './idea-rows';
import { digestWeekPartition } from './digest-ledger';
import { namedVoteIndex } from './named-vote-index';
import { partitionOf as participationPartition } from './participation-repository';
import { PK as LEDGER_PK, part as ledgerPart, type EntryEntity } from './schedule-ledger-rows';
import {
  deleteRows,
  isConflict,
  keyPart,
  readEntity,
  rowPrefixFilter,
  tolerateDone,
  withConcurrencyRetry,
  type Tables,
} from './tables';

/** the campaign key of items posted in chat (not by a campaign); campaign ids never look like this. */
export const NO_CAMPAIGN = '-';

/** ItemIndex partitions of the retention job. */
const PK = {
  /** items closed in a UTC month, per campaign: RowKey `<closedAt ISO>|<item id>`, so a range read returns what is due. */
  closed: (campaignKey: string, month: string) => `closed|${keyPart(campaignKey)}|${month}`,
  /** per campaign key: the oldest close month that may still hold index rows. */
  cursor: 'retention|cursor',
  /** one row per local day: inserting it claims that day's run. */
  runs: 'retention|runs',
  /** per team: up to when its weekly participation rows were deleted. */
  participation: 'retention|participation',
  /** up to when the digest ledger's week partitions were deleted (one row, `all`). */
  digest: 'retention|digest',
};

/** the campaign an item was posted by (`createdBy` is `campaign:<id>` for scheduled posts), or NO_CAMPAIGN. */
export function campaignKeyOf(item: Pick<Item, 'createdBy'>): string {
  return item.createdBy.startsWith('campaign:') ? item.createdBy.slice('campaign:'.length) : NO_CAMPAIGN;
}

/** the UTC month of an instant, '2026-03'. */
export const monthOf = (at: Date): string => at.toISOString().slice(0, 7);

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
}

/**
 * indexes a closed item by campaign and close month, and starts the campaign's retention cursor on its first
 * close. Called by ItemRepository.close; repeating it is harmless.
 */
export async function indexClosedItem(
  index: TableClient,
  item: Pick<Item, 'id' | 'createdBy' | 'closedAt'>,
): Promise<void> {
  if (!item.closedAt) return;
  const campaignKey = campaignKeyOf(item);
  const month = monthOf(item.closedAt);
  await tolerateDone(
    index.createEntity({
      partitionKey: PK.closed(campaignKey, month),
      rowKey: `${item.closedAt.toISOString()}|${item.id}`,
      itemId: item.id,
      closedAt: item.closedAt.toISOString(),
    }),
  );
  await tolerateDone(index.createEntity({ partitionKey: PK.cursor, rowKey: keyPart(campaignKey), campaignKey, month }));
}

/** a closed item whose retention period is over. */
export interface DueItem {
  campaignKey: string;
  itemId: string;
  closedAt: Date;
  /** the index row, removed once the item is purged. */
  partitionKey: string;
  rowKey: string;
}

/** what purging one item removed. */
export interface PurgeCounts {
  namedVotes: number;
  voterRoll: number;
  ideaAuthors: number;
  backings: number;
}

/**
 * the storage side of retention (app/privacy/retention-job.ts decides what is due): finds closed items through the
 * close-month index, reading only index rows older than the cut-off, and removes every personal field of an
 * item while keeping its aggregates (tally rows, counts, idea texts without names).
 */
export class RetentionStore {
  private readonly index: TableClient;
  private readonly responses: TableClient;
  private readonly ideas: TableClient;
  private readonly ledger: TableClient;
  private readonly participation: TableClient;
  private readonly teams: TableClient;
  private readonly digests: TableClient;

  constructor(
    tables: Pick<
      Tables,
      'itemIndex' | 'responses' | 'ideas' | 'scheduleLedger' | 'participation' | 'teams' | 'digestLedger'
    >,
  ) {
    this.index = tables.itemIndex;
    this.responses = tables.responses;
    this.ideas = tables.ideas;
    this.ledger = tables.scheduleLedger;
    this.participation = tables.participation;
    this.teams = tables.teams;
    this.digests = tables.digestLedger;
  }

  /** claims the run of a day ('2026-03-01'): true for the first instance only. */
  async claimDay(day: string, by: string, at: Date): Promise<boolean> {
    try {
      await this.index.createEntity({ partitionKey: PK.runs, rowKey: day, by, at: at.toISOString() });
      return true;
    } catch (e) {
      if (isConflict(e)) return false;
      throw e;
    }
  }

  /** the campaign keys that ever had an item closed (NO_CAMPAIGN for chat posts). */
  async campaignKeys(): Promise<string[]> {
    const keys: string[] = [];
    for await (const row of this.index.listEntities<{ campaignKey: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${PK.cursor}` },
    }))
      keys.push(row.campaignKey);
    return keys;
  }

  /** the items of a campaign key closed before `cutoff`: the close months from the cursor on, each a RowKey range. */
  async dueItems(campaignKey: string, cutoff: Date): Promise<DueItem[]> {
    const cursor = await readEntity<{ month: string }>(this.index, PK.cursor, keyPart(campaignKey));
    if (!cursor) return [];
    const due: DueItem[] = [];
    const last = monthOf(cutoff);
    for (let month = cursor.month; month <= last; month = nextMonth(month)) {
      const partitionKey = PK.closed(campaignKey, month);
      const rows = this.index.listEntities<{ itemId: string; closedAt: string }>({
        queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and RowKey lt ${cutoff.toISOString()}` },
      });
      for await (const row of rows)
        due.push({
          campaignKey,
          itemId: row.itemId,
          closedAt: new Date(row.closedAt),
          partitionKey,
          rowKey: String(row.rowKey),
        });
    }
    return due;
  }

  /** the ids of all items closed in `since`'s month or later, per the close-month index. */
  async closedSince(since: Date): Promise<string[]> {
    const ids: string[] = [];
    const last = monthOf(new Date());
    for (const campaignKey of await this.campaignKeys()) {
      for (let month = monthOf(since); month <= last; month = nextMonth(month)) {
        const rows = this.index.listEntities<{ itemId: string }>({
          queryOptions: { filter: odata`PartitionKey eq ${PK.closed(campaignKey, month)}`, select: ['itemId'] },
        });
        for await (const row of rows) ids.push(row.itemId);
      }
    }
    return ids;
  }

  /** removes a purged item from the index. */
  async forget(item: DueItem): Promise<void> {
    await tolerateDone(this.index.deleteEntity(item.partitionKey, item.rowKey));
  }

  /** moves a campaign key's cursor to the month of `cutoff`: every earlier month was emptied. */
  async advanceCursor(campaignKey: string, cutoff: Date): Promise<void> {
    await this.index.upsertEntity(
      { partitionKey: PK.cursor, rowKey: keyPart(campaignKey), campaignKey, month: monthOf(cutoff) },
      'Replace',
    );
  }

  /**
   * removes the personal data of one item and keeps its aggregates: named vote rows (and their per-person
   * index rows) and the anonymous voter roll are deleted, the tally stays; idea rows lose author id, name and
   * time (the prompt's Responses rows keep a random token per author, so participant counts stay right);
   * supports and volunteers of its ideas are deleted (their counts stay); status changes lose who made them.
   */
  async purgeItem(itemId: string): Promise<PurgeCounts> {
    const counts: PurgeCounts = { namedVotes: 0, voterRoll: 0, ideaAuthors: 0, backings: 0 };
    const votes: Array<{ rowKey: string; aadObjectId?: string }> = [];
    for await (const row of this.responses.listEntities<{ aadObjectId?: string }>({
      queryOptions: { filter: rowPrefixFilter(itemId, 'vote|') },
    }))
      votes.push({ rowKey: String(row.rowKey), aadObjectId: row.aadObjectId });
    for (const v of votes)
      if (v.aadObjectId)
        await tolerateDone(this.responses.deleteEntity(namedVoteIndex.pk(v.aadObjectId), namedVoteIndex.rk(itemId)));
    counts.namedVotes = await deleteRows(
      this.responses,
      itemId,
      votes.map((v) => v.rowKey),
    );
    const voters: string[] = [];
    for await (const row of this.responses.listEntities({
      queryOptions: { filter: rowPrefixFilter(itemId, 'voter|'), select: ['RowKey'] },
    }))
      voters.push(String(row.rowKey));
    counts.voterRoll = await deleteRows(this.responses, itemId, voters);

    const tokens = new Map<string, string>();
    for await (const row of this.responses.listEntities<Record<string, unknown>>({
      queryOptions: { filter: rowPrefixFilter(itemId, 'idea|') },
    })) {
      const { partitionKey, rowKey, etag, timestamp: _t, authorId, authorName, at, ...rest } = row;
      if (authorId === undefined && authorName === undefined && at === undefined) continue;
      const token =
        typeof authorId === 'string' ? (tokens.get(authorId) ?? `former:${randomBytes(6).toString('hex')}`) : undefined;
      if (typeof authorId === 'string' && token) tokens.set(authorId, token);
      await tolerateDone(
        this.responses.updateEntity(
          { ...rest, partitionKey: String(partitionKey), rowKey: String(rowKey), ...(token && { authorId: token }) },
          'Replace',
          { etag: String(etag) },
        ),
      );
    }

    const ideaIds: string[] = [];
    for await (const row of this.ideas.listEntities<{ ideaId: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${IDEA_PK.item(itemId)}` },
    }))
      ideaIds.push(row.ideaId);
    for (const ideaId of ideaIds) {
      const result = await this.purgeIdea(ideaId);
      counts.ideaAuthors += result.author ? 1 : 0;
      counts.backings += result.backings;
    }
    return counts;
  }

  /**
   * the scheduler's rows of a campaign's purged items: slot rows that posted them, their reminder claims, and
   * skipped slots older than `cutoff`. The campaign's cursor stays, so no deleted slot is ever posted again.
   */
  async purgeLedger(campaignId: string, itemIds: ReadonlySet<string>, cutoff: Date): Promise<number> {
    const pk = LEDGER_PK.slots(campaignId);
    const doomed: string[] = [];
    for await (const row of this.ledger.listEntities<EntryEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${pk}` },
    })) {
      const posted = row.postedItemId !== undefined && itemIds.has(row.postedItemId);
      const oldSkip = row.status === 'skipped' && row.slotAt < cutoff.toISOString();
      if (posted || oldSkip) doomed.push(String(row.rowKey));
    }
    for (const itemId of itemIds) await tolerateDone(this.ledger.deleteEntity(LEDGER_PK.reminded, ledgerPart(itemId)));
    return deleteRows(this.ledger, pk, doomed);
  }

  /** every team ever installed (active or not), for the participation clean-up. */
  async teamIds(): Promise<string[]> {
    const ids: string[] = [];
    for await (const row of this.teams.listEntities<{ teamId: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${'team'}`, select: ['teamId'] },
    }))
      ids.push(row.teamId);
    return ids;
  }

  /** up to when a team's weekly participation rows were deleted; undefined before the first run. */
  async participationCursor(teamId: string): Promise<Date | undefined> {
    const row = await readEntity<{ until: string }>(this.index, PK.participation, keyPart(teamId));
    return row ? new Date(row.until) : undefined;
  }

  async setParticipationCursor(teamId: string, until: Date): Promise<void> {
    await this.index.upsertEntity(
      { partitionKey: PK.participation, rowKey: keyPart(teamId), until: until.toISOString() },
      'Replace',
    );
  }

  /** up to when the digest ledger's weeks were deleted; undefined before the first run. */
  async digestCursor(): Promise<Date | undefined> {
    const row = await readEntity<{ until: string }>(this.index, PK.digest, 'all');
    return row ? new Date(row.until) : undefined;
  }

  async setDigestCursor(until: Date): Promise<void> {
    await this.index.upsertEntity({ partitionKey: PK.digest, rowKey: 'all', until: until.toISOString() }, 'Replace');
  }

  /** deletes the digest ledger's rows of one ISO week: which leader got a digest, when. */
  async purgeDigestWeek(week: string): Promise<number> {
    const pk = digestWeekPartition(week);
    const keys: string[] = [];
    for await (const row of this.digests.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${pk}`, select: ['RowKey'] },
    }))
      keys.push(String(row.rowKey));
    return deleteRows(this.digests, pk, keys);
  }

  /** deletes a team's weekly participation rows (pseudonyms) of one ISO week. */
  async purgeParticipationWeek(teamId: string, week: string): Promise<number> {
    const pk = participationPartition(teamId, week);
    const keys: string[] = [];
    for await (const row of this.participation.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${pk}`, select: ['RowKey'] },
    }))
      keys.push(String(row.rowKey));
    return deleteRows(this.participation, pk, keys);
  }

  /**
   * removes the personal data of a team week's ideas sent in chat (`idee <Text>`, no prompt): author, supporters,
   * volunteers and who changed the status; texts, statuses and counts stay. Ideas from prompts go with their prompt.
   */
  async purgeChatIdeasOfWeek(teamId: string, week: string): Promise<{ ideaAuthors: number; backings: number }> {
    const pk = IDEA_PK.week(teamId, week);
    const ideaIds: string[] = [];
    for await (const row of this.ideas.listEntities<{ itemId?: string }>({
      queryOptions: { filter: rowPrefixFilter(pk, IDEA_RK.idea('')), select: ['RowKey', 'itemId'] },
    })) {
      if (row.itemId === undefined || row.itemId === null)
        ideaIds.push(ideaIdOf(teamId, week, String(row.rowKey).slice(IDEA_RK.idea('').length)));
    }
    const counts = { ideaAuthors: 0, backings: 0 };
    for (const ideaId of ideaIds) {
      const result = await this.purgeIdea(ideaId);
      counts.ideaAuthors += result.author ? 1 : 0;
      counts.backings += result.backings;
    }
    return counts;
  }

  private async purgeIdea(ideaId: string): Promise<{ author: boolean; backings: number }> {
    const at = addressOf(ideaId);
    if (!at) return { author: false, backings: 0 };
    let authorId: string | undefined;
    await withConcurrencyRetry(async () => {
      const row = await readEntity<Record<string, unknown>>(this.ideas, at.pk, at.rk);
      if (!row) return;
      const { partitionKey, rowKey, etag, timestamp: _t, authorId: id, authorName, statusBy, ...rest } = row;
      if (id === undefined && authorName === undefined && statusBy === undefined) return;
      authorId = typeof id === 'string' ? id : undefined;
      await this.ideas.updateEntity(
        { ...rest, partitionKey: String(partitionKey), rowKey: String(rowKey) },
        'Replace',
        { etag: String(etag) },
      );
    });
    if (authorId) await tolerateDone(this.ideas.deleteEntity(IDEA_PK.author(authorId), at.key));
    let backings = 0;
    for (const [prefix, kind] of [
      [IDEA_RK.support(at.key), 'support'],
      [IDEA_RK.volunteer(at.key), 'volunteer'],
    ] as const) {
      const rows: Array<{ rowKey: string; personId: string }> = [];
      for await (const row of this.ideas.listEntities<{ personId: string }>({
        queryOptions: { filter: rowPrefixFilter(at.pk, prefix) },
      }))
        rows.push({ rowKey: String(row.rowKey), personId: row.personId });
      for (const r of rows)
        await tolerateDone(this.ideas.deleteEntity(IDEA_PK.backer(r.personId), `${kind}|${ideaId}`));
      backings += await deleteRows(
        this.ideas,
        at.pk,
        rows.map((r) => r.rowKey),
      );
    }
    for await (const row of this.ideas.listEntities<Record<string, unknown>>({
      queryOptions: { filter: rowPrefixFilter(at.pk, IDEA_RK.history(at.key)) },
    })) {
      const { partitionKey, rowKey, etag, timestamp: _t, by, ...rest } = row;
      if (by === undefined) continue;
      await tolerateDone(
        this.ideas.updateEntity({ ...rest, partitionKey: String(partitionKey), rowKey: String(rowKey) }, 'Replace', {
          etag: String(etag),
        }),
      );
    }
    return { author: authorId !== undefined, backings };
  }
}
