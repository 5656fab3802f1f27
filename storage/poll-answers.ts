import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { optionsOf, type Item } from '../core/items';
import { applyVote, effectiveMinGroupSize, emptyTally, sameChoices, type Tally } from '../core/tally';
import { AnswerGate, STATE_ROW, type GateState } from './answer-gate';
import type { BackgroundWork } from './background-work';
import { namedVoteIndex } from './named-vote-index';
import { keyedHash } from './keyed-hash';
import { RecentCache } from './recent-cache';
import type { SealedBox } from './sealed-box';
import {
  deleteRows,
  encodeKey,
  isConflict,
  isNotFound,
  isPreconditionFailed,
  readEntity,
  tolerateDone,
  withConcurrencyRetry,
} from './tables';

/** the person answering, taken from the activity (never from card data). */
export interface Respondent {
  aadObjectId: string;
  name: string;
}

export type VoteOutcome =
  | { status: 'recorded' | 'unchanged'; tally: Tally; choices: number[] }
  | { status: 'anonymous-final'; tally: Tally }
  /** the poll was closed while the vote was on its way: not counted. */
  | { status: 'closed'; tally: Tally };

/** a poll's state row: the final result once closed; while open, an anonymous poll's folded groups, sealed. */
interface PollStateRow extends GateState {
  counts?: string;
  voters?: number;
  /** the folded part of an open anonymous poll: a sealed Tally. */
  box?: string;
  /** closed with fewer voters than the minimum group: only the number of voters was kept. */
  withheld?: boolean;
  /** the voter roll holds rows written before pseudonyms were scoped per item (`voter|HMAC(person)`). */
  legacyRoll?: boolean;
}
interface VoteRow {
  choices: string;
  name: string;
  aadObjectId: string;
  at: string;
}
/** an anonymous vote not yet folded into its group: only this process and someone with the secret can open it. */
interface Ballot {
  rowKey: string;
  etag: string;
  choices: number[];
}

/** an open anonymous poll's running count, as a fold needs it. */
interface FoldState {
  folded: Tally;
  etag: string;
  legacyRoll: boolean;
}

/** a poll's partition as read at one moment. */
interface PollRead {
  /** the result as it is now: stored when final, else the votes (named) or the folded groups plus the pending ballots. */
  tally: Tally;
  /** closed, or closing: no answer gets in any more. */
  sealed: boolean;
  final: boolean;
  state?: PollStateRow & { etag: string };
  /** anonymous polls: the folded part and the ballots still pending. */
  folded: Tally;
  pending: Ballot[];
  /** anonymous polls: every voter-roll row, deleted when the poll closes. */
  voterRows: string[];
}

const rows = {
  vote: (aadObjectId: string) => `vote|${encodeKey(aadObjectId)}`,
  voter: (key: string) => `voter|${key}`,
};
/**
 * the columns a read of a poll's partition needs: the votes' choices, the ballots and the state row's fields (not
 * the voters' names, ids and times). Azure Tables answers a selected column a row lacks with null, Azurite leaves it out.
 */
const READ_COLUMNS = [
  'RowKey',
  'choices',
  'ballot',
  'counts',
  'voters',
  'box',
  'closed',
  'closing',
  'withheld',
  'legacyRoll',
];
/** a row as read with READ_COLUMNS, without the nulls of columns it does not have. */
function withoutNulls<T extends object>(row: T): T {
  for (const [k, v] of Object.entries(row)) if (v === null) delete (row as Record<string, unknown>)[k];
  return row;
}
/** a batch transaction holds at most 100 actions: the ballots of one fold and the state row. */
const FOLD_MAX = 99;
/** how long after an anonymous vote the ballots of all instances are looked at together, if this one has too few. */
const SWEEP_DELAY_MS = 5_000;

/**
 * poll votes, one row per voter and no row that every vote writes: a vote is one batch of its own row and a touch of
 * one of the poll's gates (AnswerGate), so concurrent voters never retry on each other. Named votes are summed on
 * read. An anonymous vote is a voter-roll row keyed by a pseudonym scoped to this poll, holding the choice sealed
 * (SealedBox); as soon as the minimum group of ballots is pending, one batch folds them into the poll's sealed running
 * count and empties their rows, so at any moment fewer than `MIN_GROUP_SIZE` ballots can be opened, even with the
 * secret. Closing counts every ballot (wherever it was written), stores the final result in plain numbers (only the
 * number of voters when they were fewer than the minimum group), and deletes the voter roll.
 */
export class PollAnswers {
  private readonly gate: AnswerGate;
  /** the result as this process last read it or moved it on with its own votes: a card after a vote needs no read. */
  private readonly views = new RecentCache<Tally>({ maxEntries: 5_000, maxAgeMs: 2_000 });
  /** whether an anonymous poll still has voter rows of the time before per-poll pseudonyms. */
  private readonly legacy = new RecentCache<boolean>({ maxEntries: 5_000, maxAgeMs: 10 * 60_000 });
  /** the ballots this process wrote and has not folded yet, per poll. */
  private readonly own = new Map<string, Map<string, Ballot>>();
  private readonly minGroup: number;

  constructor(
    private readonly table: TableClient,
    private readonly secret: string,
    private readonly box: SealedBox,
    minGroupSize: number,
    private readonly work: BackgroundWork,
  ) {
    this.gate = new AnswerGate(table);
    this.minGroup = effectiveMinGroupSize(minGroupSize);
  }

  /** the key of a person in one poll's voter roll: an HMAC of poll and person, so two polls' rolls share nothing. */
  voterKey(itemId: string, aadObjectId: string): string {
    return keyedHash(this.secret, `voter|${itemId}|${aadObjectId}`);
  }

  /** records a vote; a named vote may be changed while the poll is open, an anonymous one is final. */
  async cast(item: Item, who: Respondent, choices: number[], at: Date): Promise<VoteOutcome> {
    return item.anonymous ? this.castAnonymous(item, who, choices) : this.castNamed(item, who, choices, at);
  }

  private async castNamed(item: Item, who: Respondent, choices: number[], at: Date): Promise<VoteOutcome> {
    const index = {
      partitionKey: namedVoteIndex.pk(who.aadObjectId),
      rowKey: namedVoteIndex.rk(item.id),
      itemId: item.id,
    };
    // the person's index row is written before the vote, so their own-data export and erasure always find it.
    await this.table.upsertEntity(index, 'Replace');
    const vote = {
      partitionKey: item.id,
      rowKey: rows.vote(who.aadObjectId),
      choices: JSON.stringify(choices),
      name: who.name,
      aadObjectId: who.aadObjectId,
      at: at.toISOString(),
    };
    // written as if it were the person's first vote (no read before it); 409 says it is not, then the vote is changed.
    let blind = true;
    return withConcurrencyRetry(async (): Promise<VoteOutcome> => {
      const current = blind ? undefined : await readEntity<VoteRow>(this.table, item.id, vote.rowKey);
      blind = false;
      const previous = current ? (JSON.parse(current.choices) as number[]) : undefined;
      if (current && sameChoices(previous, choices))
        return { status: 'unchanged', tally: await this.viewOf(item), choices };
      const write: TransactionAction = current ? ['update', vote, 'Replace', { etag: current.etag }] : ['create', vote];
      if (
        (await this.gate.admit(item.id, () => this.table.submitTransaction([write, this.gate.touch(item.id)]))) ===
        'closed'
      ) {
        if (!current) await tolerateDone(this.table.deleteEntity(index.partitionKey, index.rowKey));
        return { status: 'closed', tally: await this.tally(item) };
      }
      return this.recorded(item, previous, choices);
    });
  }

  private async castAnonymous(item: Item, who: Respondent, choices: number[]): Promise<VoteOutcome> {
    if (
      (await this.hasLegacyRoll(item.id)) &&
      (await readEntity(this.table, item.id, rows.voter(this.legacyPseudonym(who.aadObjectId))))
    ) {
      return { status: 'anonymous-final', tally: await this.viewOf(item) };
    }
    const rowKey = rows.voter(this.voterKey(item.id, who.aadObjectId));
    const entity = { partitionKey: item.id, rowKey, ballot: this.box.seal(choices, item.id, rowKey) };
    let etag: string | undefined;
    let gate;
    try {
      gate = await this.gate.admit(item.id, async () => {
        etag = (await this.table.submitTransaction([['create', entity], this.gate.touch(item.id)])).subResponses[0]
          ?.etag;
      });
    } catch (e) {
      if (isConflict(e)) return { status: 'anonymous-final', tally: await this.viewOf(item) };
      throw e;
    }
    if (gate === 'closed') return { status: 'closed', tally: await this.tally(item) };
    if (etag) this.ownBallots(item.id).set(rowKey, { rowKey, etag, choices });
    this.planFold(item);
    return this.recorded(item, undefined, choices);
  }

  /** the outcome of a vote just written, with the result this process knows moved on by it (read when not known). */
  private async recorded(item: Item, previous: number[] | undefined, choices: number[]): Promise<VoteOutcome> {
    const known = this.views.get(item.id);
    const tally = known ? applyVote(known, previous, choices) : (await this.read(item)).tally;
    this.views.set(item.id, tally);
    return { status: 'recorded', tally, choices };
  }

  private async viewOf(item: Item): Promise<Tally> {
    return this.views.get(item.id) ?? this.tally(item);
  }

  /** the result of a poll now: one point read once it is closed, else its partition. */
  async tally(item: Item): Promise<Tally> {
    return (await this.tallyState(item)).tally;
  }

  /**
   * the result of a poll now, and whether it is sealed (closed, wherever that happened). With `recent`, an open poll's
   * result as this process read it or moved it on with its own votes in the last two seconds will do (`approximate`:
   * another instance's votes may be missing): one point read instead of the partition.
   */
  async tallyState(
    item: Item,
    options: { recent?: boolean } = {},
  ): Promise<{ tally: Tally; sealed: boolean; approximate?: boolean }> {
    const state = await readEntity<PollStateRow>(this.table, item.id, STATE_ROW);
    const known = options.recent && !state?.closed && !state?.closing ? this.views.get(item.id) : undefined;
    if (known) return { tally: known, sealed: false, approximate: true };
    const read = state?.closed ? { tally: this.finalOf(item, state), sealed: true } : await this.read(item);
    this.views.set(item.id, read.tally);
    return { tally: read.tally, sealed: read.sealed };
  }

  /**
   * closes the poll's answers and stores the final result: the gates go first (no vote gets in after), then every
   * ballot is counted wherever it was written, the result is written in plain numbers (an anonymous poll with fewer
   * voters than the minimum group keeps only their number), and the anonymous voter roll is deleted. Idempotent: a
   * close cut off halfway is finished by the next one.
   */
  async seal(item: Item): Promise<Tally> {
    await this.gate.close(item.id);
    // a named poll closed before needs nothing more (its votes stay for the people's own data); an anonymous one may
    // still hold voter rows of a close cut off halfway, so its partition is read.
    const stored = item.anonymous ? undefined : await readEntity<PollStateRow>(this.table, item.id, STATE_ROW);
    const final = stored?.closed
      ? this.finalOf(item, stored)
      : await withConcurrencyRetry(async () => {
          const read = await this.read(item);
          let tally = read.tally;
          if (!read.final) {
            const withheld = item.anonymous && read.tally.voters < this.minGroup;
            tally = {
              counts: withheld ? emptyTally(optionsOf(item).length).counts : read.tally.counts,
              voters: read.tally.voters,
            };
            const entity = {
              partitionKey: item.id,
              rowKey: STATE_ROW,
              counts: JSON.stringify(tally.counts),
              voters: tally.voters,
              closed: true,
              ...(withheld && { withheld: true }),
            };
            await this.table.updateEntity(entity, 'Replace', { etag: read.state?.etag ?? '*' });
          }
          // only once the final result is stored: the ballots in these rows are counted in it.
          if (item.anonymous) await deleteRows(this.table, item.id, read.voterRows);
          return tally;
        });
    this.own.delete(item.id);
    this.views.set(item.id, final);
    return final;
  }

  /**
   * removes a person's named vote (their own-data erasure). While the poll is open its result follows (it is summed
   * from the votes); once closed, the sealed result stays as it was: erasure removes the person's link, not a count.
   */
  async withdrawNamedVote(itemId: string, personId: string): Promise<boolean> {
    const removed = await withConcurrencyRetry(async () => {
      const vote = await readEntity<VoteRow>(this.table, itemId, rows.vote(personId));
      if (!vote) return false;
      await this.table.deleteEntity(itemId, rows.vote(personId), { etag: vote.etag });
      return true;
    });
    this.views.delete(itemId);
    return removed;
  }

  /** a person's current named vote, if any. */
  async namedVote(item: Item, aadObjectId: string): Promise<number[] | undefined> {
    const row = await readEntity<VoteRow>(this.table, item.id, rows.vote(aadObjectId));
    return row ? (JSON.parse(row.choices) as number[]) : undefined;
  }

  /**
   * whether a person is on an open anonymous poll's voter roll: a point read of the row their vote already wrote (no
   * row is written, nothing tells what they chose). False once the poll is closed (the roll is deleted then).
   */
  async hasAnonymousVote(item: Item, aadObjectId: string): Promise<boolean> {
    if (await readEntity(this.table, item.id, rows.voter(this.voterKey(item.id, aadObjectId)))) return true;
    return (
      (await this.hasLegacyRoll(item.id)) &&
      (await readEntity(this.table, item.id, rows.voter(this.legacyPseudonym(aadObjectId)))) !== undefined
    );
  }

  /** folds what is pending of an anonymous poll now (all instances' ballots), if a group is complete. */
  async sweep(item: Item): Promise<void> {
    const read = await this.read(item);
    this.own.delete(item.id);
    if (read.sealed) {
      if (!read.final) await this.seal(item); // a close was cut off: finish it
      return;
    }
    if (read.pending.length < this.minGroup || !read.state) return;
    let etag = read.state.etag;
    let folded = read.folded;
    for (const group of groupsOf(read.pending, this.minGroup)) {
      const result = await this.fold(item, group, folded, etag, read.state.legacyRoll === true);
      ({ folded, etag } = result);
    }
  }

  private planFold(item: Item): void {
    const mine = this.ownBallots(item.id);
    if (mine.size >= this.minGroup) this.work.run(`fold|${item.id}`, () => this.foldOwn(item));
    else this.work.later(`sweep|${item.id}`, SWEEP_DELAY_MS, () => this.sweep(item));
  }

  /** folds this process's own pending ballots of a poll; on any interference the sweep reads them all instead. */
  private async foldOwn(item: Item): Promise<void> {
    const mine = this.ownBallots(item.id);
    const ballots = [...mine.values()].slice(0, FOLD_MAX - 1);
    if (ballots.length < this.minGroup) return;
    for (const b of ballots) mine.delete(b.rowKey);
    try {
      const state = await this.readFoldState(item);
      await this.fold(item, ballots, state.folded, state.etag, state.legacyRoll);
    } catch (e) {
      if (!isPreconditionFailed(e) && !isNotFound(e)) throw e;
      this.work.later(`sweep|${item.id}`, SWEEP_DELAY_MS, () => this.sweep(item));
      return;
    }
    if (mine.size >= this.minGroup) this.work.run(`fold|${item.id}`, () => this.foldOwn(item));
  }

  /**
   * one batch: the ballots' rows emptied (each guarded by its ETag, so no ballot is counted twice) and the sealed
   * running count moved on by all of them (guarded by its ETag). Every row of the batch carries the same write time.
   */
  private async fold(
    item: Item,
    ballots: Ballot[],
    folded: Tally,
    etag: string,
    legacyRoll: boolean,
  ): Promise<{ folded: Tally; etag: string }> {
    const next = ballots.reduce((t, b) => applyVote(t, undefined, b.choices), folded);
    const state = {
      partitionKey: item.id,
      rowKey: STATE_ROW,
      box: this.box.seal(next, item.id, STATE_ROW),
      ...(legacyRoll && { legacyRoll: true }),
    };
    const actions: TransactionAction[] = [
      ...ballots.map((b): TransactionAction => [
        'update',
        { partitionKey: item.id, rowKey: b.rowKey },
        'Replace',
        { etag: b.etag },
      ]),
      ['update', state, 'Replace', { etag }],
    ];
    const result = await this.table.submitTransaction(actions);
    return { folded: next, etag: result.subResponses[ballots.length]?.etag ?? '*' };
  }

  /** an open anonymous poll's running count as stored, for a fold; a closing or closed poll is not folded (412). */
  private async readFoldState(item: Item): Promise<FoldState> {
    const state = await readEntity<PollStateRow>(this.table, item.id, STATE_ROW);
    if (!state || state.closed || state.closing) throw Object.assign(new Error('poll closing'), { statusCode: 412 });
    return { folded: this.foldedOf(item, state), etag: state.etag, legacyRoll: this.isLegacy(state) };
  }

  /** reads a poll's whole partition: its state, and its votes or ballots. */
  private async read(item: Item): Promise<PollRead> {
    let state: (PollStateRow & { etag: string }) | undefined;
    const n = optionsOf(item).length;
    let votes = emptyTally(n);
    const pending: Ballot[] = [];
    const voterRows: string[] = [];
    const all = this.table.listEntities<PollStateRow & Partial<VoteRow> & { ballot?: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${item.id}`, select: READ_COLUMNS },
    });
    for await (const row of all) {
      const rowKey = String(row.rowKey);
      if (rowKey === STATE_ROW) state = withoutNulls(row) as PollStateRow & { etag: string };
      else if (rowKey.startsWith('vote|') && row.choices)
        votes = applyVote(votes, undefined, JSON.parse(row.choices) as number[]);
      else if (rowKey.startsWith('voter|')) {
        voterRows.push(rowKey);
        if (row.ballot)
          pending.push({
            rowKey,
            etag: String(row.etag),
            choices: this.box.open<number[]>(row.ballot, item.id, rowKey),
          });
      }
    }
    if (state) this.legacy.set(item.id, this.isLegacy(state));
    const sealed = state?.closed === true || state?.closing === true;
    if (state?.closed)
      return {
        tally: this.finalOf(item, state),
        sealed,
        final: true,
        state,
        folded: emptyTally(n),
        pending: [],
        voterRows,
      };
    if (!item.anonymous)
      return { tally: votes, sealed, final: false, state, folded: emptyTally(n), pending: [], voterRows };
    const folded = this.foldedOf(item, state);
    const tally = pending.reduce((t, b) => applyVote(t, undefined, b.choices), folded);
    return { tally, sealed, final: false, state, folded, pending, voterRows };
  }

  /** the stored final result of a closed poll. */
  private finalOf(item: Item, state: PollStateRow): Tally {
    return this.plainOf(item, state) ?? emptyTally(optionsOf(item).length);
  }

  /** the folded part of an open anonymous poll: its sealed running count, or the plain one an older version kept. */
  private foldedOf(item: Item, state: PollStateRow | undefined): Tally {
    if (state?.box) return this.box.open<Tally>(state.box, item.id, STATE_ROW);
    return this.plainOf(item, state) ?? emptyTally(optionsOf(item).length);
  }

  private plainOf(item: Item, state: PollStateRow | undefined): Tally | undefined {
    if (state?.counts === undefined) return undefined;
    const counts = JSON.parse(state.counts) as number[];
    return { counts: optionsOf(item).map((_, i) => counts[i] ?? 0), voters: state.voters ?? 0 };
  }

  private isLegacy(state: PollStateRow): boolean {
    return state.legacyRoll === true || (!state.closed && state.counts !== undefined && (state.voters ?? 0) > 0);
  }

  /** whether an anonymous poll was answered before pseudonyms were scoped per poll (then both kinds are checked). */
  private async hasLegacyRoll(itemId: string): Promise<boolean> {
    const known = this.legacy.get(itemId);
    if (known !== undefined) return known;
    const state = await readEntity<PollStateRow>(this.table, itemId, STATE_ROW);
    const legacy = state !== undefined && this.isLegacy(state);
    this.legacy.set(itemId, legacy);
    return legacy;
  }

  /** the voter-roll pseudonym older versions used in every poll alike; only read, never written any more. */
  private legacyPseudonym(aadObjectId: string): string {
    return keyedHash(this.secret, aadObjectId);
  }

  private ownBallots(itemId: string): Map<string, Ballot> {
    let mine = this.own.get(itemId);
    if (!mine) this.own.set(itemId, (mine = new Map()));
    return mine;
  }
}

/**
 * splits pending ballots into batches of at most FOLD_MAX - 1, as even as possible, so that each holds at least the
 * minimum group when all of them do.
 */
export function groupsOf<T>(pending: T[], minGroup: number): T[][] {
  if (pending.length < minGroup) return [];
  const batches = Math.ceil(pending.length / (FOLD_MAX - 1));
  const size = Math.ceil(pending.length / batches);
  const out: T[][] = [];
  for (let i = 0; i < pending.length; i += size) out.push(pending.slice(i, i + size));
  return out;
}
