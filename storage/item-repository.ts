import { odata, type TableClient } from '@azure/data-tables';
import { isoWeekKey } from '../core/iso-week';
import type { Item, ItemKind, ItemStatus, PollKind } from '../core/items';
import type { Locale } from '../core/locale';
import { PartitionBatcher } from './partition-batcher';
import { RecentCache } from './recent-cache';
import { indexClosedItem } from './retention-repository';
import {
  encodeKey,
  isConflict,
  newestFirstKey,
  readEntity,
  tolerateDone,
  withConcurrencyRetry,
  type Tables,
} from './tables';

interface ItemEntity {
  teamId: string;
  channelId: string;
  kind: string;
  pollKind?: string;
  maxChoices?: number;
  question: string;
  options: string;
  anonymous: boolean;
  status: string;
  createdBy: string;
  createdAt: string;
  closesAt?: string;
  closedAt?: string;
  locale: string;
  conversationId?: string;
  activityId?: string;
  yesNo?: boolean;
}

const ITEM_ROW = 'item';

function toEntity(item: Item): ItemEntity {
  return {
    teamId: item.teamId,
    channelId: item.channelId,
    kind: item.kind,
    pollKind: item.pollKind,
    maxChoices: item.maxChoices,
    question: item.question,
    options: JSON.stringify(item.options),
    anonymous: item.anonymous,
    status: item.status,
    createdBy: item.createdBy,
    createdAt: item.createdAt.toISOString(),
    closesAt: item.closesAt?.toISOString(),
    closedAt: item.closedAt?.toISOString(),
    locale: item.locale,
    conversationId: item.conversationId,
    activityId: item.activityId,
    ...(item.yesNo === true && { yesNo: true }),
  };
}

function fromEntity(id: string, e: ItemEntity): Item {
  const date = (s?: string) => (s ? new Date(s) : undefined);
  return {
    id,
    teamId: e.teamId,
    channelId: e.channelId,
    kind: e.kind as ItemKind,
    pollKind: (e.pollKind as PollKind | undefined) ?? undefined,
    ...(typeof e.maxChoices === 'number' && { maxChoices: e.maxChoices }),
    question: e.question,
    options: JSON.parse(e.options) as string[],
    anonymous: e.anonymous,
    status: e.status as ItemStatus,
    createdBy: e.createdBy,
    createdAt: new Date(e.createdAt),
    closesAt: date(e.closesAt),
    closedAt: date(e.closedAt),
    locale: e.locale as Locale,
    conversationId: e.conversationId ?? undefined,
    activityId: e.activityId ?? undefined,
    ...(e.yesNo === true && { yesNo: true }),
  };
}

/** index partitions: items per conversation (thread), per creator (newest first), a team's open items, and a team's items per ISO week of closing. */
const indexKeys = {
  conversation: (conversationId: string) => `conv|${encodeKey(conversationId)}`,
  creator: (aadObjectId: string) => `creator|${encodeKey(aadObjectId)}`,
  openInTeam: (teamId: string) => `open|${encodeKey(teamId)}`,
  closedInWeek: (teamId: string, week: string) => `closedin|${encodeKey(teamId)}|${week}`,
  /** ad-hoc items to close at their "open until", by that time (row key: ISO instant, then the item id). */
  dueToClose: 'due',
};

/** the due-to-close row key: sorts by time; `~` sorts after every item id, so `le dueKey(t, '~')` includes t. */
const dueKey = (at: Date, itemId: string) => `${at.toISOString()}|${itemId}`;

/** marks that every item closed before this index existed has its closed-in-week row (`backfillClosedInWeek`). */
const CLOSED_IN_WEEK_BACKFILLED = { partitionKey: 'upgrade|closedin', rowKey: 'done' };

/**
 * posted items (polls and idea prompts): one row each, plus small index rows for the lookups we need. Index rows
 * of concurrent posts that share a partition (a campaign's creator, a team with several channels) are written in
 * shared batch transactions (PartitionBatcher).
 */
export class ItemRepository {
  private readonly items: TableClient;
  private readonly index: TableClient;
  private readonly indexBatch: PartitionBatcher;
  /** items read or written in the last seconds, for `getRecent`. */
  private readonly recent = new RecentCache<Item>({ maxEntries: 5_000, maxAgeMs: 10_000 });

  constructor(
    tables: Pick<Tables, 'items' | 'itemIndex'>,
    private readonly timeZone: string,
  ) {
    this.items = tables.items;
    this.index = tables.itemIndex;
    this.indexBatch = new PartitionBatcher(this.index);
  }

  /** stores a new item and indexes it by creator, and while it is open among the team's open items; throws on an existing id. */
  async create(item: Item): Promise<void> {
    await this.items.createEntity({ partitionKey: item.id, rowKey: ITEM_ROW, ...toEntity(item) });
    this.recent.set(item.id, item);
    await this.indexNew(item);
  }

  /** like `create`, but an item with this id stored before is not an error: 'exists', and nothing is written. */
  async createOnce(item: Item): Promise<'created' | 'exists'> {
    try {
      await this.items.createEntity({ partitionKey: item.id, rowKey: ITEM_ROW, ...toEntity(item) });
    } catch (e) {
      if (isConflict(e)) return 'exists';
      throw e;
    }
    await this.indexNew(item);
    return 'created';
  }

  private async indexNew(item: Item): Promise<void> {
    const rowKey = `${newestFirstKey(item.createdAt)}|${item.id}`;
    await Promise.all([
      this.addIndex(indexKeys.creator(item.createdBy), rowKey, item.id),
      item.status === 'open' ? this.addIndex(indexKeys.openInTeam(item.teamId), rowKey, item.id) : undefined,
    ]);
  }

  /** the item with this id, or undefined. */
  async get(itemId: string): Promise<Item | undefined> {
    const e = await readEntity<ItemEntity>(this.items, itemId, ITEM_ROW);
    return e ? fromEntity(itemId, e) : undefined;
  }

  /**
   * the item as read or written by this process in the last ten seconds, else read now. For the answer path and
   * card updates, which meet a close made elsewhere in the tally's seal (ETag-guarded) rather than in the item.
   */
  async getRecent(itemId: string): Promise<Item | undefined> {
    return this.recent.through(itemId, () => this.get(itemId));
  }

  /** the item if this process read it through `getRecent` or wrote it in the last ten seconds; no storage request. */
  recentlySeen(itemId: string): Item | undefined {
    return this.recent.get(itemId);
  }

  /** records where the card was posted, so it can be closed from its thread (or the other conversations named) and updated in place. */
  async markPosted(
    itemId: string,
    conversationId: string,
    activityId: string | undefined,
    alsoFoundIn: string[] = [],
  ): Promise<Item> {
    const item = await this.update(itemId, (i) => ({ ...i, conversationId, activityId }));
    await this.indexConversations(item, [conversationId, ...alsoFoundIn]);
    return item;
  }

  /**
   * `markPosted` for an item this process has just created and posted: sets the two fields without reading the
   * row first (a merge: a concurrent close keeps its status) and returns the item as given plus where it was posted.
   */
  async markPostedFresh(
    item: Item,
    conversationId: string,
    activityId: string | undefined,
    alsoFoundIn: string[] = [],
  ): Promise<Item> {
    await this.items.updateEntity({ partitionKey: item.id, rowKey: ITEM_ROW, conversationId, activityId }, 'Merge');
    await this.indexConversations(item, [conversationId, ...alsoFoundIn]);
    return { ...item, conversationId, activityId };
  }

  private async indexConversations(item: Item, conversationIds: string[]): Promise<void> {
    const rowKey = `${newestFirstKey(item.createdAt)}|${item.id}`;
    await Promise.all(conversationIds.map((c) => this.addIndex(indexKeys.conversation(c), rowKey, item.id)));
  }

  /** closes an item (idempotent: closing a closed item keeps the first close time). */
  async close(itemId: string, at: Date): Promise<Item> {
    const item = await this.update(itemId, (i) =>
      i.status === 'closed' ? i : { ...i, status: 'closed', closedAt: at },
    );
    await tolerateDone(
      this.index.deleteEntity(indexKeys.openInTeam(item.teamId), `${newestFirstKey(item.createdAt)}|${item.id}`),
    );
    await this.indexClosedInWeek(item);
    await indexClosedItem(this.index, item); // the retention job finds it by close month
    return item;
  }

  /** the team's row for the ISO week the item closed in, which the weekly digest reads. */
  private async indexClosedInWeek(item: Item): Promise<void> {
    if (item.status !== 'closed' || !item.closedAt) return;
    await this.addIndex(
      indexKeys.closedInWeek(item.teamId, isoWeekKey(item.closedAt, this.timeZone)),
      `${newestFirstKey(item.closedAt)}|${item.id}`,
      item.id,
    );
  }

  /**
   * the items of a team closed in one ISO week, newest close first: one index partition, then a point read each.
   * However long ago an item was posted, it is found by the week it closed in.
   */
  async closedInTeamWeek(teamId: string, week: string): Promise<Item[]> {
    const rows = this.index.listEntities<{ itemId: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${indexKeys.closedInWeek(teamId, week)}` },
    });
    const ids: string[] = [];
    for await (const row of rows) ids.push(row.itemId);
    const items = await Promise.all(ids.map((id) => this.get(id)));
    return items.filter((i): i is Item => i?.status === 'closed');
  }

  /**
   * writes the closed-in-week rows of items closed before that index existed (ids from the retention index), once
   * per storage account: a marker row records that it ran. Returns how many items it indexed (0 when done before).
   */
  async backfillClosedInWeek(closedItemIds: () => Promise<string[]>): Promise<number> {
    if (await readEntity(this.index, CLOSED_IN_WEEK_BACKFILLED.partitionKey, CLOSED_IN_WEEK_BACKFILLED.rowKey))
      return 0;
    let indexed = 0;
    for (const id of await closedItemIds()) {
      const item = await this.get(id);
      if (item?.status !== 'closed') continue;
      await this.indexClosedInWeek(item);
      indexed++;
    }
    await this.index.upsertEntity({ ...CLOSED_IN_WEEK_BACKFILLED, at: new Date().toISOString(), indexed }, 'Replace');
    return indexed;
  }

  /** the newest item posted into a conversation (thread or channel) that is still open. */
  async latestOpenInConversation(conversationId: string): Promise<Item | undefined> {
    return this.firstMatching(indexKeys.conversation(conversationId), (i) => i.status === 'open');
  }

  /** the newest item posted into a conversation, open or closed. */
  async latestInConversation(conversationId: string): Promise<Item | undefined> {
    return this.firstMatching(indexKeys.conversation(conversationId), () => true);
  }

  /** the newest item a person posted. */
  async latestByCreator(aadObjectId: string): Promise<Item | undefined> {
    return this.firstMatching(indexKeys.creator(aadObjectId), () => true);
  }

  /** the items of a team that are still open, newest first: a partition that holds only open items. */
  async openOfTeam(teamId: string): Promise<Item[]> {
    const partitionKey = indexKeys.openInTeam(teamId);
    const rows: Array<{ rowKey: string; itemId: string }> = [];
    for await (const row of this.index.listEntities<{ itemId: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` },
    })) {
      rows.push({ rowKey: String(row.rowKey), itemId: row.itemId });
    }
    const items = await Promise.all(rows.map((r) => this.get(r.itemId)));
    const open: Item[] = [];
    for (const [i, item] of items.entries()) {
      if (item?.status === 'open') open.push(item);
      else await tolerateDone(this.index.deleteEntity(partitionKey, rows[i]?.rowKey ?? '')); // closed by a close that crashed before tidying
    }
    return open;
  }

  /**
   * notes that an item must be closed at `closesAt` (ad-hoc items with an "open until"; written before the item is
   * posted, so a crash in between leaves a row that names no open item, which `dueToClose`'s reader drops).
   */
  async markDueToClose(itemId: string, closesAt: Date): Promise<void> {
    await this.index.upsertEntity(
      { partitionKey: indexKeys.dueToClose, rowKey: dueKey(closesAt, itemId), itemId },
      'Replace',
    );
  }

  /** the items noted to close at or before `now`, earliest first (at most 200 per call). */
  async dueToClose(now: Date): Promise<{ itemId: string; closesAt: Date }[]> {
    const ids: { itemId: string; closesAt: Date }[] = [];
    const rows = this.index.listEntities<{ itemId: string }>({
      queryOptions: {
        filter: odata`PartitionKey eq ${indexKeys.dueToClose} and RowKey le ${dueKey(now, '~')}`,
      },
    });
    for await (const row of rows) {
      ids.push({ itemId: row.itemId, closesAt: new Date(String(row.rowKey).split('|')[0] ?? '') });
      if (ids.length >= 200) break;
    }
    return ids;
  }

  /** drops an item's due-to-close row once it is closed (or gone). */
  async forgetDue(itemId: string, closesAt: Date): Promise<void> {
    await tolerateDone(this.index.deleteEntity(indexKeys.dueToClose, dueKey(closesAt, itemId)));
  }

  private async update(itemId: string, change: (item: Item) => Item): Promise<Item> {
    return withConcurrencyRetry(async () => {
      const e = await readEntity<ItemEntity>(this.items, itemId, ITEM_ROW);
      if (!e) throw new Error(`item ${itemId} not found`);
      const next = change(fromEntity(itemId, e));
      await this.items.updateEntity({ partitionKey: itemId, rowKey: ITEM_ROW, ...toEntity(next) }, 'Replace', {
        etag: e.etag,
      });
      this.recent.set(itemId, next);
      return next;
    });
  }

  /** an index row is the same whoever writes it, so an upsert: a repeated write is harmless and never fails a shared batch. */
  private async addIndex(partitionKey: string, rowKey: string, itemId: string): Promise<void> {
    await this.indexBatch.write(['upsert', { partitionKey, rowKey, itemId }, 'Replace']);
  }

  private async firstMatching(partitionKey: string, accept: (item: Item) => boolean): Promise<Item | undefined> {
    const rows = this.index.listEntities<{ itemId: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` },
    });
    let checked = 0;
    for await (const row of rows) {
      const item = await this.get(row.itemId);
      if (item && accept(item)) return item;
      if (++checked >= 50) break;
    }
    return undefined;
  }
}
