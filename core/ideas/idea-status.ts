import { z } from 'zod';
import type { Locale } from '../locale';
import { messages } from '../messages';
import { plainText } from '../plain-text';
import { fail, ok, type Outcome } from '../problems';

/**
 * an idea's place in its life cycle: submitted (new), under review, accepted, being implemented,
 * implemented (done) or declined.
 */
export const IDEA_STATUSES = ['new', 'review', 'accepted', 'inProgress', 'done', 'declined'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

/** the longest note a leader may attach to a status change. */
export const NOTE_MAX = 500;

/**
 * the statuses an idea may move to from each status. A decline can be reconsidered (back to review),
 * done can be reopened (back to in progress); nothing returns to new.
 */
export const TRANSITIONS: Readonly<Record<IdeaStatus, readonly IdeaStatus[]>> = {
  new: ['review', 'accepted', 'declined'],
  review: ['accepted', 'declined'],
  accepted: ['inProgress', 'done', 'declined'],
  inProgress: ['done', 'declined'],
  done: ['inProgress'],
  declined: ['review'],
};

/** whether a value is one of the idea statuses. */
export function isIdeaStatus(value: unknown): value is IdeaStatus {
  return typeof value === 'string' && (IDEA_STATUSES as readonly string[]).includes(value);
}

/** the statuses offered when changing an idea that has status `from`. */
export function nextStatuses(from: IdeaStatus): readonly IdeaStatus[] {
  return TRANSITIONS[from];
}

/** whether an idea may move from one status to another (the same status is no move). */
export function canTransition(from: IdeaStatus, to: IdeaStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** the localized label of a status ('angenommen', 'in progress'). */
export function statusLabel(locale: Locale, status: IdeaStatus): string {
  return messages(locale).ideaStatusLabels[status];
}

/** a status change as a leader asks for it. */
export interface StatusChange {
  ideaId: string;
  status: IdeaStatus;
  /** trimmed; empty when none was given (allowed for every status but declined). */
  note: string;
}

/** the shape of an idea id: opaque, up to 120 characters of [A-Za-z0-9_.~-]. */
export const IDEA_ID = /^[A-Za-z0-9_.~-]{1,120}$/;

/** whether a value has the shape of an idea id (so it may be looked up). */
export function isIdeaId(value: unknown): value is string {
  return typeof value === 'string' && IDEA_ID.test(value);
}

export const ideaIdSchema = z.string({ message: 'errInvalidPayload' }).regex(IDEA_ID, { message: 'errInvalidPayload' });

/** a status change `{ideaId, status, note}`: note at most NOTE_MAX characters and required for declined. */
export const statusChangeSchema = z
  .object({
    ideaId: ideaIdSchema,
    status: z.string({ message: 'errIdeaStatusUnknown' }).refine(isIdeaStatus, { message: 'errIdeaStatusUnknown' }),
    note: z
      .string({ message: 'errInvalidPayload' })
      .optional()
      .transform((n) => (n ?? '').trim())
      .pipe(z.string().max(NOTE_MAX, { message: 'errIdeaNoteTooLong' })),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'declined' && v.note === '')
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'errIdeaNoteRequired' });
  })
  .transform((v): StatusChange => ({ ideaId: v.ideaId, status: v.status as IdeaStatus, note: v.note }));

/**
 * checks a requested change against the idea's current status; the problem names both statuses so
 * the leader sees why. Same status → errIdeaStatusUnchanged.
 */
export function checkTransition(locale: Locale, current: IdeaStatus, change: StatusChange): Outcome<StatusChange> {
  if (current === change.status) return fail('errIdeaStatusUnchanged', statusLabel(locale, current));
  if (!canTransition(current, change.status))
    return fail('errIdeaTransition', statusLabel(locale, current), statusLabel(locale, change.status));
  return ok(change);
}

/** the longest quote of an idea inside a decision message. */
export const QUOTE_MAX = 120;

/** shortens a text to at most max characters at a word boundary where possible, ending with '…'. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  if (max < 2) return '…';
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** what is sent after a status change: a reply in the prompt's thread, and a 1:1 message to a named author. */
export interface DecisionMessages {
  threadReply: string;
  /** undefined for anonymous ideas: nobody knows the author, so nobody is told in private. */
  toAuthor?: string;
  /** for the people who supported the idea. */
  toSupporters: string;
}

/** the texts announcing a decision, in the locale of their readers; the idea and the note show as typed (plainText). */
export function decisionMessages(
  locale: Locale,
  idea: { text: string; anonymous: boolean },
  change: Pick<StatusChange, 'status' | 'note'>,
): DecisionMessages {
  const m = messages(locale);
  const quote = plainText(shorten(idea.text, QUOTE_MAX));
  const label = statusLabel(locale, change.status);
  const note = plainText(change.note.trim());
  return {
    threadReply: m.ideaDecisionThread(quote, label, note),
    // the author is also pointed to `meine ideen`, where all their named ideas and their measures are listed.
    ...(idea.anonymous ? {} : { toAuthor: `${m.ideaDecisionToAuthor(quote, label, note)}\n\n${m.myIdeasHint}` }),
    toSupporters: m.ideaDecisionToSupporter(quote, label, note),
  };
}
