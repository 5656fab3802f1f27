import type { Locale } from '../locale';
import { messages } from '../messages';
import { DEFAULT_CHANNEL, type CampaignItem } from './campaign';
import { parseIsoDuration, type DurationParts } from './iso-duration';
import { parseLocalDate, parseLocalDateTime, type LocalParts } from './local-time';
import { parseRecurrence, type Schedule } from './schedule';

// Schedules and durations in words, for the readable plan and the changes between two versions of a campaign.

const pad = (n: number): string => String(n).padStart(2, '0');

/** the weekday of a calendar date, 0 = Monday. */
function weekdayIndex(p: LocalParts): number {
  return (new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7;
}

function time(locale: Locale, p: LocalParts): string {
  return messages(locale).planTime(p.hour, pad(p.minute));
}

/** a date as the locale writes it in running text: 12.01.2027 / 12 Jan 2027; without the year: 12.01. / 12 Jan. */
function date(locale: Locale, p: LocalParts, withYear = true): string {
  if (locale === 'de') return `${pad(p.day)}.${pad(p.month)}.${withYear ? p.year : ''}`;
  const month = messages(locale).planMonths[p.month - 1] ?? '';
  return withYear ? `${p.day} ${month} ${p.year}` : `${p.day} ${month}`;
}

/** 'P5D' → '5 Tage' / '5 days'; 'P1W2D' → '1 Woche und 2 Tage'. Unreadable text comes back as it is. */
export function durationWords(iso: string, locale: Locale): string {
  const parts = parseIsoDuration(iso);
  if (!parts) return iso;
  const m = messages(locale);
  const words = (Object.keys(m.planDurationUnits) as (keyof DurationParts)[])
    .filter((unit) => parts[unit] > 0)
    .map((unit) => {
      const [one, many] = m.planDurationUnits[unit];
      return `${parts[unit]} ${parts[unit] === 1 ? one : many}`;
    });
  return joinWords(words, locale);
}

/** 'a', 'a und b', 'a, b und c' (English: 'a, b and c'). */
export function joinWords(words: readonly string[], locale: Locale): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${messages(locale).planAnd} ${words[words.length - 1]}`;
}

/**
 * when an item is posted, in words: 'jeden Montag um 9:00 Uhr, vom 12.01. bis 30.03.2027' /
 * 'every Monday at 9:00, from 12 Jan to 30 Mar 2027'; a malformed schedule comes back as its raw fields.
 */
export function scheduleWords(schedule: Schedule, locale: Locale): string {
  const m = messages(locale);
  const start = parseLocalDateTime(schedule.start);
  const step = parseRecurrence(schedule.every);
  if (!start || !step) return [schedule.start, schedule.every, schedule.until].filter(Boolean).join(' · ');
  const at = time(locale, start);
  const weekday = m.planWeekdays[weekdayIndex(start)] ?? '';
  if (step.kind === 'once') return m.planOnce(weekday, date(locale, start), at);
  const rhythm =
    step.kind === 'months'
      ? m.planMonthly(start.day, at)
      : step.days === 1
        ? m.planDaily(at)
        : step.days === 7
          ? m.planEveryWeek(weekday, at)
          : m.planEveryWeeks(step.days / 7, weekday, at);
  return `${rhythm}, ${rangeWords(locale, start, schedule.until)}`;
}

function rangeWords(locale: Locale, start: LocalParts, until: string | undefined): string {
  const m = messages(locale);
  const end = until === undefined ? undefined : (parseLocalDate(until) ?? parseLocalDateTime(until));
  if (!end) return m.planFromOpenEnded(date(locale, start));
  const from = date(locale, start, start.year !== end.year);
  const to = date(locale, end);
  return until !== undefined && parseLocalDateTime(until)
    ? m.planFromToTime(from, to, time(locale, end))
    : m.planFromTo(from, to);
}

/** how long each post stays open: 'jeweils 5 Tage offen' for a repeating item, '5 Tage offen' for a one-off. */
export function openWords(item: Pick<CampaignItem, 'schedule' | 'openFor'>, locale: Locale): string {
  const m = messages(locale);
  const words = durationWords(item.openFor, locale);
  return item.schedule.every === undefined ? m.planOpenOnce(words) : m.planOpenEach(words);
}

/** schedule and open period in one phrase, as the plan's "when" line reads. */
export function whenWords(item: Pick<CampaignItem, 'schedule' | 'openFor'>, locale: Locale): string {
  return `${scheduleWords(item.schedule, locale)}, ${openWords(item, locale)}`;
}

/** people's text in the reader's quotation marks: „…“ / “…”. */
export function quoted(text: string, locale: Locale): string {
  return locale === 'de' ? `„${text}“` : `“${text}”`;
}

/** the channel as its readers know it: Teams shows the General channel as "Allgemein" in German. */
export function channelWords(channel: string, locale: Locale): string {
  return channel === DEFAULT_CHANNEL ? messages(locale).planGeneralChannel : channel;
}
