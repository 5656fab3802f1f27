import { optionsOf, type Item } from './items';
import type { Locale } from './locale';
import { optionLabels } from './reader-words';

/** counts per option plus the number of people who voted (multi-choice voters count once). */
export interface Tally {
  counts: number[];
  voters: number;
}

/** an empty tally for a poll with n options. */
export function emptyTally(n: number): Tally {
  return { counts: new Array<number>(n).fill(0), voters: 0 };
}

/**
 * applies one person's vote to a tally: removes their previous choices (if any) and adds the new ones.
 * Pure; the caller persists the result under an ETag.
 */
export function applyVote(tally: Tally, previous: readonly number[] | undefined, next: readonly number[]): Tally {
  const counts = [...tally.counts];
  for (const i of previous ?? []) counts[i] = Math.max(0, (counts[i] ?? 0) - 1);
  for (const i of next) counts[i] = (counts[i] ?? 0) + 1;
  return { counts, voters: previous ? tally.voters : tally.voters + 1 };
}

/**
 * takes one person's vote out of a tally (their named vote is erased): removes their choices and the voter.
 * Pure; the caller persists the result under an ETag.
 */
export function removeVote(tally: Tally, previous: readonly number[]): Tally {
  const counts = [...tally.counts];
  for (const i of previous) counts[i] = Math.max(0, (counts[i] ?? 0) - 1);
  return { counts, voters: Math.max(0, tally.voters - 1) };
}

/** whether two choice lists are the same set. */
export function sameChoices(a: readonly number[] | undefined, b: readonly number[]): boolean {
  if (!a || a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}

/** the smallest group whose answers may be shown; never below 3, whatever is configured. */
export const MIN_GROUP_FLOOR = 3;
export function effectiveMinGroupSize(configured: number): number {
  return Math.max(MIN_GROUP_FLOOR, Math.floor(configured));
}

export interface ResultRow {
  label: string;
  count: number;
  /** whole percent of voters. */
  percent: number;
}

/** what a card may show about a poll's answers right now. */
export type PollResults =
  | { visible: true; voters: number; rows: ResultRow[]; average?: number }
  | { visible: false; reason: 'below-threshold'; voters: number; needed: number }
  | { visible: false; reason: 'anonymous-open'; voters: number; needed: number };

/**
 * applies the anonymity rules: results only from at least minGroupSize voters, and for anonymous polls
 * only after the poll has closed (so nobody learns a single answer by comparing two moments). With the reader's
 * locale, rows carry the labels that reader sees (yes/no in their language).
 */
export function pollResults(
  item: Pick<Item, 'kind' | 'pollKind' | 'options' | 'anonymous' | 'status' | 'yesNo'>,
  tally: Tally,
  minGroupSize: number,
  locale?: Locale,
): PollResults {
  const min = effectiveMinGroupSize(minGroupSize);
  const needed = Math.max(0, min - tally.voters);
  if (item.anonymous && item.status !== 'closed')
    return { visible: false, reason: 'anonymous-open', voters: tally.voters, needed };
  if (tally.voters < min) return { visible: false, reason: 'below-threshold', voters: tally.voters, needed };
  const options = locale ? optionLabels(item, locale) : optionsOf(item);
  const rows = options.map((label, i) => {
    const count = tally.counts[i] ?? 0;
    return { label, count, percent: Math.round((count * 100) / tally.voters) };
  });
  if (item.pollKind !== 'rating') return { visible: true, voters: tally.voters, rows };
  const sum = rows.reduce((acc, r, i) => acc + r.count * (i + 1), 0);
  const answers = rows.reduce((acc, r) => acc + r.count, 0);
  return { visible: true, voters: tally.voters, rows, average: answers ? Math.round((sum / answers) * 10) / 10 : 0 };
}

/** an idea prompt as far as showing its idea texts is concerned. */
export interface IdeaPromptState {
  anonymous: boolean;
  /** the prompt is closed: no answer can be added any more. */
  closed: boolean;
  /** distinct people who submitted ideas. */
  participants: number;
}

/**
 * whether the idea texts of a prompt may be shown. Named ideas always; anonymous ones only after the prompt
 * has closed and from `minGroupSizeText` participants (MIN_GROUP_SIZE_TEXT: free text identifies people more
 * easily than a count), so nobody learns whose text is new by comparing two moments.
 */
export function ideaTextsVisible(prompt: IdeaPromptState, minGroupSizeText: number): boolean {
  if (!prompt.anonymous) return true;
  return prompt.closed && prompt.participants >= effectiveMinGroupSize(minGroupSizeText);
}
