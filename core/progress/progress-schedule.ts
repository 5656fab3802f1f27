import { DateTime } from 'luxon';
import { z } from 'zod';
import { isValidTimeZone, localToUtc } from '../campaigns/local-time';
import { parseCronFields, type CronFields } from '../digest/digest-schedule';

/** a calendar month as 'YYYY-MM' (in the configured time zone). */
export type MonthKey = string;

/** when the monthly progress post goes out: minute and hour of local time on the days that match both day and weekday. */
export type ProgressCron = CronFields;

/** the default of PROGRESS_CRON: the first Monday of the month, 09:00 (a Monday among the days 1–7). */
export const DEFAULT_PROGRESS_CRON = '0 9 1-7 * 1';

const FORMAT_HINT =
  "use 'minute hour day-of-month * weekday', e.g. '0 9 1-7 * 1' for the first Monday of the month at 09:00 (day and weekday must both match; day 1–31 or * , weekday 0–7 with 0 and 7 = Sunday, lists and ranges allowed)";

/** reads a PROGRESS_CRON value; the error says what is wrong and how to write it. */
export function parseProgressCron(text: string): { ok: true; cron: ProgressCron } | { ok: false; error: string } {
  const parsed = parseCronFields('PROGRESS_CRON', text, { daysOfMonth: true, hint: FORMAT_HINT });
  if (!parsed.ok) return parsed;
  const { minute, hour, daysOfMonth, weekdays } = parsed;
  // a day of the month matches every weekday within any 7 days in a row; fewer days may never meet the weekdays.
  if (!monthHasFiring(daysOfMonth, weekdays))
    return {
      ok: false,
      error: `PROGRESS_CRON '${text}': no day of a month matches both day and weekday; ${FORMAT_HINT}`,
    };
  return { ok: true, cron: { minute, hour, daysOfMonth, weekdays } };
}

/** whether every month has at least one day matching both lists (checked over the 7 starting weekdays of a month). */
function monthHasFiring(days: number[], weekdays: number[]): boolean {
  const usable = days.filter((d) => d <= 28);
  for (let firstWeekday = 1; firstWeekday <= 7; firstWeekday++) {
    if (!usable.some((d) => weekdays.includes(((firstWeekday - 1 + d - 1) % 7) + 1))) return false;
  }
  return true;
}

/** PROGRESS_CRON as a zod schema for the configuration: a valid value becomes a ProgressCron (default first Monday 09:00). */
export const progressCronSchema = z
  .string()
  .default(DEFAULT_PROGRESS_CRON)
  .transform((text, ctx) => {
    const parsed = parseProgressCron(text);
    if (parsed.ok) return parsed.cron;
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  });

/** the month an instant falls in, in a time zone ('2026-11'). */
export function monthKey(at: Date, timeZone: string): MonthKey {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('yyyy-MM');
}

/** the month `offset` months after (negative: before) a month. */
export function addMonths(month: MonthKey, offset: number): MonthKey {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone: 'UTC' }).plus({ months: offset }).toFormat('yyyy-MM');
}

/** where a month starts and ends in a time zone: the 1st 00:00 local to the 1st of the next month (end exclusive). */
export function monthRange(month: MonthKey, timeZone: string): { start: Date; end: Date } {
  const first = DateTime.fromFormat(month, 'yyyy-MM', { zone: timeZone });
  if (!first.isValid) throw new RangeError(`'${month}' is not a month such as 2026-11`);
  return { start: first.toJSDate(), end: first.plus({ months: 1 }).toJSDate() };
}

/** the first progress time inside the local month that contains `at`; undefined when no day of that month matches. */
export function firstProgressTimeOfMonth(at: Date, cron: ProgressCron, timeZone: string): Date | undefined {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone '${timeZone}'`);
  const first = DateTime.fromJSDate(at, { zone: timeZone }).startOf('month');
  for (let day = first; day.month === first.month; day = day.plus({ days: 1 })) {
    if (!cron.daysOfMonth.includes(day.day) || !cron.weekdays.includes(day.weekday)) continue;
    return localToUtc(
      { year: day.year, month: day.month, day: day.day, hour: cron.hour, minute: cron.minute },
      timeZone,
    );
  }
  return undefined;
}

/**
 * which month's progress post is due at `now`: from the first PROGRESS_CRON time of the current local month on, the
 * month before it (the last complete month); undefined before that time. Calling it on every tick is safe when posting
 * is claimed once per (team, month); a bot that was down for a whole month catches up the latest month only.
 */
export function dueProgressMonth(now: Date, cron: ProgressCron, timeZone: string): MonthKey | undefined {
  const first = firstProgressTimeOfMonth(now, cron, timeZone);
  if (!first || now.getTime() < first.getTime()) return undefined;
  return addMonths(monthKey(now, timeZone), -1);
}
