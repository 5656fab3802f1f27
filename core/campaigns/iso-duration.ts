import { DateTime } from 'luxon';

/** The parts of an ISO 8601 duration this product allows: no years or months, which have no fixed length. */
export interface DurationParts {
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const ISO_DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** reads 'P7D', 'PT24H', 'P1W2D', 'PT90M' …; undefined for other text, for years or months, and for zero. */
export function parseIsoDuration(text: string): DurationParts | undefined {
  const m = ISO_DURATION.exec(text);
  if (!m || text === 'P') return undefined;
  const [weeks, days, hours, minutes, seconds] = m.slice(1).map((g) => (g === undefined ? 0 : Number(g)));
  const parts = { weeks: weeks ?? 0, days: days ?? 0, hours: hours ?? 0, minutes: minutes ?? 0, seconds: seconds ?? 0 };
  return nominalMillis(parts) > 0 ? parts : undefined;
}

/** length in milliseconds counting a day as 24 h; for comparing durations (remindBefore < openFor). */
export function nominalMillis(d: DurationParts): number {
  return ((((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60 + d.seconds) * 1000;
}

/**
 * adds (sign 1) or subtracts (sign -1) a duration: weeks and days as calendar days in the zone (a
 * post at 09:00 with P7D closes at 09:00 a week later, even across a DST change), hours and
 * smaller as elapsed time.
 */
export function shiftByDuration(at: Date, d: DurationParts, timeZone: string, sign: 1 | -1 = 1): Date {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const calendar = { weeks: d.weeks, days: d.days };
  const elapsed = { hours: d.hours, minutes: d.minutes, seconds: d.seconds };
  const shifted = sign === 1 ? local.plus(calendar).plus(elapsed) : local.minus(elapsed).minus(calendar);
  return shifted.toJSDate();
}
