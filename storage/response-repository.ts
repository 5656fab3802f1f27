import { createHmac } from 'node:crypto';
import { type TableClient, type TransactionAction } from '@azure/data-tables';
import { optionsOf, type Item } from '../core/items';
import { applyVote, emptyTally, removeVote, sameChoices, type Tally } from '../core/tally';
import { voterRow, type AnonymousParticipationLog } from './anonymous-participation-log';
import { namedVoteIndex } from './named-vote-index';
import { RecentCache } from './recent-cache';
import type { IdeaRecord, IdeaRepository } from './idea-repository';
import type { ParticipationRepository } from './participation-repository';
import { encodeKey, isConflict, isNotFound, isPreconditionFailed, readEntity, rowPrefixFilter, tolerateDone, withConcurrencyRetry, type Tables } from './tables';

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
/** a tally row as this process last read or wrote it, with the ETag that proves it is still current. */
interface KnownTally {
  row: TallyEntity;
  etag: string;
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
 *
 * A first vote is written blind: the tally this process last saw (with its ETag) and a new vote or voter row go
 * out as one batch without reading anything. If the person voted before (409), the tally moved on (412), or it
 * is gone (404), nothing was written and the vote takes the reading path.
 */
export class ResponseRepository {
  private readonly table: TableClient;
  /** tally rows last read or written by this process, per item. */
  private readonly knownTallies = new RecentCache<KnownTally>({ maxEntries: 5_000, maxAgeMs: 10 * 60_000 });

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
    const outcome =
      (await this.castFirstVoteBlind(item, who, choices)) ??
      (await withConcurrencyRetry(() => (item.anonymous ? this.castAnonymousVote(item, who, choices) : this.castNamedVote(item, who, choices))));
    if (!item.anonymous) await this.weekly.recordNamed(item.teamId, who.aadObjectId, at);
    else if (outcome.status === 'recorded') this.weekly.recordAnonymous(item.teamId, who.aadObjectId, at);
    return outcome;
  }

  /**
   * a vote as if it were the person's first, against the tally this process knows, in one batch and without a
   * read; undefined when that cannot be decided so (no tally known, or the batch refused): nothing was counted then.
   */
  private async castFirstVoteBlind(item: Item, who: Respondent, choices: number[]): Promise<VoteOutcome | undefined> {
    const known = this.knownTallies.get(item.id);
    if (!known || known.row.closed) return undefined;
    const next = applyVote(this.tallyOf(item, known.row), undefined, choices);
    const answerRow = item.anonymous ? { partitionKey: item.id, rowKey: rows.voter(this.pseudonym(who.aadObjectId)) } : this.voteEntity(item, who, choices);
    if (!item.anonymous) await this.table.upsertEntity(this.indexRow(item, who), 'Replace');
    try {
      await this.submitWithTally(item.id, [['create', answerRow]], next, known.etag);
    } catch (e) {
      if (isConflict(e) || isPreconditionFailed(e) || isNotFound(e)) return undefined;
      throw e;
    }
    return { status: 'recorded', tally: next, choices };
  }

  /** the person's row in the named-vote index, which their own-data export and erasure read. */
  private indexRow(item: Item, who: Respondent) {
    return { partitionKey: namedVoteIndex.pk(who.aadObjectId), rowKey: namedVoteIndex.rk(item.id), itemId: item.id };
  }

  private voteEntity(item: Item, who: Respondent, choices: number[]) {
    return { partitionKey: item.id, rowKey: rows.vote(who.aadObjectId), choices: JSON.stringify(choices), name: who.name, aadObjectId: who.aadObjectId, at: new Date().toISOString() };
  }

  /** the answer rows and the tally in one batch transaction (a sealed tally written sealed); remembers the tally it wrote. */
  private async submitWithTally(itemId: string, answer: TransactionAction[], tally: Tally, etag: string | undefined, sealed = false): Promise<void> {
    const row: TallyEntity = { counts: JSON.stringify(tally.counts), voters: tally.voters, ...(sealed && { closed: true }) };
    const entity = { partitionKey: itemId, rowKey: TALLY_ROW, ...row };
    try {
      const result = await this.table.submitTransaction([...answer, etag ? ['update', entity, 'Replace', { etag }] : ['create', entity]]);
      // sub-responses come in the order of the actions; an update's carries no row key to look it up by.
      this.remember(itemId, row, result.subResponses[answer.length]?.etag);
    } catch (e) {
      this.knownTallies.delete(itemId);
      throw e;
    }
  }

  private remember(itemId: string, row: TallyEntity, etag: string | undefined): void {
    if (etag) this.knownTallies.set(itemId, { row, etag });
    else this.knownTallies.delete(itemId);
  }

  /** reads a tally row and remembers it. */
  private async readTally(itemId: string): Promise<(TallyEntity & { etag: string }) | undefined> {
    const row = await readEntity<TallyEntity>(this.table, itemId, TALLY_ROW);
    if (row) this.remember(itemId, { counts: row.counts, voters: row.voters, ...(row.closed && { closed: true }) }, row.etag);
    return row;
  }

  private async castNamedVote(item: Item, who: Respondent, choices: number[]): Promise<VoteOutcome> {
    const indexRow = this.indexRow(item, who);
    const [tallyRow, voteRow] = await Promise.all([
      this.readTally(item.id),
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
    const vote = this.voteEntity(item, who, choices);
    await this.submitWithTally(item.id, [voteRow ? ['update', vote, 'Replace', { etag: voteRow.etag }] : ['create', vote]], next, tallyRow?.etag);
    return { status: 'recorded', tally: next, choices };
  }

  private async castAnonymousVote(item: Item, who: Respondent, choices: number[]): Promise<VoteOutcome> {
    const voterKey = rows.voter(this.pseudonym(who.aadObjectId));
    const [tallyRow, voterRow] = await Promise.all([this.readTally(item.id), readEntity(this.table, item.id, voterKey)]);
    const tally = this.tallyOf(item, tallyRow);
    if (tallyRow?.closed) return { status: 'closed', tally };
    if (voterRow) return { status: 'anonymous-final', tally };
    const next = applyVote(tally, undefined, choices);
    await this.submitWithTally(item.id, [['create', { partitionKey: item.id, rowKey: voterKey }]], next, tallyRow?.etag);
    return { status: 'recorded', tally: next, choices };
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
      const row = await this.readTally(item.id);
      const tally = this.tallyOf(item, row);
      if (row?.closed) return tally;
      const sealed: TallyEntity = { counts: JSON.stringify(tally.counts), voters: tally.voters, closed: true };
      const entity = { partitionKey: item.id, rowKey: TALLY_ROW, ...sealed };
      const written = row ? await this.table.updateEntity(entity, 'Replace', { etag: row.etag }) : await this.table.createEntity(entity);
      this.remember(item.id, sealed, written.etag);
      return tally;
    });
  }

  /** the current tally of a poll. */
  async tally(item: Item): Promise<Tally> {
    return (await this.tallyState(item)).tally;
  }

  /** the current tally of a poll, and whether it is sealed (the poll was closed, wherever that happened). */
  async tallyState(item: Item): Promise<{ tally: Tally; sealed: boolean }> {
    const row = await this.readTally(item.id);
    return { tally: this.tallyOf(item, row), sealed: row?.closed === true };
  }

  /**
   * removes a person's named vote from a poll (their own-data erasure): the vote row is deleted in one batch with
   * the tally (ETag-guarded), so the counts keep adding up; a sealed tally stays sealed. False when there was none.
   */
  async withdrawNamedVote(itemId: string, personId: string): Promise<boolean> {
    return withConcurrencyRetry(async () => {
      const [tally, vote] = await Promise.all([this.readTally(itemId), readEntity<VoteEntity>(this.table, itemId, rows.vote(personId))]);
      if (!vote) return false;
      if (!tally) {
        await this.table.deleteEntity(itemId, rows.vote(personId), { etag: vote.etag });
        return true;
      }
      const next = removeVote({ counts: JSON.parse(tally.counts) as number[], voters: tally.voters }, JSON.parse(vote.choices) as number[]);
      // guarded by the tally's ETag: a concurrent vote change moves the tally too
      await this.submitWithTally(itemId, [['delete', { partitionKey: itemId, rowKey: rows.vote(personId) }]], next, tally.etag, tally.closed);
      return true;
    });
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
