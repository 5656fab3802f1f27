import { IANAZone } from 'luxon';

/** A wall-clock date and time without zone, 'YYYY-MM-DDTHH:mm' (e.g. '2026-12-07T09:00'). */
export type LocalDateTime = string;

/** A calendar date without zone, 'YYYY-MM-DD'. */
export type LocalDate = string;

/** the fields of a wall-clock date-time; month is 1–12. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** number of days in a month (month 1–12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validParts(p: LocalParts): boolean {
  return (
    p.month >= 1 &&
    p.month <= 12 &&
    p.day >= 1 &&
    p.day <= daysInMonth(p.year, p.month) &&
    p.hour <= 23 &&
    p.minute <= 59
  );
}

/** reads 'YYYY-MM-DDTHH:mm'; undefined when the shape or the calendar date is wrong (2026-02-30, 24:00). */
export function parseLocalDateTime(text: string): LocalParts | undefined {
  const m = LOCAL_DATE_TIME.exec(text);
  if (!m) return undefined;
  const parts = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]! };
  return validParts(parts) ? parts : undefined;
}

/** reads 'YYYY-MM-DD' as midnight of that day; undefined when the shape or the calendar date is wrong. */
export function parseLocalDate(text: string): LocalParts | undefined {
  const m = LOCAL_DATE.exec(text);
  if (!m) return undefined;
  const parts = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: 0, minute: 0 };
  return validParts(parts) ? parts : undefined;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** writes parts as 'YYYY-MM-DDTHH:mm', the stable key format for slots. */
export function formatLocalDateTime(p: LocalParts): LocalDateTime {
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** the wall clock read as if it were UTC: a plain number that calendar arithmetic can work on. */
export function wallClockMillis(p: LocalParts): number {
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
}

/** inverse of wallClockMillis. */
export function partsFromWallClockMillis(ms: number): LocalParts {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

const zones = new Map<string, IANAZone>();

function zone(timeZone: string): IANAZone {
  let z = zones.get(timeZone);
  if (!z) {
    if (!IANAZone.isValidZone(timeZone)) throw new RangeError(`unknown time zone '${timeZone}'`);
    z = IANAZone.create(timeZone);
    zones.set(timeZone, z);
  }
  return z;
}

/** true for a real IANA zone name such as 'Europe/Berlin'. */
export function isValidTimeZone(timeZone: string): boolean {
  return IANAZone.isValidZone(timeZone);
}

/** UTC offset of the zone at an instant, in minutes (Europe/Berlin: 60 in winter, 120 in summer). */
export function offsetMinutes(timeZone: string, utcMillis: number): number {
  return zone(timeZone).offset(utcMillis);
}

/** the wall-clock time an instant shows in the zone. */
export function toLocalParts(instant: Date, timeZone: string): LocalParts {
  return partsFromWallClockMillis(instant.getTime() + offsetMinutes(timeZone, instant.getTime()) * MINUTE_MS);
}

/**
 * the instant a wall-clock time denotes in a zone. An ambiguous time (fall back) takes the earlier
 * instant; a time inside a gap (spring forward) takes the first valid instant after the gap, i.e.
 * the transition itself (02:30 on a Berlin spring-forward night → 03:00 local). Throws RangeError
 * for an unknown zone.
 */
export function localToUtc(p: LocalParts, timeZone: string): Date {
  const wall = wallClockMillis(p);
  // Offsets a day either side of the wall clock bracket the true instant (offsets are at most ±14 h);
  // when they agree there is no transition in between (zones never change twice within two days).
  const earlier = offsetMinutes(timeZone, wall - DAY_MS);
  const later = offsetMinutes(timeZone, wall + DAY_MS);
  if (earlier === later) return new Date(wall - earlier * MINUTE_MS);
  const offsets = new Set([earlier, offsetMinutes(timeZone, wall), later]);
  const candidates = [...offsets].map((o) => wall - o * MINUTE_MS);
  const valid = candidates.filter((t) => wall - offsetMinutes(timeZone, t) * MINUTE_MS === t);
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(firstInstantAfterGap(timeZone, Math.min(...candidates), Math.max(...candidates)));
}

/** binary search, to the minute, for the transition between two instants with different offsets. */
function firstInstantAfterGap(timeZone: string, before: number, after: number): number {
  const target = offsetMinutes(timeZone, after);
  let lo = before;
  let hi = after;
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.max(1, Math.floor((hi - lo) / 2 / MINUTE_MS)) * MINUTE_MS;
    if (offsetMinutes(timeZone, mid) === target) hi = mid;
    else lo = mid;
  }
  return hi;
}
