import { DateTime } from 'luxon';
import { z } from 'zod';
import { isoWeekKey } from '../iso-week';
import { isValidTimeZone, localToUtc } from '../campaigns/local-time';
import { addWeeks, type WeekKey } from './digest-week';

/** when digests go out: minute and hour of local time on some ISO weekdays (1 = Monday … 7 = Sunday). */
export interface DigestCron {
  minute: number;
  hour: number;
  /** ascending, without duplicates. */
  weekdays: number[];
}

/** the default of DIGEST_CRON: Monday 08:00. */
export const DEFAULT_DIGEST_CRON = '0 8 * * 1';

const FORMAT_HINT =
  "use 'minute hour * * weekday', e.g. '0 8 * * 1' for Monday 08:00 (weekday 0–7 with 0 and 7 = Sunday, lists 1,4 and ranges 1-5 allowed)";

function number(text: string, min: number, max: number): number | undefined {
  if (!/^\d{1,2}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

function weekdays(field: string): number[] | string {
  if (field === '*') return [1, 2, 3, 4, 5, 6, 7];
  const days = new Set<number>();
  for (const part of field.split(',')) {
    const range = /^(\d{1,2})-(\d{1,2})$/.exec(part);
    const from = number(range ? range[1]! : part, 0, 7);
    const to = range ? number(range[2]!, 0, 7) : from;
    if (from === undefined || to === undefined) return `weekday '${part}' must be 0–7 or a range such as 1-5`;
    if (to < from) return `weekday range '${part}' runs backwards`;
    for (let d = from; d <= to; d++) days.add(d === 0 ? 7 : d);
  }
  return [...days].sort((a, b) => a - b);
}

/** reads a DIGEST_CRON value (a subset of cron: 'm h * * dow'); the error says what is wrong and how to write it. */
export function parseDigestCron(text: string): { ok: true; cron: DigestCron } | { ok: false; error: string } {
  const parsed = parseCronFields('DIGEST_CRON', text, { daysOfMonth: false, hint: FORMAT_HINT });
  return parsed.ok
    ? { ok: true, cron: { minute: parsed.minute, hour: parsed.hour, weekdays: parsed.weekdays } }
    : parsed;
}

/** the fields of a cron subset 'm h dom * dow': minute, hour, days of the month (1–31, ascending) and ISO weekdays. */
export interface CronFields {
  minute: number;
  hour: number;
  /** ascending, without duplicates; every day (1–31) for '*'. */
  daysOfMonth: number[];
  weekdays: number[];
}

/**
 * reads a cron subset for the setting `setting`: 'minute hour dom month weekday' with month always '*', and the day of
 * the month '*' unless `daysOfMonth` allows a number, list or range (then both day and weekday must match, unlike
 * classic cron). Shared by DIGEST_CRON and PROGRESS_CRON; the error names the setting and ends with `hint`.
 */
export function parseCronFields(
  setting: string,
  text: string,
  options: { daysOfMonth: boolean; hint: string },
): ({ ok: true } & CronFields) | { ok: false; error: string } {
  const fields = text.trim().split(/\s+/);
  const bad = (what: string) => ({ ok: false as const, error: `${setting} '${text}': ${what}; ${options.hint}` });
  if (fields.length !== 5)
    return bad(`has ${fields.length === 1 && fields[0] === '' ? 0 : fields.length} fields, needs 5`);
  const [m, h, dom, month, dow] = fields as [string, string, string, string, string];
  const minute = number(m, 0, 59);
  if (minute === undefined) return bad(`minute '${m}' must be a number 0–59`);
  const hour = number(h, 0, 23);
  if (hour === undefined) return bad(`hour '${h}' must be a number 0–23`);
  if (month !== '*') return bad(options.daysOfMonth ? 'month must be *' : 'day of month and month must be *');
  if (dom !== '*' && !options.daysOfMonth) return bad('day of month and month must be *');
  const days = daysOfMonth(dom);
  if (typeof days === 'string') return bad(days);
  const week = weekdays(dow);
  if (typeof week === 'string') return bad(week);
  return { ok: true, minute, hour, daysOfMonth: days, weekdays: week };
}

function daysOfMonth(field: string): number[] | string {
  if (field === '*') return Array.from({ length: 31 }, (_, i) => i + 1);
  const days = new Set<number>();
  for (const part of field.split(',')) {
    const range = /^(\d{1,2})-(\d{1,2})$/.exec(part);
    const from = number(range ? range[1]! : part, 1, 31);
    const to = range ? number(range[2]!, 1, 31) : from;
    if (from === undefined || to === undefined) return `day of month '${part}' must be 1–31 or a range such as 1-7`;
    if (to < from) return `day of month range '${part}' runs backwards`;
    for (let d = from; d <= to; d++) days.add(d);
  }
  return [...days].sort((a, b) => a - b);
}

/** DIGEST_CRON as a zod schema for the configuration: a valid value becomes a DigestCron, defaulting to Monday 08:00. */
export const digestCronSchema = z
  .string()
  .default(DEFAULT_DIGEST_CRON)
  .transform((text, ctx) => {
    const parsed = parseDigestCron(text);
    if (parsed.ok) return parsed.cron;
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  });

/** the firing on a given local date, as an instant (a time in a spring-forward gap moves to the end of the gap). */
function firingOn(day: DateTime, cron: DigestCron, timeZone: string): Date {
  return localToUtc({ year: day.year, month: day.month, day: day.day, hour: cron.hour, minute: cron.minute }, timeZone);
}

/**
 * the first digest time strictly after `after`, in local time of the zone. An ambiguous local time
 * (autumn fall-back) fires once, at its earlier instant. Throws RangeError for an unknown zone.
 */
export function nextDigestTime(after: Date, cron: DigestCron, timeZone: string): Date {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone '${timeZone}'`);
  const start = DateTime.fromJSDate(after, { zone: timeZone }).startOf('day');
  for (let i = 0; i <= 8; i++) {
    const day = start.plus({ days: i });
    if (!cron.weekdays.includes(day.weekday)) continue;
    const at = firingOn(day, cron, timeZone);
    if (at.getTime() > after.getTime()) return at;
  }
  throw new RangeError('DIGEST_CRON has no weekday');
}

/** the first digest time inside the local ISO week that contains `at`. */
export function firstDigestTimeOfWeek(at: Date, cron: DigestCron, timeZone: string): Date {
  const monday = DateTime.fromJSDate(at, { zone: timeZone }).startOf('week');
  const first = cron.weekdays[0];
  if (first === undefined) throw new RangeError('DIGEST_CRON has no weekday');
  return firingOn(monday.plus({ days: first - 1 }), cron, timeZone);
}

/**
 * which week's digest is due at `now`: from the first digest time of the current local ISO week on,
 * the week before it (the last complete week); undefined before that time. Calling it on every tick is
 * safe when sending is claimed once per (leader, week).
 */
export function dueDigestWeek(now: Date, cron: DigestCron, timeZone: string): WeekKey | undefined {
  if (now.getTime() < firstDigestTimeOfWeek(now, cron, timeZone).getTime()) return undefined;
  return addWeeks(isoWeekKey(now, timeZone), -1);
}
