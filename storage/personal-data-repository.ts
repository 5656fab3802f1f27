import { odata, type TableClient } from '@azure/data-tables';
import { PK as IDEA_PK } from './idea-rows';
import { namedVoteIndex } from './named-vote-index';
import type { ResponseRepository } from './response-repository';
import { encodeKey, readEntity, tolerateDone, type Tables } from './tables';
import { keyedHash } from './keyed-hash';

/** a named vote of a person, as stored in the item's partition. */
export interface NamedVoteRecord {
  itemId: string;
  choices: number[];
  /** the name the person had when voting. */
  name: string;
  at: Date;
}

interface VoteEntity {
  choices: string;
  name: string;
  aadObjectId: string;
  at: string;
}

/** the People row of a person, as stored (only what an export shows). */
export interface PersonalChatRecord {
  name: string;
  locale?: string;
  active: boolean;
  updatedAt: Date;
}

/**
 * a person's own data across tables, for `meine daten`: named votes through their index (votes|person), the
 * personal-chat record, and what erasure has to change where the person acted as admin (grants they made,
 * campaigns and items they created, audit entries). Ideas, supports and roles have their own repositories.
 */
export class PersonalDataStore {
  private readonly responses: TableClient;
  private readonly people: TableClient;
  private readonly teams: TableClient;
  private readonly roles: TableClient;
  private readonly audit: TableClient;
  private readonly campaigns: TableClient;
  private readonly items: TableClient;
  private readonly itemIndex: TableClient;
  private readonly ideas: TableClient;

  constructor(
    tables: Pick<
      Tables,
      'responses' | 'people' | 'teams' | 'roles' | 'auditLog' | 'campaigns' | 'items' | 'itemIndex' | 'ideas'
    >,
    private readonly secret: string,
    private readonly votes: Pick<ResponseRepository, 'withdrawNamedVote'>,
  ) {
    this.responses = tables.responses;
    this.people = tables.people;
    this.teams = tables.teams;
    this.roles = tables.roles;
    this.audit = tables.auditLog;
    this.campaigns = tables.campaigns;
    this.items = tables.items;
    this.itemIndex = tables.itemIndex;
    this.ideas = tables.ideas;
  }

  /**
   * the name an erased person has in the audit log and in records of what they did as admin: an HMAC of their id
   * in its own domain ('erasure|'), so it never equals their voter-roll or participation pseudonyms.
   */
  erasurePseudonym(personId: string): string {
    return `erased:${keyedHash(this.secret, `erasure|${personId}`, 16)}`;
  }

  /** the person's named votes, through their index partition (a point read per vote). */
  async namedVotes(personId: string): Promise<NamedVoteRecord[]> {
    const out: NamedVoteRecord[] = [];
    for (const itemId of await this.votedItems(personId)) {
      const row = await readEntity<VoteEntity>(this.responses, itemId, voteRow(personId));
      if (row) out.push({ itemId, choices: JSON.parse(row.choices) as number[], name: row.name, at: new Date(row.at) });
    }
    return out.sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  /**
   * erases the person's named votes: each vote row is deleted in one batch with its poll's tally (ETag-guarded),
   * so the counts keep adding up; then the index row goes. Returns how many votes were erased.
   */
  async eraseNamedVotes(personId: string): Promise<number> {
    let erased = 0;
    for (const itemId of await this.votedItems(personId)) {
      if (await this.votes.withdrawNamedVote(itemId, personId)) erased++;
      await tolerateDone(this.responses.deleteEntity(namedVoteIndex.pk(personId), namedVoteIndex.rk(itemId)));
    }
    return erased;
  }

  /** the ideas the person supports or volunteers for, from their `backer|` index partition. */
  async backings(personId: string): Promise<Array<{ kind: 'support' | 'volunteer'; ideaId: string }>> {
    const out: Array<{ kind: 'support' | 'volunteer'; ideaId: string }> = [];
    for await (const row of this.ideas.listEntities<{ ideaId: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${IDEA_PK.backer(personId)}` },
    })) {
      out.push({ kind: String(row.rowKey).startsWith('support|') ? 'support' : 'volunteer', ideaId: row.ideaId });
    }
    return out;
  }

  /** the person's personal-chat record (for later 1:1 messages), if any. */
  async personalChat(personId: string): Promise<PersonalChatRecord | undefined> {
    const e = await readEntity<{ name: string; locale?: string; active: boolean; updatedAt: string }>(
      this.people,
      encodeKey(personId),
      'personal',
    );
    return e
      ? { name: e.name, locale: e.locale ?? undefined, active: e.active, updatedAt: new Date(e.updatedAt) }
      : undefined;
  }

  /** deletes the personal-chat record and the claim of the person's welcome; true when there was a record. */
  async erasePersonalChat(personId: string): Promise<boolean> {
    const existed = (await readEntity(this.people, encodeKey(personId), 'personal')) !== undefined;
    await tolerateDone(this.people.deleteEntity(encodeKey(personId), 'personal'));
    await tolerateDone(this.teams.deleteEntity('welcomed', encodeKey(`person:${personId}`)));
    return existed;
  }

  /**
   * replaces the person where they acted as admin or were named by an admin action: `grantedBy` of grants they
   * made, author fields of campaigns and of versions they sent for approval (with the held item's content), `createdBy`
   * of items they posted (and their creator index), and every audit
   * entry naming their id or one of `names`. Audit entries stay (what was done, when), with `replacement` as the
   * person. The audit log and the role and campaign tables are small; the audit log is scanned as a whole.
   */
  async replacePersonInRecords(personId: string, names: readonly string[], replacement: string): Promise<number> {
    let changed = 0;
    const swap = replacer(personId, names, replacement);
    for (const [table, filter] of [
      [this.roles, odata`PartitionKey eq ${'admin'} or PartitionKey eq ${'leader'}`],
      [this.campaigns, odata`PartitionKey eq ${'campaign'}`],
      // versions they sent to the staff council; the council's decision rows (memberId) are never touched.
      [
        this.campaigns,
        odata`PartitionKey ge ${'approval|'} and PartitionKey lt ${'approval}'} and requestedBy eq ${personId}`,
      ],
      [this.audit, undefined],
    ] as const) {
      const rows: Array<Record<string, unknown>> = [];
      for await (const row of table.listEntities<Record<string, unknown>>({ queryOptions: filter ? { filter } : {} }))
        rows.push(row);
      for (const row of rows) {
        const update = swap(row);
        if (!update) continue;
        await tolerateDone(
          table.updateEntity(
            { partitionKey: String(row.partitionKey), rowKey: String(row.rowKey), ...update },
            'Merge',
          ),
        );
        changed++;
      }
    }
    const creatorPk = `creator|${encodeKey(personId)}`;
    const created: Array<{ rowKey: string; itemId: string }> = [];
    for await (const row of this.itemIndex.listEntities<{ itemId: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${creatorPk}` },
    }))
      created.push({ rowKey: String(row.rowKey), itemId: row.itemId });
    for (const c of created) {
      await tolerateDone(
        this.items.updateEntity({ partitionKey: c.itemId, rowKey: 'item', createdBy: replacement }, 'Merge'),
      );
      await tolerateDone(this.itemIndex.deleteEntity(creatorPk, c.rowKey));
      changed++;
    }
    return changed;
  }

  private async votedItems(personId: string): Promise<string[]> {
    const ids: string[] = [];
    for await (const row of this.responses.listEntities<{ itemId: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${namedVoteIndex.pk(personId)}` },
    }))
      ids.push(row.itemId);
    return ids;
  }
}

const voteRow = (personId: string): string => `vote|${encodeKey(personId)}`;

/**
 * the string properties of a row with the person's id and names replaced; undefined when the row does not name
 * the person's id (names alone are not enough: someone else may share them). Keys are not touched.
 */
function replacer(
  personId: string,
  names: readonly string[],
  replacement: string,
): (row: Record<string, unknown>) => Record<string, string> | undefined {
  const needles = [personId, ...names.filter((n) => n.trim().length >= 2)].sort((a, b) => b.length - a.length);
  return (row) => {
    if (!Object.values(row).some((v) => typeof v === 'string' && v.includes(personId))) return undefined;
    const update: Record<string, string> = {};
    for (const [key, value] of Object.entries(row)) {
      if (['partitionKey', 'rowKey', 'etag', 'timestamp'].includes(key) || typeof value !== 'string') continue;
      let next = value;
      for (const needle of needles) next = next.split(needle).join(replacement);
      if (next !== value) update[key] = next;
    }
    return Object.keys(update).length > 0 ? update : undefined;
  };
}
