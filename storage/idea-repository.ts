import { randomBytes } from 'node:crypto';
import { odata, type TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import type { Item } from '../core/items';
import { isoWeekKey } from '../core/iso-week';
import type { IdeaRecord, StatusRecord } from '../core/ideas/idea-record';
import type { IdeaStatus } from '../core/ideas/idea-status';
import {
  PK,
  RK,
  addressOf,
  ideaIdOf,
  promptIdeaIdOf,
  toEntity,
  toRecord,
  type IdeaAddress,
  type IdeaEntity,
} from './idea-rows';
import { shuffle } from './shuffle';
import {
  definedOnly,
  isConflict,
  readEntity,
  rowPrefixFilter,
  tolerateDone,
  withConcurrencyRetry,
  type Tables,
} from './tables';
import { keyedHash } from './keyed-hash';

/** what `create` needs; author fields of an anonymous idea are dropped, never stored. */
export interface NewIdea {
  teamId: string;
  /** the idea prompt it answers; absent for ideas sent in personal chat. */
  itemId?: string;
  /** the thread it was collected in; not stored for anonymous ideas without a prompt (a 1:1 chat names the person). */
  conversationId?: string;
  text: string;
  anonymous: boolean;
  authorId?: string;
  authorName?: string;
  createdAt: Date;
  /** identifies the submission (the activity id): a retried delivery returns the first idea instead of a second one. */
  deliveryKey?: string;
}

/** a supporter or volunteer of an idea. */
export interface IdeaBacker {
  id: string;
  name?: string;
  at: Date;
}

/** the idea id does not name a stored idea. */
export class IdeaNotFoundError extends Error {
  override readonly name = 'IdeaNotFoundError';
  constructor(ideaId: string) {
    super(`idea ${ideaId} not found`);
  }
}

type Backing = 'support' | 'volunteer';
/** a popular idea's row is written by many people at once: retry longer than the default before giving up. */
const CONTENDED_ATTEMPTS = 30;
const COUNT: Record<Backing, 'supportCount' | 'volunteerCount'> = {
  support: 'supportCount',
  volunteer: 'volunteerCount',
};

/**
 * the idea lifecycle: ideas of a team week in one partition with their supports, volunteers and status
 * history, so a count changes in the same batch transaction (ETag-guarded) as the row that causes it.
 * Index partitions: `item|<item>` (ideas of a prompt, also the once-only claim of a delivery), `direct`
 * (claims of ideas without a prompt), `author|<person>` and `backer|<person>` (a person's own data).
 */
export class IdeaRepository {
  private readonly table: TableClient;
  private readonly responses: TableClient;

  constructor(
    tables: Pick<Tables, 'ideas' | 'responses'>,
    private readonly secret: string,
    private readonly timeZone: string,
  ) {
    this.table = tables.ideas;
    this.responses = tables.responses;
  }

  /** the key of a delivery: the same HMAC the Responses row of a prompt's idea uses, so both rows share it. */
  deliveryKeyOf(itemId: string | undefined, deliveryKey: string): string {
    return keyedHash(this.secret, `${itemId ?? ''}|${deliveryKey}`, 32);
  }

  /** stores a new idea with status 'new'; with a `deliveryKey`, the same delivery again returns the first idea. */
  async create(input: NewIdea): Promise<IdeaRecord> {
    const key = input.deliveryKey
      ? this.deliveryKeyOf(input.itemId, input.deliveryKey)
      : randomBytes(16).toString('hex');
    let ideaId = ideaIdOf(input.teamId, isoWeekKey(input.createdAt, this.timeZone), key);
    const claimPk = input.itemId ? PK.item(input.itemId) : input.deliveryKey ? PK.direct : undefined;
    if (claimPk) {
      try {
        await this.table.createEntity({ partitionKey: claimPk, rowKey: key, ideaId });
      } catch (e) {
        if (!isConflict(e)) throw e;
        // a retried delivery: keep the first id, whose week may differ if the retry crossed midnight on Sunday.
        ideaId = (await readEntity<{ ideaId: string }>(this.table, claimPk, key))?.ideaId ?? ideaId;
      }
    }
    const at = addressOf(ideaId) as IdeaAddress;
    const named = !input.anonymous && input.authorId !== undefined;
    const record: IdeaRecord = definedOnly({
      ideaId,
      teamId: input.teamId,
      week: at.week ?? isoWeekKey(input.createdAt, this.timeZone),
      itemId: input.itemId,
      conversationId: input.anonymous && !input.itemId ? undefined : input.conversationId,
      text: input.text,
      anonymous: input.anonymous,
      authorId: named ? input.authorId : undefined,
      authorName: named ? input.authorName : undefined,
      status: 'new' as const,
      supportCount: 0,
      volunteerCount: 0,
      createdAt: input.createdAt,
    });
    let stored = record;
    try {
      await this.table.createEntity({ partitionKey: at.pk, rowKey: at.rk, ...toEntity(record) });
    } catch (e) {
      if (!isConflict(e)) throw e;
      stored = (await this.get(ideaId)) ?? record;
    }
    if (stored.authorId)
      await this.table.upsertEntity({ partitionKey: PK.author(stored.authorId), rowKey: at.key, ideaId }, 'Replace');
    return stored;
  }

  /**
   * stores the ideas of an anonymous prompt when it closes, all at once: in the prompt's own partition (never cut by
   * week), with ids that name no time, the closing time as `createdAt`, and batches of shuffled texts, so no row's key,
   * order or write time ties a text to its author or to when it was sent. Also the prompt's Responses rows and its
   * `item|` index. Keys come from the caller, so a close repeated after a crash writes the same ideas again.
   */
  async createForClosedPrompt(
    prompt: Pick<Item, 'id' | 'teamId' | 'conversationId'>,
    ideas: Array<{ key: string; text: string }>,
    closedAt: Date,
  ): Promise<void> {
    const week = isoWeekKey(closedAt, this.timeZone);
    const records = shuffle(
      ideas.map(({ key, text }): IdeaRecord & { key: string } =>
        definedOnly({
          key,
          ideaId: promptIdeaIdOf(prompt.teamId, prompt.id, key),
          teamId: prompt.teamId,
          week,
          itemId: prompt.id,
          conversationId: prompt.conversationId,
          text,
          anonymous: true,
          status: 'new' as const,
          supportCount: 0,
          volunteerCount: 0,
          createdAt: closedAt,
        }),
      ),
    );
    const writes: Array<[TableClient, (r: IdeaRecord & { key: string }) => TableEntity]> = [
      [this.table, (r) => ({ partitionKey: PK.prompt(prompt.id), rowKey: RK.idea(r.key), ...toEntity(r) })],
      [this.responses, (r) => ({ partitionKey: prompt.id, rowKey: `idea|${r.key}`, text: r.text, ideaId: r.ideaId })],
      [this.table, (r) => ({ partitionKey: PK.item(prompt.id), rowKey: r.key, ideaId: r.ideaId })],
    ];
    for (const [table, entity] of writes) {
      for (let i = 0; i < records.length; i += 100) {
        const chunk = records.slice(i, i + 100).map(entity);
        await table.submitTransaction(chunk.map((e): TransactionAction => ['upsert', e, 'Replace']));
      }
    }
  }

  /** the idea with this id, or undefined (also for ids that are not idea ids). */
  async get(ideaId: string): Promise<IdeaRecord | undefined> {
    const at = addressOf(ideaId);
    const e = at && (await readEntity<IdeaEntity>(this.table, at.pk, at.rk));
    return e ? toRecord(ideaId, e) : undefined;
  }

  /** the ideas of a team in one ISO week, oldest first: one partition. */
  async ofTeamWeek(teamId: string, week: string): Promise<IdeaRecord[]> {
    const out: IdeaRecord[] = [];
    const rows = this.table.listEntities<IdeaEntity>({
      queryOptions: { filter: rowPrefixFilter(PK.week(teamId, week), RK.idea('')) },
    });
    for await (const e of rows)
      out.push(toRecord(ideaIdOf(teamId, week, String(e.rowKey).slice(RK.idea('').length)), e));
    return byCreation(out);
  }

  /** the ideas of a team in exactly these weeks (one partition each), oldest first. */
  async ofTeamRecent(teamId: string, weeks: string[]): Promise<IdeaRecord[]> {
    return byCreation((await Promise.all([...new Set(weeks)].map((w) => this.ofTeamWeek(teamId, w)))).flat());
  }

  /** the ideas of one idea prompt, oldest first: its index partition, then a point read per idea. */
  async ofItem(itemId: string): Promise<IdeaRecord[]> {
    return this.resolve(PK.item(itemId));
  }

  /** the ideas a person sent with their name (anonymous ideas are never found). */
  async byAuthor(personId: string): Promise<IdeaRecord[]> {
    return this.resolve(PK.author(personId));
  }

  /** sets the status (ETag-guarded) and appends the change to the history; the same status and note again change nothing. */
  async setStatus(
    ideaId: string,
    change: { status: IdeaStatus; note?: string; by: string; at: Date },
  ): Promise<IdeaRecord> {
    const at = this.address(ideaId);
    return withConcurrencyRetry(async () => {
      const e = await this.readIdea(at);
      const current = toRecord(ideaId, e);
      if (current.status === change.status && current.statusNote === change.note) return current;
      const next: IdeaRecord = definedOnly({
        ...current,
        status: change.status,
        statusNote: change.note,
        statusBy: change.by,
        statusAt: change.at,
      });
      if (change.note === undefined) delete next.statusNote;
      const history = definedOnly({
        partitionKey: at.pk,
        rowKey: RK.history(at.key, change.at, randomBytes(4).toString('hex')),
        status: change.status,
        note: change.note,
        by: change.by,
        at: change.at.toISOString(),
      });
      await this.table.submitTransaction([
        ['update', { partitionKey: at.pk, rowKey: at.rk, ...toEntity(next) }, 'Replace', { etag: e.etag }],
        ['create', history],
      ]);
      return next;
    });
  }

  /** the status changes of an idea, oldest first. */
  async history(ideaId: string): Promise<StatusRecord[]> {
    const at = this.address(ideaId);
    const out: StatusRecord[] = [];
    const rows = this.table.listEntities<{ status: string; note?: string; by: string; at: string }>({
      queryOptions: { filter: rowPrefixFilter(at.pk, RK.history(at.key)) },
    });
    for await (const e of rows)
      out.push(definedOnly({ status: e.status as IdeaStatus, note: e.note, by: e.by, at: new Date(e.at) }));
    return out;
  }

  /** sets whether a person supports an idea (one support per person; `on: false` withdraws it). Throws IdeaNotFoundError. */
  async support(
    ideaId: string,
    personId: string,
    on: boolean,
    at: Date,
  ): Promise<{ supported: boolean; count: number }> {
    const { active, count } = await this.back('support', ideaId, { id: personId }, on, at);
    return { supported: active, count };
  }

  /** the people supporting an idea. */
  async supportersOf(ideaId: string): Promise<IdeaBacker[]> {
    return this.backers('support', ideaId);
  }

  async hasSupported(ideaId: string, personId: string): Promise<boolean> {
    const at = addressOf(ideaId);
    return at !== undefined && (await readEntity(this.table, at.pk, RK.support(at.key, personId))) !== undefined;
  }

  /** sets whether a person volunteers for an idea ("Ich mache mit"). Throws IdeaNotFoundError. */
  async volunteer(
    ideaId: string,
    person: { id: string; name: string },
    on: boolean,
    at: Date,
  ): Promise<{ volunteering: boolean; count: number }> {
    const { active, count } = await this.back('volunteer', ideaId, person, on, at);
    return { volunteering: active, count };
  }

  /** the people volunteering for an idea, with the name they had then. */
  async volunteersOf(ideaId: string): Promise<Array<{ id: string; name: string; at: Date }>> {
    return (await this.backers('volunteer', ideaId)).map((b) => ({ id: b.id, name: b.name ?? '', at: b.at }));
  }

  /**
   * removes a person as author of their named ideas: no author id any more, `replacementName` as the name,
   * on the idea and on the prompt's Responses row. Returns how many ideas changed.
   */
  async anonymiseAuthor(personId: string, replacementName: string): Promise<number> {
    const ideas = await this.byAuthor(personId);
    for (const idea of ideas) {
      const at = this.address(idea.ideaId);
      await withConcurrencyRetry(async () => {
        const e = await this.readIdea(at);
        const { authorId: _, ...rest } = toEntity(toRecord(idea.ideaId, e));
        await this.table.updateEntity(
          { partitionKey: at.pk, rowKey: at.rk, ...rest, authorName: replacementName },
          'Replace',
          { etag: e.etag },
        );
      });
      if (idea.itemId) await this.anonymiseResponseRow(idea.itemId, at.key, replacementName);
      await tolerateDone(this.table.deleteEntity(PK.author(personId), at.key));
    }
    return ideas.length;
  }

  /** withdraws every support and volunteering of a person, keeping the ideas' counts right. */
  async removeSupportsAndVolunteering(personId: string): Promise<{ supports: number; volunteering: number }> {
    const removed = { supports: 0, volunteering: 0 };
    const rows: Array<{ rowKey: string; ideaId: string }> = [];
    const iter = this.table.listEntities<{ ideaId: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${PK.backer(personId)}` },
    });
    for await (const row of iter) rows.push({ rowKey: String(row.rowKey), ideaId: row.ideaId });
    for (const row of rows) {
      const kind: Backing = row.rowKey.startsWith('support|') ? 'support' : 'volunteer';
      try {
        if ((await this.back(kind, row.ideaId, { id: personId }, false, new Date())).changed)
          removed[kind === 'support' ? 'supports' : 'volunteering']++;
      } catch (e) {
        if (!(e instanceof IdeaNotFoundError)) throw e;
      }
      await tolerateDone(this.table.deleteEntity(PK.backer(personId), row.rowKey));
    }
    return removed;
  }

  /**
   * sets a support or volunteer row and the idea's count in one batch guarded by the idea's ETag. The person's
   * `backer|` index row is written before a support and removed after a withdrawal, so it is never missing.
   */
  private async back(
    kind: Backing,
    ideaId: string,
    person: { id: string; name?: string },
    on: boolean,
    when: Date,
  ): Promise<{ active: boolean; count: number; changed: boolean }> {
    const at = this.address(ideaId);
    const rowKey = (kind === 'support' ? RK.support : RK.volunteer)(at.key, person.id);
    const indexRow = { partitionKey: PK.backer(person.id), rowKey: `${kind}|${ideaId}`, ideaId };
    if (on) await this.table.upsertEntity(indexRow, 'Replace');
    const result = await withConcurrencyRetry(async () => {
      const [e, row] = await Promise.all([this.readIdea(at), readEntity(this.table, at.pk, rowKey)]);
      const count = e[COUNT[kind]];
      if ((row !== undefined) === on) return { active: on, count, changed: false };
      const next = Math.max(0, count + (on ? 1 : -1));
      const change: TransactionAction = on
        ? [
            'create',
            definedOnly({
              partitionKey: at.pk,
              rowKey,
              personId: person.id,
              name: person.name,
              at: when.toISOString(),
            }),
          ]
        : ['delete', { partitionKey: at.pk, rowKey }];
      await this.table.submitTransaction([
        change,
        ['update', { partitionKey: at.pk, rowKey: at.rk, [COUNT[kind]]: next }, 'Merge', { etag: e.etag }],
      ]);
      return { active: on, count: next, changed: true };
    }, CONTENDED_ATTEMPTS);
    if (!on) await tolerateDone(this.table.deleteEntity(indexRow.partitionKey, indexRow.rowKey));
    return result;
  }

  private async backers(kind: Backing, ideaId: string): Promise<IdeaBacker[]> {
    const at = addressOf(ideaId);
    if (!at) return [];
    const out: IdeaBacker[] = [];
    const prefix = (kind === 'support' ? RK.support : RK.volunteer)(at.key);
    const rows = this.table.listEntities<{ personId: string; name?: string; at: string }>({
      queryOptions: { filter: rowPrefixFilter(at.pk, prefix) },
    });
    for await (const e of rows) out.push(definedOnly({ id: e.personId, name: e.name, at: new Date(e.at) }));
    return out;
  }

  private async anonymiseResponseRow(itemId: string, key: string, replacementName: string): Promise<void> {
    await withConcurrencyRetry(async () => {
      const row = await readEntity<Record<string, unknown>>(this.responses, itemId, `idea|${key}`);
      if (!row) return;
      const { partitionKey, rowKey, etag, timestamp: _t, authorId: _a, ...rest } = row;
      await this.responses.updateEntity({ ...rest, partitionKey, rowKey, authorName: replacementName }, 'Replace', {
        etag,
      });
    });
  }

  /** the ideas an index partition names, oldest first; ids whose idea is missing (a crash mid-create) are skipped. */
  private async resolve(partitionKey: string): Promise<IdeaRecord[]> {
    const ids: string[] = [];
    for await (const row of this.table.listEntities<{ ideaId: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` },
    }))
      ids.push(row.ideaId);
    const ideas = await Promise.all(ids.map((id) => this.get(id)));
    return byCreation(ideas.filter((i): i is IdeaRecord => i !== undefined));
  }

  private address(ideaId: string): IdeaAddress {
    const at = addressOf(ideaId);
    if (!at) throw new IdeaNotFoundError(ideaId);
    return at;
  }

  private async readIdea(at: IdeaAddress): Promise<IdeaEntity & { etag: string }> {
    const e = await readEntity<IdeaEntity>(this.table, at.pk, at.rk);
    if (!e) throw new IdeaNotFoundError(at.ideaId);
    return e;
  }
}

function byCreation(ideas: IdeaRecord[]): IdeaRecord[] {
  return ideas.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.ideaId.localeCompare(b.ideaId));
}
