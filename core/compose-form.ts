import { DateTime } from 'luxon';
import { itemDraftSchema } from './commands';
import { LIMITS, type ItemDraft } from './items';
import type { Problem, ProblemKey } from './problems';

/** what the posting form offers: single or multiple choice, a 1–5 rating, yes/no (a single choice of two) or an idea prompt. */
export const FORM_KINDS = ['single', 'multi', 'rating', 'yesno', 'idea'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

/** the fields of the posting form that can carry a problem. */
export type ComposeField = 'kind' | 'question' | 'options' | 'closesDate' | 'closesTime';

/** the form's values as typed (kept as they are when the form comes back with problems). */
export interface ComposeValues {
  kind: FormKind | '';
  question: string;
  /** one option per line. */
  options: string;
  anonymous: boolean;
  /** `YYYY-MM-DD` or empty. */
  closesDate: string;
  /** `HH:mm` or empty. */
  closesTime: string;
}

/** an empty form, optionally with a kind chosen (`umfrage` → single choice, `bewertung` → rating …). */
export function emptyComposeValues(kind: FormKind | '' = 'single'): ComposeValues {
  return { kind, question: '', options: '', anonymous: false, closesDate: '', closesTime: '' };
}

/** how long an ad-hoc item may stay open at most. */
export const COMPOSE_MAX_OPEN_DAYS = 365;

/** raw text longer than this is cut before anything else looks at it (the form's own limits are far below). */
const RAW_MAX = 6000;

/** a submitted value as text: Teams sends every input as a string; anything else counts as empty. */
function text(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, RAW_MAX) : typeof value === 'number' ? String(value) : '';
}

/** reads the values of a submitted form (inputs by id) from untrusted data; missing or wrong-typed fields count as empty. */
export function readComposeValues(data: unknown): ComposeValues {
  const v = (data && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Record<string, unknown>;
  const kind = text(v.kind).trim();
  return {
    kind: (FORM_KINDS as readonly string[]).includes(kind) ? (kind as FormKind) : '',
    question: text(v.question),
    options: text(v.options),
    anonymous: v.anonymous === true || v.anonymous === 'true',
    closesDate: text(v.closesDate).trim(),
    closesTime: text(v.closesTime).trim(),
  };
}

/** a valid form: the item to post and when it closes. */
export interface ComposedItem {
  draft: ItemDraft;
  closesAt?: Date;
}

/** the outcome of checking the form: the item, or one problem per field that has one. */
export type ComposeCheck =
  { ok: true; value: ComposedItem } | { ok: false; errors: Partial<Record<ComposeField, Problem>> };

/** the command texts speak of "|"; in the form, options are lines, so those problems get the form's own words. */
const FORM_WORDING: Partial<Record<ProblemKey, ProblemKey>> = {
  errMissingQuestion: 'errFormQuestionMissing',
  errTooFewOptions: 'errFormTooFewOptions',
};

const LIMIT_ARGS: Partial<Record<ProblemKey, number>> = {
  errQuestionTooLong: LIMITS.questionMax,
  errOptionTooLong: LIMITS.optionMax,
};

/** the options typed in the form: one per line, blank lines left out. */
export function optionLines(options: string): string[] {
  return options
    .split(/\r?\n/)
    .map((o) => o.trim())
    .filter((o) => o !== '');
}

function draftInput(values: ComposeValues, kind: FormKind) {
  const base = { question: values.question, anonymous: values.anonymous };
  switch (kind) {
    case 'single':
    case 'multi':
      return { ...base, kind: 'poll', pollKind: kind, options: optionLines(values.options) };
    case 'yesno':
      // stored like a campaign's yes/no question (core/campaigns/campaign-posts.ts): each reader sees Ja/Nein or Yes/No.
      return { ...base, kind: 'poll', pollKind: 'single', options: ['Ja', 'Nein'] };
    case 'rating':
      return { ...base, kind: 'poll', pollKind: 'rating', options: [] };
    case 'idea':
      return { ...base, kind: 'idea', options: [] };
  }
}

/** when the item closes: nothing given is fine; a date without a time closes at the end of that day (in `timeZone`). */
function closing(
  values: ComposeValues,
  now: Date,
  timeZone: string,
): { at?: Date; problem?: [ComposeField, ProblemKey] } {
  const { closesDate: date, closesTime: time } = values;
  if (!date && !time) return {};
  if (!date) return { problem: ['closesDate', 'errFormClosesDateMissing'] };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { problem: ['closesDate', 'errFormClosesInvalid'] };
  if (time && !/^\d{2}:\d{2}(:\d{2})?$/.test(time)) return { problem: ['closesTime', 'errFormClosesInvalid'] };
  const at = DateTime.fromISO(`${date}T${time ? time.slice(0, 5) : '23:59'}`, { zone: timeZone });
  if (!at.isValid) return { problem: [time ? 'closesTime' : 'closesDate', 'errFormClosesInvalid'] };
  const field: ComposeField = time ? 'closesTime' : 'closesDate';
  if (at.toMillis() <= now.getTime()) return { problem: [field, 'errFormClosesPast'] };
  if (at.toMillis() > now.getTime() + COMPOSE_MAX_OPEN_DAYS * 86_400_000)
    return { problem: [field, 'errFormClosesTooFar'] };
  return { at: at.toJSDate() };
}

/**
 * checks the posting form with the same draft rules as the chat commands (core/commands.ts), and names a problem
 * under each field that has one: question, options (choice kinds only; other kinds ignore what is typed there),
 * and the closing time (in the future, at most a year ahead, read in `timeZone`).
 */
export function checkComposeForm(values: ComposeValues, now: Date, timeZone: string): ComposeCheck {
  const errors: Partial<Record<ComposeField, Problem>> = {};
  const put = (field: ComposeField, key: ProblemKey) => {
    if (errors[field]) return;
    const formKey = FORM_WORDING[key] ?? key;
    const limit = LIMIT_ARGS[formKey];
    errors[field] = limit === undefined ? { key: formKey } : { key: formKey, args: [limit] };
  };
  const when = closing(values, now, timeZone);
  if (when.problem) put(...when.problem);
  if (!values.kind) {
    put('kind', 'errFormKindMissing');
    if (!values.question.trim()) put('question', 'errMissingQuestion');
    return { ok: false, errors };
  }
  const parsed = itemDraftSchema.safeParse(draftInput(values, values.kind));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field: ComposeField =
        issue.path[0] === 'options' ? 'options' : issue.path[0] === 'question' ? 'question' : 'kind';
      put(field, (issue.message.startsWith('err') ? issue.message : 'errInvalidPayload') as ProblemKey);
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const draft: ItemDraft = values.kind === 'yesno' ? { ...parsed.data, yesNo: true } : parsed.data;
  return { ok: true, value: { draft, ...(when.at && { closesAt: when.at }) } };
}
