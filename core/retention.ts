import { DateTime } from 'luxon';
import { isoWeekKey } from './iso-week';

const DAY_MS = 24 * 60 * 60 * 1000;

/** weekly participation is kept at least this many days: the digest shows an 8-week trend. */
export const PARTICIPATION_MIN_DAYS = 63;

/** the instant before which an item must have closed for its retention period of `days` to be over at `now`. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - Math.max(1, Math.floor(days)) * DAY_MS);
}

/** the retention period of an item: its campaign's retentionDays, else the configured default (RETENTION_DAYS). */
export function retentionDaysOf(campaignDays: number | undefined, defaultDays: number): number {
  return campaignDays !== undefined && campaignDays > 0 ? campaignDays : defaultDays;
}

/** the local calendar day of an instant ('2026-03-29'): the retention job runs once per such day. */
export function localDay(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate() ?? at.toISOString().slice(0, 10);
}

/**
 * the ISO weeks (in `timeZone`) that start at or after `from`'s week and end before `cutoff`, oldest first,
 * and where the next look starts. Weeks are walked by calendar (luxon), so a DST change never skips one.
 */
export function weeksEndedBefore(from: Date, cutoff: Date, timeZone: string): { weeks: string[]; next: Date } {
  let start = DateTime.fromJSDate(from, { zone: timeZone }).startOf('week');
  const weeks: string[] = [];
  for (;;) {
    const end = start.plus({ weeks: 1 });
    if (end.toMillis() > cutoff.getTime()) break;
    weeks.push(isoWeekKey(start.toJSDate(), timeZone));
    start = end;
  }
  return { weeks, next: start.toJSDate() };
}
