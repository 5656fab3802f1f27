import { DateTime } from 'luxon';
import type { Locale } from '../locale';
import type { MeasureFilter } from './measure-actions';
import { OPEN_STATUSES, type Measure, type MeasureStatus } from './measure';

/** finished measures (done or dropped) stay on the board this many days after their last status change. */
export const RECENTLY_FINISHED_DAYS = 60;

/** how many measures one board card lists (each with its forms; the card stays well below Teams' size limit). */
export const BOARD_LIMIT = 15;

const FINISHED: ReadonlySet<MeasureStatus> = new Set(['done', 'dropped']);

/** whether a measure is finished: done or dropped. */
export function isFinished(measure: Pick<Measure, 'status'>): boolean {
  return FINISHED.has(measure.status);
}

/**
 * the measures a board shows, in order: without a filter, every measure still to be done (planned, in progress,
 * deferred) however old, earliest target date first, then those finished in the last RECENTLY_FINISHED_DAYS days,
 * latest first; with a status filter, every measure of that status (finished ones without the time limit).
 */
export function boardMeasures<M extends Pick<Measure, 'status' | 'dueDate' | 'statusAt'>>(
  measures: readonly M[],
  now: Date,
  filter: MeasureFilter = 'all',
): M[] {
  const since = now.getTime() - RECENTLY_FINISHED_DAYS * 24 * 60 * 60 * 1000;
  const open = measures
    .filter((m) => !isFinished(m) && (filter === 'all' || m.status === filter))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const finished = measures
    .filter((m) => isFinished(m) && (filter === 'all' ? m.statusAt.getTime() >= since : m.status === filter))
    .sort((a, b) => b.statusAt.getTime() - a.statusAt.getTime());
  return [...open, ...finished];
}

/** whether a status counts as open for the overdue mark. */
export function isOpenStatus(status: MeasureStatus): boolean {
  return OPEN_STATUSES.has(status);
}

/** a calendar day `YYYY-MM-DD` as people read it: 24.12.2026 or 24 Dec 2026. */
export function formatDay(locale: Locale, day: string): string {
  const d = DateTime.fromISO(day, { zone: 'UTC' });
  if (!d.isValid) return day;
  return locale === 'de' ? d.toFormat('dd.MM.yyyy') : d.setLocale('en-GB').toFormat('d LLL yyyy');
}
