import type { Locale } from './locale';
import type { Problem } from './problems';

/** how people answer a poll: one option, several options, or a 1–5 rating. */
export type PollKind = 'single' | 'multi' | 'rating';

/** what was posted: a poll with options or an idea prompt with a text field. */
export type ItemKind = 'poll' | 'idea';

export type ItemStatus = 'open' | 'closed';

/** the ratings offered by a rating poll, lowest first. */
export const RATING_OPTIONS: readonly string[] = ['1', '2', '3', '4', '5'];

/** bounds shared by commands, cards and card payloads. */
export const LIMITS = {
  questionMax: 500,
  optionMax: 100,
  optionsMin: 2,
  optionsMax: 10,
  ideaMax: 1000,
} as const;

/** the content of an item, before it is posted. */
export interface ItemDraft {
  kind: ItemKind;
  question: string;
  /** poll options; empty for idea prompts. */
  options: string[];
  pollKind?: PollKind;
  /** multiple choice only: at most this many options per person (default: all). */
  maxChoices?: number;
  anonymous: boolean;
  /** a yes/no question (single choice, options yes then no): its options are labelled in the reader's language. */
  yesNo?: boolean;
}

/** an idea prompt or poll posted into one team channel. */
export interface Item extends ItemDraft {
  id: string;
  teamId: string;
  channelId: string;
  status: ItemStatus;
  createdBy: string;
  createdAt: Date;
  closesAt?: Date;
  closedAt?: Date;
  locale: Locale;
  /** the conversation (thread) the card lives in, once posted. */
  conversationId?: string;
  /** the posted card's activity id, for updates in place. */
  activityId?: string;
}

/** the shape of an item id (a UUID, or a preview's id), checked before any lookup. */
export const ITEM_ID = /^[a-z0-9-]{1,64}$/;

/** whether a value has the shape of an item id (so it may be looked up). */
export function isItemId(value: unknown): value is string {
  return typeof value === 'string' && ITEM_ID.test(value);
}

/** the options a poll offers, including the fixed scale of a rating. */
export function optionsOf(item: Pick<ItemDraft, 'kind' | 'pollKind' | 'options'>): readonly string[] {
  if (item.kind !== 'poll') return [];
  return item.pollKind === 'rating' ? RATING_OPTIONS : item.options;
}

/** whether an item still takes answers at the given moment. */
export function isOpen(item: Pick<Item, 'status' | 'closesAt'>, now: Date): boolean {
  return item.status === 'open' && (!item.closesAt || item.closesAt.getTime() > now.getTime());
}

/**
 * the rule for a valid ballot on a poll: every choice one of its options, exactly one unless the poll is multiple
 * choice, and no more than its `maxChoices`. Undefined when valid, else the problem to show.
 */
export function ballotProblem(
  item: Pick<ItemDraft, 'kind' | 'pollKind' | 'options' | 'maxChoices'>,
  choices: readonly number[],
): Problem | undefined {
  const options = optionsOf(item);
  if (choices.some((c) => !Number.isInteger(c) || c < 0 || c >= options.length)) return { key: 'errChoiceOutOfRange' };
  if (item.pollKind !== 'multi' && choices.length !== 1) return { key: 'errInvalidPayload' };
  if (item.maxChoices !== undefined && choices.length > item.maxChoices)
    return { key: 'errTooManyChoices', args: [item.maxChoices] };
  return undefined;
}
