import type { TableClient } from '@azure/data-tables';
import type { Item } from '../core/items';
import type { Tally } from '../core/tally';
import { AnonymousIdeas, type IdeaStats } from './anonymous-ideas';
import type { BackgroundWork } from './background-work';
import type { IdeaRecord } from '../core/ideas/idea-record';
import type { IdeaRepository } from './idea-repository';
import type { ParticipationRepository } from './participation-repository';
import { RecentCache } from './recent-cache';
import { PollAnswers, type Respondent, type VoteOutcome } from './poll-answers';
import type { SealedBox } from './sealed-box';
import { isConflict, rowPrefixFilter, type Tables } from './tables';

export type { Respondent, VoteOutcome } from './poll-answers';
export type { IdeaStats } from './anonymous-ideas';

/** an idea as stored: named ideas carry their author, anonymous ones nothing but the text. */
export interface StoredIdea {
  key: string;
  /** the idea record in Ideas (absent on rows stored before ideas had records). */
  ideaId?: string;
  text: string;
  authorId?: string;
  authorName?: string;
}

/** an idea sent to a prompt: a named one is an idea at once; an anonymous one becomes one when the prompt closes. */
export type IdeaSubmission = { status: 'recorded'; idea?: IdeaRecord } | { status: 'closed' };

/** what the answer store needs besides its tables. */
export interface ResponseStoreOptions {
  secret: string;
  box: SealedBox;
  /** the minimum group (`MIN_GROUP_SIZE`): anonymous answers are folded, and stored results kept, in groups at least this large. */
  minGroupSize: number;
  work: BackgroundWork;
}

/**
 * answers to posted items, one partition per item (Responses). Poll votes are PollAnswers (one row per voter, no row
 * that every vote writes); ideas of named prompts are stored at once with their author; ideas of anonymous prompts
 * are AnonymousIdeas (sealed until they are folded in groups, written as ideas when the prompt closes).
 * docs/storage.md and docs/privacy.md explain the rows and what each guarantees.
 */
export class ResponseRepository {
  private readonly table: TableClient;
  private readonly polls: PollAnswers;
  private readonly anonymousIdeas: AnonymousIdeas;
  /** a named prompt's ideas per author as read a moment ago, for the viewers' own views; this instance's ideas drop it. */
  private readonly authorViews = new RecentCache<ReadonlyMap<string | undefined, number>>({
    maxEntries: 1_000,
    maxAgeMs: 2_000,
  });

  constructor(
    tables: Pick<Tables, 'responses'>,
    options: ResponseStoreOptions,
    private readonly ideaStore: IdeaRepository,
    private readonly weekly: ParticipationRepository,
  ) {
    this.table = tables.responses;
    this.polls = new PollAnswers(this.table, options.secret, options.box, options.minGroupSize, options.work);
    this.anonymousIdeas = new AnonymousIdeas(
      this.table,
      options.secret,
      options.box,
      ideaStore,
      options.minGroupSize,
      options.work,
    );
  }

  /** the key of a person in one poll's anonymous voter roll (scoped to that poll). */
  voterKey(itemId: string, aadObjectId: string): string {
    return this.polls.voterKey(itemId, aadObjectId);
  }

  /**
   * records a poll vote; a named vote may be changed while the poll is open, an anonymous one is final.
   * Counts the voter in the team's weekly participation (`at`'s week): named at once, anonymous at the next flush.
   */
  async castVote(item: Item, who: Respondent, choices: number[], at: Date): Promise<VoteOutcome> {
    const outcome = await this.polls.cast(item, who, choices, at);
    if (!item.anonymous && outcome.status !== 'closed') await this.weekly.recordNamed(item.teamId, who.aadObjectId, at);
    else if (outcome.status === 'recorded') this.weekly.recordAnonymous(item.teamId, who.aadObjectId, at);
    return outcome;
  }

  /**
   * closes an item's answers for good: a poll's final result is stored (no late vote changes it), an anonymous
   * prompt's ideas are written. Idempotent. Returns the poll's final tally (undefined for idea prompts).
   */
  async seal(item: Item, at: Date): Promise<Tally | undefined> {
    if (item.kind === 'poll') return this.polls.seal(item);
    if (item.anonymous) await this.anonymousIdeas.close(item, at);
    return undefined;
  }

  /** folds what is pending of an item now, if its group is complete (normally done in the background). */
  async sweep(item: Item): Promise<void> {
    if (item.kind === 'poll') await this.polls.sweep(item);
    else if (item.anonymous) await this.anonymousIdeas.sweep(item);
  }

  /** the current tally of a poll. */
  async tally(item: Item): Promise<Tally> {
    return this.polls.tally(item);
  }

  /**
   * the current tally of a poll, and whether it is sealed (the poll was closed, wherever that happened); with `recent`
   * an open poll's result may be this instance's view of the last two seconds (`approximate`).
   */
  async tallyState(
    item: Item,
    options: { recent?: boolean } = {},
  ): Promise<{ tally: Tally; sealed: boolean; approximate?: boolean }> {
    return this.polls.tallyState(item, options);
  }

  /** removes a person's named vote (own-data erasure); a closed poll's result stays as sealed. False when there was none. */
  async withdrawNamedVote(itemId: string, personId: string): Promise<boolean> {
    return this.polls.withdrawNamedVote(itemId, personId);
  }

  /** a person's current named vote, if any. */
  async namedVote(item: Item, aadObjectId: string): Promise<number[] | undefined> {
    return this.polls.namedVote(item, aadObjectId);
  }

  /**
   * what a person's own view of an item may say about their answer, without writing anything: a named poll's vote;
   * whether they are on an open anonymous poll's voter roll or among an open anonymous prompt's authors; how many
   * ideas they sent to a named prompt. Closed anonymous items keep no link to a person: nothing.
   */
  async ownAnswer(
    item: Item,
    aadObjectId: string,
  ): Promise<{ choices?: number[]; answeredAnonymously?: boolean; ideas?: number }> {
    if (item.anonymous && item.status !== 'open') return {}; // closing deleted every row that named a pseudonym
    if (item.kind === 'poll') {
      if (!item.anonymous) {
        const choices = await this.polls.namedVote(item, aadObjectId);
        return choices ? { choices } : {};
      }
      return (await this.polls.hasAnonymousVote(item, aadObjectId)) ? { answeredAnonymously: true } : {};
    }
    if (item.anonymous)
      return (await this.anonymousIdeas.hasSubmitted(item, aadObjectId)) ? { answeredAnonymously: true } : {};
    const byAuthor = await this.authorViews.through(item.id, () => this.ideasByAuthor(item.id));
    const ideas = byAuthor?.get(aadObjectId) ?? 0;
    return ideas > 0 ? { ideas } : {};
  }

  /**
   * stores an idea for a prompt, keyed by `deliveryKey` (the activity id), so a retried delivery stores it once while a
   * second idea from the same person is a second idea. A named idea becomes an idea record at once (Ideas: team, week,
   * thread, author, status 'new') with the prompt's Responses row; an anonymous one is kept sealed until the prompt
   * closes (AnonymousIdeas). Counts the author in the team's weekly participation.
   */
  async submitIdea(item: Item, who: Respondent, text: string, deliveryKey: string, at: Date): Promise<IdeaSubmission> {
    if (item.anonymous) {
      if ((await this.anonymousIdeas.submit(item, who.aadObjectId, text, deliveryKey)) === 'closed')
        return { status: 'closed' };
      this.weekly.recordAnonymous(item.teamId, who.aadObjectId, at);
      return { status: 'recorded' };
    }
    const idea = await this.ideaStore.create({
      teamId: item.teamId,
      itemId: item.id,
      conversationId: item.conversationId,
      text,
      anonymous: false,
      authorId: who.aadObjectId,
      authorName: who.name,
      createdAt: at,
      deliveryKey,
    });
    const rowKey = `idea|${this.ideaStore.deliveryKeyOf(item.id, deliveryKey)}`;
    try {
      await this.table.createEntity({
        partitionKey: item.id,
        rowKey,
        text,
        ideaId: idea.ideaId,
        authorId: who.aadObjectId,
        authorName: who.name,
        at: idea.createdAt.toISOString(),
      });
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
    this.authorViews.delete(item.id);
    await this.weekly.recordNamed(item.teamId, who.aadObjectId, idea.createdAt);
    return { status: 'recorded', idea };
  }

  /** all ideas of an idea prompt. */
  async ideas(itemId: string): Promise<StoredIdea[]> {
    const out: StoredIdea[] = [];
    const iter = this.table.listEntities<{ text: string; ideaId?: string; authorId?: string; authorName?: string }>({
      queryOptions: { filter: rowPrefixFilter(itemId, 'idea|') },
    });
    for await (const e of iter)
      out.push({
        key: (e.rowKey ?? '').slice(5),
        ideaId: e.ideaId ?? undefined,
        text: e.text,
        authorId: e.authorId,
        authorName: e.authorName,
      });
    return out;
  }

  /** how many ideas an idea prompt has received. */
  async ideaCount(itemId: string): Promise<number> {
    return this.countRows(itemId, 'idea|');
  }

  /** ideas received and distinct people who sent them (an anonymous prompt's from its sealed rows until it closes). */
  async ideaStats(item: Item): Promise<IdeaStats> {
    if (item.anonymous) return this.anonymousIdeas.stats(item);
    const byAuthor = await this.ideasByAuthor(item.id);
    return { ideas: [...byAuthor.values()].reduce((a, b) => a + b, 0), participants: byAuthor.size };
  }

  /** how many ideas each author sent to a named prompt (one read of its idea rows). */
  private async ideasByAuthor(itemId: string): Promise<Map<string | undefined, number>> {
    const byAuthor = new Map<string | undefined, number>();
    const iter = this.table.listEntities<{ authorId?: string }>({
      queryOptions: { filter: rowPrefixFilter(itemId, 'idea|'), select: ['RowKey', 'authorId'] },
    });
    for await (const e of iter) byAuthor.set(e.authorId, (byAuthor.get(e.authorId) ?? 0) + 1);
    return byAuthor;
  }

  /** how many distinct people answered an item. */
  async participantCount(item: Item): Promise<number> {
    return item.kind === 'poll' ? (await this.tally(item)).voters : (await this.ideaStats(item)).participants;
  }

  private async countRows(itemId: string, prefix: string): Promise<number> {
    let n = 0;
    for await (const _ of this.table.listEntities({
      queryOptions: { filter: rowPrefixFilter(itemId, prefix), select: ['RowKey'] },
    }))
      n++;
    return n;
  }
}
