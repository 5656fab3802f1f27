import { DateTime } from 'luxon';

/** the ISO week an instant falls in, in a time zone, as '2026-W48' (weeks start Monday 00:00 local time). */
export function isoWeekKey(at: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
}
