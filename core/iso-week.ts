import { DateTime } from 'luxon';

/** a week already worked out, per time zone: its key and the instants it spans [start, end). */
const lastWeek = new Map<string, { key: string; start: number; end: number }>();

/**
 * the ISO week an instant falls in, in a time zone, as '2026-W48' (weeks start Monday 00:00 local time). Every
 * answer asks for the current week: the week last worked out per time zone is kept with its bounds, so an instant
 * inside it needs no calendar arithmetic (a pure function, memoised).
 */
export function isoWeekKey(at: Date, timeZone: string): string {
  const ms = at.getTime();
  const known = lastWeek.get(timeZone);
  if (known && ms >= known.start && ms < known.end) return known.key;
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const key = `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
  if (local.isValid) {
    const start = local.startOf('week');
    lastWeek.set(timeZone, { key, start: start.toMillis(), end: start.plus({ weeks: 1 }).toMillis() });
  }
  return key;
}
