import { DateTime } from 'luxon';
import { isoWeekKey } from '../iso-week';

/** an ISO week as '2026-W48'. */
export type WeekKey = string;

const WEEK_KEY = /^(\d{4})-W(\d{2})$/;

/** reads '2026-W48'; undefined for a malformed key or a week the year does not have (2026-W53). */
export function parseWeekKey(week: string): { weekYear: number; weekNumber: number } | undefined {
  const m = WEEK_KEY.exec(week);
  if (!m) return undefined;
  const weekYear = Number(m[1]);
  const weekNumber = Number(m[2]);
  const monday = DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone: 'UTC' });
  if (weekNumber < 1 || !monday.isValid || monday.weekNumber !== weekNumber) return undefined;
  return { weekYear, weekNumber };
}

function mondayOf(week: WeekKey, zone: string): DateTime {
  const parsed = parseWeekKey(week);
  if (!parsed) throw new RangeError(`'${week}' is not an ISO week such as 2026-W48`);
  return DateTime.fromObject({ ...parsed, weekday: 1, hour: 0, minute: 0 }, { zone });
}

const keyOf = (d: DateTime): WeekKey => `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`;

/** the week `offset` weeks after (negative: before) a week. Throws RangeError for a malformed week. */
export function addWeeks(week: WeekKey, offset: number): WeekKey {
  return keyOf(mondayOf(week, 'UTC').plus({ weeks: offset }));
}

/** the n weeks before a week, oldest first (the week itself is not included). */
export function previousWeeks(week: WeekKey, n: number): WeekKey[] {
  return Array.from({ length: Math.max(0, n) }, (_, i) => addWeeks(week, i - n));
}

/** the week and the seven before it, oldest first: the span of the digest's trend. */
export function trendWeeks(week: WeekKey): WeekKey[] {
  return [...previousWeeks(week, 7), week];
}

/**
 * the week a digest sent at `now` reports: the week just ended (a digest sent Monday 08:00 reports the
 * previous Monday to Sunday), or with `interim` the running week. Weeks are local to the time zone.
 */
export function digestWeek(now: Date, timeZone: string, interim = false): WeekKey {
  const current = isoWeekKey(now, timeZone);
  return interim ? current : addWeeks(current, -1);
}

/** where a week starts and ends in a time zone: Monday 00:00 local to the next Monday 00:00 local (end exclusive). */
export function weekRange(week: WeekKey, timeZone: string): { start: Date; end: Date } {
  const monday = mondayOf(week, timeZone);
  return { start: monday.toJSDate(), end: monday.plus({ weeks: 1 }).toJSDate() };
}

/** the week number alone (48 for '2026-W48'). */
export function weekNumberOf(week: WeekKey): number {
  const parsed = parseWeekKey(week);
  if (!parsed) throw new RangeError(`'${week}' is not an ISO week such as 2026-W48`);
  return parsed.weekNumber;
}
