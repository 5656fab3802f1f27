import {
  LocalDate,
  LocalDateTime,
  LocalParts,
  daysInMonth,
  formatLocalDateTime,
  localToUtc,
  parseLocalDate,
  parseLocalDateTime,
  partsFromWallClockMillis,
  wallClockMillis,
} from './local-time';

/** How often an item repeats: daily, every n weeks ('P1W', 'P2W', …) or monthly on the start's day. */
export type Recurrence = 'P1D' | 'P1M' | `P${number}W`;

/**
 * When an item is posted, in the campaign's wall-clock time. Without `every` it is posted once at
 * `start`; with `every` it repeats from `start` up to and including `until` (a date or date-time),
 * or without end.
 */
export interface Schedule {
  start: LocalDateTime;
  every?: Recurrence;
  until?: LocalDate | LocalDateTime;
}

/** One occurrence: `key` is the nominal local wall-clock time (stable across offsets, used for ledger keys), `at` the UTC instant. */
export interface Slot {
  key: LocalDateTime;
  at: Date;
}

/** Upper bound on the slots one call returns, so a huge window or count cannot run away. */
export const MAX_SLOTS = 10_000;

/** The step between occurrences, decoded from a Recurrence. */
export type Step = { kind: 'once' } | { kind: 'days'; days: number } | { kind: 'months'; months: number };

const DAY_MS = 86_400_000;
const MAX_WEEKS = 52;

/** decodes `every` ('P1D', 'P1W'…'P52W', 'P1M'); undefined for anything else. */
export function parseRecurrence(every: string | undefined): Step | undefined {
  if (every === undefined) return { kind: 'once' };
  if (every === 'P1D') return { kind: 'days', days: 1 };
  if (every === 'P1M') return { kind: 'months', months: 1 };
  const weeks = /^P([1-9]\d?)W$/.exec(every);
  if (weeks && Number(weeks[1]) <= MAX_WEEKS) return { kind: 'days', days: 7 * Number(weeks[1]) };
  return undefined;
}

/** the last nominal local date-time `until` allows: a date includes its whole day. Undefined when there is no end. */
export function untilLimit(until: string | undefined): LocalDateTime | undefined {
  if (until === undefined) return undefined;
  if (parseLocalDate(until)) return `${until}T23:59`;
  if (parseLocalDateTime(until)) return until;
  throw new RangeError(`until '${until}' is neither 'YYYY-MM-DD' nor 'YYYY-MM-DDTHH:mm'`);
}

interface Plan {
  start: LocalParts;
  step: Step;
  limit: LocalDateTime | undefined;
  timeZone: string;
}

function plan(schedule: Schedule, timeZone: string): Plan {
  const start = parseLocalDateTime(schedule.start);
  if (!start) throw new RangeError(`start '${schedule.start}' is not a valid 'YYYY-MM-DDTHH:mm'`);
  const step = parseRecurrence(schedule.every);
  if (!step) throw new RangeError(`every '${String(schedule.every)}' is not one of P1D, P1W…P${MAX_WEEKS}W, P1M`);
  return { start, step, limit: untilLimit(schedule.until), timeZone };
}

/** the nominal wall-clock time of occurrence n (0-based); monthly steps clamp the day to the month's length. */
function nominal(p: Plan, n: number): LocalParts {
  const { start, step } = p;
  if (step.kind === 'days') return partsFromWallClockMillis(wallClockMillis(start) + n * step.days * DAY_MS);
  if (step.kind === 'once') return start;
  const monthIndex = start.month - 1 + n * step.months;
  const year = start.year + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return { year, month, day: Math.min(start.day, daysInMonth(year, month)), hour: start.hour, minute: start.minute };
}

/** the occurrence n, or undefined once past `until` (or past the single occurrence of a one-off). */
function occurrence(p: Plan, n: number): Slot | undefined {
  if (p.step.kind === 'once' && n > 0) return undefined;
  const parts = nominal(p, n);
  const key = formatLocalDateTime(parts);
  if (p.limit !== undefined && key > p.limit) return undefined;
  return { key, at: localToUtc(parts, p.timeZone) };
}

/** an index no greater than that of the first occurrence at or after `fromUtc` (offsets and gaps shift by < 1 day). */
function lowerIndex(p: Plan, fromUtc: number): number {
  const { start, step } = p;
  if (step.kind === 'once') return 0;
  const behind = fromUtc - DAY_MS - wallClockMillis(start);
  if (behind <= 0) return 0;
  if (step.kind === 'days') return Math.floor(behind / (step.days * DAY_MS));
  const from = new Date(fromUtc - DAY_MS);
  const months = (from.getUTCFullYear() - start.year) * 12 + from.getUTCMonth() - (start.month - 1) - 1;
  return Math.max(0, Math.floor(months / step.months));
}

/** occurrences from the first one at or after `fromUtc`, in order; stops after `until` or after `limit` slots. */
function* occurrencesFrom(p: Plan, fromUtc: number, limit: number): Generator<Slot> {
  let n = lowerIndex(p, fromUtc);
  let emitted = 0;
  while (emitted < limit) {
    const slot = occurrence(p, n);
    if (!slot) return;
    n += 1;
    if (slot.at.getTime() < fromUtc) continue;
    emitted += 1;
    yield slot;
  }
}

/**
 * all occurrences with fromUtc <= at < toUtc, in order, at most `limit` (default MAX_SLOTS).
 * Throws RangeError for a malformed schedule or an unknown time zone.
 */
export function slotsBetween(
  schedule: Schedule,
  timeZone: string,
  fromUtc: Date,
  toUtc: Date,
  limit: number = MAX_SLOTS,
): Slot[] {
  const p = plan(schedule, timeZone);
  const slots: Slot[] = [];
  for (const slot of occurrencesFrom(p, fromUtc.getTime(), Math.min(limit, MAX_SLOTS))) {
    if (slot.at.getTime() >= toUtc.getTime()) break;
    slots.push(slot);
  }
  return slots;
}

/**
 * the next `count` occurrences strictly after `afterUtc` (for the "next five post times" preview);
 * fewer when the schedule ends, at most MAX_SLOTS. Throws RangeError for a malformed schedule.
 */
export function nextSlots(schedule: Schedule, timeZone: string, afterUtc: Date, count: number): Slot[] {
  const p = plan(schedule, timeZone);
  const wanted = Math.max(0, Math.min(Math.floor(count), MAX_SLOTS));
  return [...occurrencesFrom(p, afterUtc.getTime() + 1, wanted)];
}
