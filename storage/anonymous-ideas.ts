import { randomBytes } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { Item } from '../core/items';
import { effectiveMinGroupSize } from '../core/tally';
import { AnswerGate, STATE_ROW, type GateState } from './answer-gate';
import type { BackgroundWork } from './background-work';
import type { IdeaRepository } from './idea-repository';
import { isPromptIdeaId } from './idea-rows';
import { keyedHash } from './keyed-hash';
import type { SealedBox } from './sealed-box';
import { RecentCache } from './recent-cache';
import { shuffle } from './shuffle';
import { deleteRows, isConflict } from './tables';

/** what an anonymous idea prompt has received, and from how many people. */
export interface IdeaStats {
  ideas: number;
  participants: number;
}

/** an anonymous prompt's state row once it is closed. */
interface PromptStateRow extends GateState {
  ideas?: number;
  participants?: number;
  /** closed with fewer people than the minimum group: the texts were not kept, only how many there were. */
  withheld?: boolean;
}
/** one idea as sent, sealed: the author's pseudonym in this prompt and the text. */
interface PendingIdea {
  rowKey: string;
  etag: string;
  author: string;
  text: string;
}
/** ideas of at least the minimum group of people, folded together: pseudonyms and texts, each list shuffled, sealed. */
interface Group {
  rowKey: string;
  authors: string[];
  texts: string[];
}
interface PromptRead {
  state?: PromptStateRow & { etag: string };
  pending: PendingIdea[];
  groups: Group[];
  /** every row of submissions (pending or emptied by a fold), deleted at close. */
  submissions: string[];
  /** rows of older versions: idea texts stored at once, and their voter roll. */
  legacyIdeas: number;
  legacyVoters: string[];
}

const SUBMISSION = 'box|';
const GROUP = 'group|';
/** a fold empties at most this many submissions in one batch with the new group row and the state row's guard. */
const FOLD_MAX = 98;
const SWEEP_DELAY_MS = 1_000;

/**
 * the ideas of an anonymous idea prompt, which nobody sees before it closes. A submission is one row holding the
 * author's pseudonym (scoped to this prompt) and the text, sealed (SealedBox), written with a touch of the prompt's
 * gates; as soon as the pending submissions come from the minimum group of people, one batch folds them into a group
 * row and empties theirs. At close every text is written at once as an idea of the prompt (Ideas and Responses, in
 * shuffled batches, with keys and write times that tie no text to a person or a moment), the state row keeps the
 * number of ideas and of people, and every submission and group row is deleted. A prompt closed with fewer people
 * than the minimum group keeps only those numbers: its texts could never be shown.
 */
export class AnonymousIdeas {
  private readonly gate: AnswerGate;
  private readonly minGroup: number;
  /**
   * the author pseudonyms of an open prompt as read a moment ago (empty once it closes), for the viewers' own views:
   * every viewer's client asks after each shared update, and one partition read serves them all. Kept in memory
   * only, pseudonyms without texts; this instance's own submissions drop it.
   */
  private readonly authorViews = new RecentCache<ReadonlySet<string>>({ maxEntries: 1_000, maxAgeMs: 2_000 });

  constructor(
    private readonly table: TableClient,
    private readonly secret: string,
    private readonly box: SealedBox,
    private readonly ideas: IdeaRepository,
    minGroupSize: number,
    private readonly work: BackgroundWork,
  ) {
    this.gate = new AnswerGate(table);
    this.minGroup = effectiveMinGroupSize(minGroupSize);
  }

  /** stores a submission; the same delivery again changes nothing. 'closed' when the prompt was closed meanwhile. */
  async submit(item: Item, aadObjectId: string, text: string, deliveryKey: string): Promise<'recorded' | 'closed'> {
    const rowKey = `${SUBMISSION}${this.ideas.deliveryKeyOf(item.id, deliveryKey)}`;
    const author = this.hmac(`author|${item.id}|${aadObjectId}`);
    const entity = { partitionKey: item.id, rowKey, sealed: this.box.seal({ author, text }, item.id, rowKey) };
    try {
      if (
        (await this.gate.admit(item.id, () =>
          this.table.submitTransaction([['create', entity], this.gate.touch(item.id)]),
        )) === 'closed'
      )
        return 'closed';
    } catch (e) {
      if (!isConflict(e)) throw e; // a retried delivery: stored already
    }
    this.authorViews.delete(item.id);
    this.work.later(`ideas|${item.id}`, SWEEP_DELAY_MS, () => this.sweep(item));
    return 'recorded';
  }

  /** ideas and distinct people so far (open: counted from the sealed rows; closed: as stored). */
  async stats(item: Item): Promise<IdeaStats> {
    const read = await this.read(item);
    if (read.state?.closed) return { ideas: read.state.ideas ?? 0, participants: read.state.participants ?? 0 };
    const authors = new Set([...read.pending.map((p) => p.author), ...read.groups.flatMap((g) => g.authors)]);
    return {
      ideas: read.legacyIdeas + read.pending.length + read.groups.reduce((n, g) => n + g.texts.length, 0),
      participants: read.legacyVoters.length + authors.size,
    };
  }

  /**
   * whether a person has sent ideas to this open prompt: their pseudonym among the sealed submissions and groups
   * (read only; how many of the texts are theirs is not kept once folded). False once the prompt is closed.
   */
  async hasSubmitted(item: Item, aadObjectId: string): Promise<boolean> {
    const authors = await this.authorViews.through(item.id, async () => {
      const read = await this.read(item);
      if (read.state?.closed || read.state?.closing) return new Set<string>();
      return new Set([...read.pending.map((p) => p.author), ...read.groups.flatMap((g) => g.authors)]);
    });
    return authors?.has(this.hmac(`author|${item.id}|${aadObjectId}`)) ?? false;
  }

  /** folds the pending submissions into a group once they come from the minimum group of people. */
  async sweep(item: Item): Promise<void> {
    const read = await this.read(item);
    if (read.state?.closing && !read.state.closed) {
      await this.close(item, new Date()); // a close was cut off: finish it
      return;
    }
    if (read.state?.closed || !read.state) return;
    // every fold is guarded by the state row's ETag: once the prompt starts closing, no group can appear behind the close.
    let guard = read.state.etag;
    const pending = shuffle([...read.pending]);
    while (new Set(pending.map((p) => p.author)).size >= this.minGroup) {
      const group = pending.splice(0, FOLD_MAX);
      if (new Set(group.map((p) => p.author)).size < this.minGroup) break;
      const entity = { partitionKey: item.id, rowKey: `${GROUP}${randomBytes(16).toString('hex')}` };
      const sealed = {
        authors: shuffle([...new Set(group.map((p) => p.author))]),
        texts: shuffle(group.map((p) => p.text)),
      };
      const result = await this.table.submitTransaction([
        ...group.map((p): TransactionAction => [
          'update',
          { partitionKey: item.id, rowKey: p.rowKey },
          'Replace',
          { etag: p.etag },
        ]),
        ['create', { ...entity, sealed: this.box.seal(sealed, item.id, entity.rowKey) }],
        ['update', { partitionKey: item.id, rowKey: STATE_ROW }, 'Merge', { etag: guard }],
      ]);
      guard = result.subResponses[group.length + 1]?.etag ?? guard;
    }
  }

  /**
   * closes the prompt's answers (idempotent; a close cut off halfway is finished by the next one): no submission gets
   * in after the gates are gone, every text is written as an idea of the prompt, the numbers are kept, and every
   * submission, group and voter-roll row is deleted.
   */
  async close(item: Item, closedAt: Date): Promise<void> {
    this.authorViews.delete(item.id);
    await this.gate.close(item.id);
    const read = await this.read(item);
    if (!read.state?.closed) {
      const texts = [
        ...read.pending.map((p) => ({ source: p.rowKey, text: p.text })),
        ...read.groups.flatMap((g) => g.texts.map((text, i) => ({ source: `${g.rowKey}|${i}`, text }))),
      ];
      const authors = new Set([...read.pending.map((p) => p.author), ...read.groups.flatMap((g) => g.authors)]);
      const participants = authors.size + read.legacyVoters.length;
      const withheld = participants < this.minGroup;
      if (!withheld && texts.length > 0) {
        // keys derived from rows that are deleted below: a repeated close writes the same ideas, and nothing left in storage leads back.
        const keyed = texts.map((t) => ({
          key: this.hmac(`closed|${item.id}|${t.source}`).slice(0, 32),
          text: t.text,
        }));
        await this.ideas.createForClosedPrompt(item, keyed, closedAt);
      }
      const final = {
        partitionKey: item.id,
        rowKey: STATE_ROW,
        ideas: read.legacyIdeas + texts.length,
        participants,
        closed: true,
        ...(withheld && { withheld: true }),
      };
      await this.table.upsertEntity(final, 'Replace');
    }
    // only once the ideas and the numbers are stored: these rows hold the texts they were made from.
    await deleteRows(this.table, item.id, [
      ...read.submissions,
      ...read.groups.map((g) => g.rowKey),
      ...read.legacyVoters,
    ]);
  }

  private async read(item: Item): Promise<PromptRead> {
    const out: PromptRead = { pending: [], groups: [], submissions: [], legacyIdeas: 0, legacyVoters: [] };
    const rows = this.table.listEntities<PromptStateRow & { sealed?: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${item.id}` },
    });
    for await (const row of rows) {
      const rowKey = String(row.rowKey);
      if (rowKey === STATE_ROW) out.state = row as PromptStateRow & { etag: string };
      else if (rowKey.startsWith(SUBMISSION)) {
        out.submissions.push(rowKey);
        if (row.sealed)
          out.pending.push({
            rowKey,
            etag: String(row.etag),
            ...this.box.open<{ author: string; text: string }>(row.sealed, item.id, rowKey),
          });
      } else if (rowKey.startsWith(GROUP) && row.sealed)
        out.groups.push({
          rowKey,
          ...this.box.open<{ authors: string[]; texts: string[] }>(row.sealed, item.id, rowKey),
        });
      else if (rowKey.startsWith('idea|') && !isPromptIdeaId(String((row as { ideaId?: string }).ideaId ?? '')))
        out.legacyIdeas++;
      else if (rowKey.startsWith('voter|')) out.legacyVoters.push(rowKey);
    }
    return out;
  }

  private hmac(text: string): string {
    return keyedHash(this.secret, text);
  }
}
