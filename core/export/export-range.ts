import { DateTime } from 'luxon';
import { z } from 'zod';
import type { ProblemKey } from '../problems';

/** the longest range one export covers, and the default: the last three months. */
export const EXPORT_RANGE_LIMITS = { maxDays: 366, defaultMonths: 3 } as const;

/** the `export` card's range form, as sent: two days, checked by `checkExportRange` so errors show under the fields. */
export interface ExportRangePayload {
  from: string;
  to: string;
}

/** the payload schema: loose on purpose (strings), so a wrong date comes back as a message under its field. */
export const exportRangeSchema: z.ZodType<ExportRangePayload> = z.object({
  from: z.string({ message: 'errInvalidPayload' }).max(40, { message: 'errInvalidPayload' }).default(''),
  to: z.string({ message: 'errInvalidPayload' }).max(40, { message: 'errInvalidPayload' }).default(''),
}) as z.ZodType<ExportRangePayload>;

/** a checked range: whole calendar days, `to` included. */
export interface ExportRange {
  from: string;
  to: string;
}

/** the problems of a range form, per field. */
export type ExportRangeErrors = Partial<Record<'from' | 'to', ProblemKey>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** a `YYYY-MM-DD` that names a real day (an Input.Date may send a time after it, which is cut off). */
function dayOf(value: string): string | undefined {
  const day = value.trim().slice(0, 10);
  return DAY.test(day) && DateTime.fromISO(day, { zone: 'UTC' }).isValid ? day : undefined;
}

/** the default range of the form: the three months up to today (`YYYY-MM-DD` in the time zone). */
export function defaultExportRange(now: Date, timeZone: string): ExportRange {
  const today = DateTime.fromJSDate(now, { zone: timeZone });
  return {
    from: today.minus({ months: EXPORT_RANGE_LIMITS.defaultMonths }).toISODate() ?? '',
    to: today.toISODate() ?? '',
  };
}

/**
 * checks the range form: both days real, `from` not after `to`, at most EXPORT_RANGE_LIMITS.maxDays days. Returns
 * the range or the problems under their fields.
 */
export function checkExportRange(
  input: ExportRangePayload,
): { ok: true; range: ExportRange } | { ok: false; errors: ExportRangeErrors } {
  const from = dayOf(input.from);
  const to = dayOf(input.to);
  const errors: ExportRangeErrors = {};
  if (!from) errors.from = 'errExportRangeDate';
  if (!to) errors.to = 'errExportRangeDate';
  if (from && to) {
    const days = DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days;
    if (days < 0) errors.to = 'errExportRangeOrder';
    else if (days + 1 > EXPORT_RANGE_LIMITS.maxDays) errors.to = 'errExportRangeTooLong';
  }
  return from && to && Object.keys(errors).length === 0 ? { ok: true, range: { from, to } } : { ok: false, errors };
}

/** the moments a range covers in a time zone: from the start of `from` to the end of `to` (exclusive). */
export function rangeMoments(range: ExportRange, timeZone: string): { start: Date; end: Date } {
  return {
    start: DateTime.fromISO(range.from, { zone: timeZone }).startOf('day').toJSDate(),
    end: DateTime.fromISO(range.to, { zone: timeZone }).plus({ days: 1 }).startOf('day').toJSDate(),
  };
}
