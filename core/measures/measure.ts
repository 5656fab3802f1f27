import { z } from 'zod';
import type { IdeaStatus } from '../ideas/idea-status';
import { fail, ok, type Outcome } from '../problems';

/**
 * a measure's place in its life: planned (geplant), being implemented (in Umsetzung), implemented (umgesetzt),
 * deferred (zurückgestellt) or dropped (verworfen). Deferring and dropping need a reason.
 */
export const MEASURE_STATUSES = ['planned', 'inProgress', 'done', 'deferred', 'dropped'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** the statuses a measure may move to from each status; a finished or dropped measure can be taken up again. */
export const MEASURE_TRANSITIONS: Readonly<Record<MeasureStatus, readonly MeasureStatus[]>> = {
  planned: ['inProgress', 'done', 'deferred', 'dropped'],
  inProgress: ['done', 'deferred', 'dropped'],
  done: ['inProgress'],
  deferred: ['planned', 'inProgress', 'dropped'],
  dropped: ['planned'],
};

/** statuses that need a reason (shown to everyone with the measure). */
export const REASON_REQUIRED: ReadonlySet<MeasureStatus> = new Set(['deferred', 'dropped']);

/** statuses of a measure that is still to be done: the open ones, which can be overdue. */
export const OPEN_STATUSES: ReadonlySet<MeasureStatus> = new Set(['planned', 'inProgress']);

/** limits of what people type into a measure. */
export const MEASURE_LIMITS = { title: 120, description: 1000, note: 500, ideas: 20 } as const;

/** the shape of a measure id: opaque, safe in keys, URLs and card data. */
export const MEASURE_ID = /^m[A-Za-z0-9_-]{6,40}$/;

/** a progress note, as the board and the notices show it. */
export interface MeasureNote {
  text: string;
  byId: string;
  byName: string;
  at: Date;
}

/**
 * what a team will do about one or more ideas or a poll result: title, what will be done, an owner from the team,
 * a target date (a calendar day in the configured time zone), a status with its reason, and the latest note.
 */
export interface Measure {
  measureId: string;
  teamId: string;
  title: string;
  description: string;
  ownerId: string;
  ownerName: string;
  /** the target date, `YYYY-MM-DD`. */
  dueDate: string;
  status: MeasureStatus;
  /** why it was deferred or dropped. */
  statusReason?: string;
  /** the ideas it implements (their authors and supporters are told of its progress where named). */
  ideaIds: string[];
  /** the closed poll or prompt it came from, if any. */
  itemId?: string;
  /**
   * the channel its ideas or poll came from, when not the team's General: a measure from a private or shared
   * channel is shown only where that channel's items are (app/teams `channelsVisible`).
   */
  channelId?: string;
  /** the volunteers of its ideas form its working group. */
  volunteersAsGroup: boolean;
  createdById: string;
  createdByName: string;
  createdAt: Date;
  /** when its status last changed (for "moved this month" and the digest). */
  statusAt: Date;
  lastNote?: MeasureNote;
}

/** whether a value is one of the measure statuses. */
export function isMeasureStatus(value: unknown): value is MeasureStatus {
  return typeof value === 'string' && (MEASURE_STATUSES as readonly string[]).includes(value);
}

/** whether a measure is overdue on a calendar day (`YYYY-MM-DD`): still open and its date has passed. */
export function isOverdue(measure: Pick<Measure, 'status' | 'dueDate'>, today: string): boolean {
  return OPEN_STATUSES.has(measure.status) && measure.dueDate < today;
}

/**
 * the idea status that follows from a measure's status: an idea implemented by a measure is accepted while the
 * measure is planned or deferred, in progress, done, or declined when the measure is dropped.
 */
export function ideaStatusFor(status: MeasureStatus): IdeaStatus {
  const map: Record<MeasureStatus, IdeaStatus> = {
    planned: 'accepted',
    inProgress: 'inProgress',
    done: 'done',
    deferred: 'accepted',
    dropped: 'declined',
  };
  return map[status];
}

/** a calendar day `YYYY-MM-DD` that exists. */
const dayString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'errMeasureDate' })
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'errMeasureDate',
    },
  );

/** the form of a new or edited measure, as the card sends it; every message is a key of the message catalogue. */
export const measureFormSchema = z.object({
  title: z
    .string({ message: 'errMeasureTitle' })
    .trim()
    .min(1, { message: 'errMeasureTitle' })
    .max(MEASURE_LIMITS.title, { message: 'errMeasureTitleLong' }),
  description: z.string().trim().max(MEASURE_LIMITS.description, { message: 'errMeasureDescriptionLong' }).default(''),
  ownerId: z.string({ message: 'errMeasureOwner' }).trim().min(1, { message: 'errMeasureOwner' }).max(128),
  dueDate: dayString,
});
export type MeasureForm = z.infer<typeof measureFormSchema>;

/** a status change as a leader or the owner asks for it. */
export interface MeasureStatusChange {
  status: MeasureStatus;
  /** trimmed; required for deferred and dropped. */
  reason: string;
}

/** checks a status change against the current status: allowed move, reason where one is needed. */
export function checkMeasureTransition(
  current: MeasureStatus,
  change: MeasureStatusChange,
): Outcome<MeasureStatusChange> {
  if (current === change.status) return fail('errMeasureStatusUnchanged');
  if (!MEASURE_TRANSITIONS[current].includes(change.status)) return fail('errMeasureStatusNotAllowed');
  if (REASON_REQUIRED.has(change.status) && change.reason.trim() === '') return fail('errMeasureReasonMissing');
  if (change.reason.length > MEASURE_LIMITS.note) return fail('errMeasureNoteLong');
  return ok({ status: change.status, reason: change.reason.trim() });
}
