import { createHmac } from 'node:crypto';
import { type TableClient, type TransactionAction } from '@azure/data-tables';
import { optionsOf, type Item } from '../core/items';
import { applyVote, emptyTally, sameChoices, type Tally } from '../core/tally';
import { voterRow, type AnonymousParticipationLog } from './anonymous-participation-log';
import { namedVoteIndex } from './named-vote-index';
import type { IdeaRecord, IdeaRepository } from './idea-repository';
import type { ParticipationRepository } from './participation-repository';
import { encodeKey, isConflict, readEntity, rowPrefixFilter, tolerateDone, withConcurrencyRetry, type Tables } from './tables';

export { AnonymousParticipationLog } from './anonymous-participation-log';

/** the person answering, taken from the activity (never from card data). */
export interface Respondent {
  aadObjectId: string;
  name: string;
}

export type VoteOutcome =
  | { status: 'recorded' | 'unchanged'; tally: Tally; choices: number[] }
  | { status: 'anonymous-final'; tally: Tally }
  /** the poll was closed (its tally sealed) while the vote was on its way: not counted. */
  | { status: 'closed'; tally: Tally };

/** an idea as stored: named ideas carry their author, anonymous ones nothing but the text. */
export interface StoredIdea {
  key: string;
  /** the idea record in Ideas (absent on rows stored before ideas had records). */
  ideaId?: string;
  text: string;
  authorId?: string;
  authorName?: string;
}

const TALLY_ROW = 'tally';
const rows = {
  vote: (aadObjectId: string) => `vote|${encodeKey(aadObjectId)}`,
  voter: voterRow,
  idea: (key: string) => `idea|${key}`,
};

interface TallyEntity {
  counts: string;
  voters: number;
  /** set when the poll closes: the tally is final, no vote changes it any more. */
  closed?: boolean;
}
interface VoteEntity {
  choices: string;
  name: string;
  aadObjectId: string;
  at: string;
}


/**
 * answers to posted items. One partition per item: a tally or a list reads one partition.
 * Polls keep a tally row updated in the same batch transaction as the answer, guarded by ETags, so
 * retries and double clicks never double-count. Anonymous answers carry no user id: poll answers exist
 * only inside the tally; idea texts are written alone, and the voter roll (HMAC pseudonyms) follows later.
 */
export class ResponseRepository {
  private readonly table: TableClient;

  constructor(
    tables: Pick<Tables, 'responses'>,
    private readonly secret: string,
    private readonly participation: AnonymousParticipationLog,
    private readonly ideaStore: IdeaRepository,
    private readonly weekly: ParticipationRepository,
  ) {
    this.table = tables.responses;
  }

  /** the pseudonym of a person in the anonymous voter roll: an HMAC of the AAD object id with the server secret. */
  pseudonym(aadObjectId: string): string {
    return createHmac('sha256', this.secret).update(aadObjectId).digest('hex').slice(0, 40);
  }

  /**
   * records a poll vote; a named vote may be changed while the poll is open, an anonymous one is final.
   * Counts the voter in the team's weekly participation (`at`'s week): named at once, anonymous at the next flush.
   */
  async castVote(item: Item, who: Respondent, choices: number[], at: Date = new Date()): Promise<VoteOutcome> {
    const outcome = await withConcurrencyRetry(() => (item.anonymous ? this.castAnonymousVote(item, who, choices) : this.castNamedVote(item, who, choices)));
    if (!item.anonymous) await this.weekly.recordNamed(item.teamId, who.aadObjectId, at);
    else if (outcome.status === 'recorded') this.weekly.recordAnonymous(item.teamId, who.aadObjectId, at);
    return outcome;
  }

  private async castNamedVote(item: Item, who: Respondent, choices: number[]): Promise<VoteOutcome> {
    const indexRow = { partitionKey: namedVoteIndex.pk(who.aadObjectId), rowKey: namedVoteIndex.rk(item.id), itemId: item.id };
    const [tallyRow, voteRow] = await Promise.all([
      readEntity<TallyEntity>(this.table, item.id, TALLY_ROW),
      readEntity<VoteEntity>(this.table, item.id, rows.vote(who.aadObjectId)),
      // the person's index row is written before the vote (alongside the reads), so their own-data export and erasure always find it.
      this.table.upsertEntity(indexRow, 'Replace'),
    ]);
    const tally = this.tallyOf(item, tallyRow);
    if (tallyRow?.closed) {
      if (!voteRow) await tolerateDone(this.table.deleteEntity(indexRow.partitionKey, indexRow.rowKey));
      return { status: 'closed', tally };
    }
    const previous = voteRow ? (JSON.parse(voteRow.choices) as number[]) : undefined;
    if (sameChoices(previous, choices)) return { status: 'unchanged', tally, choices };
    const next = applyVote(tally, previous, choices);
    const vote = {
      partitionKey: item.id,
      rowKey: rows.vote(who.aadObjectId),
      choices: JSON.stringify(choices),
      name: who.name,
      aadObjectId: who.aadObjectId,
      at: new Date().toISOString(),
    };
    await this.table.submitTransaction([
      voteRow ? ['update', vote, 'Replace', { etag: voteRow.etag }] : ['create', vote],
      this.tallyAction(item.id, next, tallyRow?.etag),
    ]);
    return { status: 'recorded', tally: next, choices };
  }

  private async castAnonymousVote(item: Item, who: Respondent, choices: number[]): Promise<VoteOutcome> {
    const voterKey = rows.voter(this.pseudonym(who.aadObjectId));
    const [tallyRow, voterRow] = await Promise.all([
      readEntity<TallyEntity>(this.table, item.id, TALLY_ROW),
      readEntity(this.table, item.id, voterKey),
    ]);
    const tally = this.tallyOf(item, tallyRow);
    if (tallyRow?.closed) return { status: 'closed', tally };
    if (voterRow) return { status: 'anonymous-final', tally };
    const next = applyVote(tally, undefined, choices);
    await this.table.submitTransaction([['create', { partitionKey: item.id, rowKey: voterKey }], this.tallyAction(item.id, next, tallyRow?.etag)]);
    return { status: 'recorded', tally: next, choices };
  }

  private tallyAction(itemId: string, tally: Tally, etag: string | undefined): TransactionAction {
    const entity = { partitionKey: itemId, rowKey: TALLY_ROW, counts: JSON.stringify(tally.counts), voters: tally.voters };
    return etag ? ['update', entity, 'Replace', { etag }] : ['create', entity];
  }

  private tallyOf(item: Item, row: TallyEntity | undefined): Tally {
    const n = optionsOf(item).length;
    if (!row) return emptyTally(n);
    const counts = JSON.parse(row.counts) as number[];
    return { counts: Array.from({ length: n }, (_, i) => counts[i] ?? 0), voters: row.voters };
  }

  /**
   * makes a poll's tally final when the poll closes (ETag-guarded): a vote still on its way when the poll
   * closed fails its batch on the changed ETag, re-reads and is refused. So every view after closing shows
   * the same final result; no late vote can change it (two moments would otherwise differ by one answer).
   */
  async seal(item: Item): Promise<Tally> {
    return withConcurrencyRetry(async () => {
      const row = await readEntity<TallyEntity>(this.table, item.id, TALLY_ROW);
      const tally = this.tallyOf(item, row);
      if (row?.closed) return tally;
      const entity = { partitionKey: item.id, rowKey: TALLY_ROW, counts: JSON.stringify(tally.counts), voters: tally.voters, closed: true };
      if (row) await this.table.updateEntity(entity, 'Replace', { etag: row.etag });
      else await this.table.createEntity(entity);
      return tally;
    });
  }

  /** the current tally of a poll. */
  async tally(item: Item): Promise<Tally> {
    return this.tallyOf(item, await readEntity<TallyEntity>(this.table, item.id, TALLY_ROW));
  }

  /** a person's current named vote, if any. */
  async namedVote(item: Item, aadObjectId: string): Promise<number[] | undefined> {
    const row = await readEntity<VoteEntity>(this.table, item.id, rows.vote(aadObjectId));
    return row ? (JSON.parse(row.choices) as number[]) : undefined;
  }

  /**
   * stores an idea for a prompt: the idea record (Ideas: team, week, thread, author unless anonymous, status
   * 'new') and the prompt's Responses row, both keyed by `deliveryKey` (the activity id), so a retried delivery
   * stores it once while a second idea from the same person is a second idea. Counts the author in the team's
   * weekly participation; anonymous ideas carry no author anywhere and their voter roll follows at the next flush.
   */
  async submitIdea(item: Item, who: Respondent, text: string, deliveryKey: string, at: Date = new Date()): Promise<IdeaRecord> {
    const idea = await this.ideaStore.create({
      teamId: item.teamId,
      itemId: item.id,
      conversationId: item.conversationId,
      text,
      anonymous: item.anonymous,
      authorId: who.aadObjectId,
      authorName: who.name,
      createdAt: at,
      deliveryKey,
    });
    const rowKey = rows.idea(this.ideaStore.deliveryKeyOf(item.id, deliveryKey));
    const entity = item.anonymous
      ? { partitionKey: item.id, rowKey, text, ideaId: idea.ideaId }
      : { partitionKey: item.id, rowKey, text, ideaId: idea.ideaId, authorId: who.aadObjectId, authorName: who.name, at: idea.createdAt.toISOString() };
    try {
      await this.table.createEntity(entity);
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
    if (item.anonymous) {
      this.participation.record(item.id, this.pseudonym(who.aadObjectId));
      this.weekly.recordAnonymous(item.teamId, who.aadObjectId, idea.createdAt);
    } else {
      await this.weekly.recordNamed(item.teamId, who.aadObjectId, idea.createdAt);
    }
    return idea;
  }

  /** all ideas of an idea prompt. */
  async ideas(itemId: string): Promise<StoredIdea[]> {
    const out: StoredIdea[] = [];
    const iter = this.table.listEntities<{ text: string; ideaId?: string; authorId?: string; authorName?: string }>({ queryOptions: { filter: rowPrefixFilter(itemId, 'idea|') } });
    for await (const e of iter) out.push({ key: (e.rowKey ?? '').slice(5), ideaId: e.ideaId ?? undefined, text: e.text, authorId: e.authorId, authorName: e.authorName });
    return out;
  }

  /** how many ideas an idea prompt has received. */
  async ideaCount(itemId: string): Promise<number> {
    return this.countRows(itemId, 'idea|');
  }

  /**
   * ideas received and distinct people who sent them, reading the item's partition once for named prompts;
   * anonymous prompts count their voter roll, which lags behind.
   */
  async ideaStats(item: Item): Promise<{ ideas: number; participants: number }> {
    if (item.anonymous) {
      const [ideas, participants] = await Promise.all([this.countRows(item.id, 'idea|'), this.countRows(item.id, 'voter|')]);
      return { ideas, participants };
    }
    const authors = new Set<string | undefined>();
    let ideas = 0;
    const iter = this.table.listEntities<{ authorId?: string }>({ queryOptions: { filter: rowPrefixFilter(item.id, 'idea|'), select: ['RowKey', 'authorId'] } });
    for await (const e of iter) {
      ideas++;
      authors.add(e.authorId);
    }
    return { ideas, participants: authors.size };
  }

  /** how many distinct people answered an item. */
  async participantCount(item: Item): Promise<number> {
    return item.kind === 'poll' ? (await this.tally(item)).voters : (await this.ideaStats(item)).participants;
  }

  private async countRows(itemId: string, prefix: string): Promise<number> {
    let n = 0;
    for await (const _ of this.table.listEntities({ queryOptions: { filter: rowPrefixFilter(itemId, prefix), select: ['RowKey'] } })) n++;
    return n;
  }
}
