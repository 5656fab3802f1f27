import { z } from 'zod';
import { IDEA_ID } from '../ideas/idea-status';
import { ITEM_ID } from '../items';
import { fail, ok, type Outcome, type ProblemKey } from '../problems';
import { MEASURE_ID, MEASURE_LIMITS, MEASURE_STATUSES, type MeasureStatus } from './measure';

/** the verbs of the measure buttons; merged into VERBS in core/card-actions.ts. */
export const MEASURE_VERBS = {
  /** opens the form of a new measure (from an idea, a closed item, a team, or asking for the team). */
  measureForm: 'mitwirken.measureForm',
  /** the form's "Anlegen" button with its inputs. */
  measureCreate: 'mitwirken.measureCreate',
  /** a new status (with its reason) for a measure. */
  measureStatus: 'mitwirken.measureStatus',
  /** a progress note. */
  measureNote: 'mitwirken.measureNote',
  /** one measure with its notes. */
  measureDetails: 'mitwirken.measureDetails',
  /** the board again, filtered by status. */
  measureBoard: 'mitwirken.measures',
} as const;

export type MeasureVerb = (typeof MEASURE_VERBS)[keyof typeof MEASURE_VERBS];

/** what the board's status filter offers: every status, or all of them. */
export const MEASURE_FILTERS = ['all', ...MEASURE_STATUSES] as const;
export type MeasureFilter = (typeof MEASURE_FILTERS)[number];

/** a team id from card data: untrusted, looked up among installed teams by the handler. */
const teamId = z.string({ message: 'errUnknownTarget' }).regex(/^[^\p{Cc}|]{1,200}$/u, { message: 'errUnknownTarget' });
const measureId = z.string({ message: 'errMeasureNotFound' }).regex(MEASURE_ID, { message: 'errMeasureNotFound' });
const ideaId = z.string({ message: 'errInvalidPayload' }).regex(IDEA_ID, { message: 'errInvalidPayload' });
const itemId = z.string({ message: 'errInvalidPayload' }).regex(ITEM_ID, { message: 'errInvalidPayload' });
/** a form value as an input sends it; checked field by field by the handler (measureFormSchema). */
const field = (max: number) => z.string({ message: 'errInvalidPayload' }).max(max, { message: 'errInvalidPayload' });

/**
 * Cards with several measures need unique input ids, so each measure's inputs are named `<input>s` (status),
 * `<input>r` (reason) and `<input>n` (note), and the button's data carries `input`.
 */
export const MEASURE_INPUT_KEY = /^k\d{1,3}$/;

/** the ids of the status, reason and note inputs of the measure at a position of a card. */
export function measureInputIds(position: number): { input: string; status: string; reason: string; note: string } {
  const input = `k${position}`;
  return { input, status: `${input}s`, reason: `${input}r`, note: `${input}n` };
}

/** reads the inputs a button names (`input`) into plain fields. */
const byInputKey =
  (fields: (key: string, data: Record<string, unknown>) => Record<string, unknown>) => (raw: unknown) => {
    if (!raw || typeof raw !== 'object') return raw;
    const data = raw as Record<string, unknown>;
    const key = data.input;
    return typeof key === 'string' && MEASURE_INPUT_KEY.test(key) ? { ...data, ...fields(key, data) } : data;
  };

const schemas = {
  [MEASURE_VERBS.measureForm]: z.object({
    teamId: teamId.optional(),
    ideaId: ideaId.optional(),
    itemId: itemId.optional(),
    /** the team chosen on the form's team choice. */
    pickedTeam: teamId.optional(),
  }),
  [MEASURE_VERBS.measureCreate]: z.object({
    teamId,
    itemId: itemId.optional(),
    title: field(MEASURE_LIMITS.title * 4).default(''),
    description: field(MEASURE_LIMITS.description * 4).default(''),
    ownerId: field(200).default(''),
    dueDate: field(40).default(''),
    /** the comma-separated selection of ideas (Input.ChoiceSet with isMultiSelect). */
    ideaIds: field(MEASURE_LIMITS.ideas * 130)
      .default('')
      .transform((v) => [
        ...new Set(
          v
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        ),
      ])
      .refine((ids) => ids.length <= MEASURE_LIMITS.ideas && ids.every((id) => IDEA_ID.test(id)), {
        message: 'errInvalidPayload',
      }),
    group: z
      .union([z.boolean(), z.enum(['true', 'false'])], { message: 'errInvalidPayload' })
      .transform((v) => v === true || v === 'true')
      .default(false),
  }),
  [MEASURE_VERBS.measureStatus]: z.preprocess(
    byInputKey((key, d) => ({ status: d[`${key}s`], reason: d[`${key}r`] })),
    z.object({
      teamId,
      measureId,
      status: z.enum(MEASURE_STATUSES, { message: 'errMeasureStatusNotAllowed' }),
      reason: z
        .string({ message: 'errInvalidPayload' })
        .max(MEASURE_LIMITS.note, { message: 'errMeasureNoteLong' })
        .default(''),
    }),
  ),
  [MEASURE_VERBS.measureNote]: z.preprocess(
    byInputKey((key, d) => ({ note: d[`${key}n`] })),
    z.object({
      teamId,
      measureId,
      note: z
        .string({ message: 'errMeasureNoteEmpty' })
        .trim()
        .min(1, { message: 'errMeasureNoteEmpty' })
        .max(MEASURE_LIMITS.note, { message: 'errMeasureNoteLong' }),
    }),
  ),
  [MEASURE_VERBS.measureDetails]: z.object({ teamId, measureId }),
  [MEASURE_VERBS.measureBoard]: z.object({
    filter: z.enum(MEASURE_FILTERS, { message: 'errInvalidPayload' }).default('all'),
    /** set on a channel's board: that team's measures. */
    teamId: teamId.optional(),
  }),
};

/** a leader opens the form of a new measure: for a team, from one of its ideas, or from a closed poll or prompt. */
export interface MeasureFormPayload {
  teamId?: string;
  ideaId?: string;
  itemId?: string;
  pickedTeam?: string;
}
/** the form of a new measure as sent; its fields are checked by the handler, which shows problems under them. */
export interface MeasureCreatePayload {
  teamId: string;
  itemId?: string;
  title: string;
  description: string;
  ownerId: string;
  dueDate: string;
  ideaIds: string[];
  group: boolean;
}
/** a new status for a measure, with its reason (required for deferred and dropped, checked by the handler). */
export interface MeasureStatusPayload {
  teamId: string;
  measureId: string;
  status: MeasureStatus;
  reason: string;
}
/** a progress note on a measure. */
export interface MeasureNotePayload {
  teamId: string;
  measureId: string;
  note: string;
}
/** one measure with its notes. */
export interface MeasureRefPayload {
  teamId: string;
  measureId: string;
}
/** the board, filtered by status; with a team, that team's board. */
export interface MeasureBoardPayload {
  filter: MeasureFilter;
  teamId?: string;
}

/** the typed payload of each measure verb. */
export interface MeasurePayloadOf {
  [MEASURE_VERBS.measureForm]: MeasureFormPayload;
  [MEASURE_VERBS.measureCreate]: MeasureCreatePayload;
  [MEASURE_VERBS.measureStatus]: MeasureStatusPayload;
  [MEASURE_VERBS.measureNote]: MeasureNotePayload;
  [MEASURE_VERBS.measureDetails]: MeasureRefPayload;
  [MEASURE_VERBS.measureBoard]: MeasureBoardPayload;
}

/** whether a string is one of the measure verbs. */
export function isMeasureVerb(verb: unknown): verb is MeasureVerb {
  return typeof verb === 'string' && (Object.values(MEASURE_VERBS) as string[]).includes(verb);
}

/** parses a card payload for a measure verb; malformed data becomes a specific problem, never an exception. */
export function parseMeasurePayload<V extends MeasureVerb>(verb: V, data: unknown): Outcome<MeasurePayloadOf[V]> {
  const parsed = schemas[verb].safeParse(data ?? {});
  if (parsed.success) return ok(parsed.data as MeasurePayloadOf[V]);
  const message = parsed.error.issues.find((i) => i.message.startsWith('err'))?.message;
  return fail((message ?? 'errInvalidPayload') as ProblemKey);
}
