import type { Locale } from '../locale';
import { messages } from '../messages';
import type { Campaign, CampaignItem, PollItem } from './campaign';
import { channelWords, durationWords, joinWords, quoted, scheduleWords, whenWords } from './plan-words';

/**
 * what changed between two versions of a campaign, in words (one line per change): questions, options, anonymity,
 * targets, channel, schedule, retention. Empty when nothing that needs approval changed (the status is not part of
 * it). Items are matched by id; lines hold people's text as written.
 */
export function describeCampaignChanges(before: Campaign, after: Campaign, locale: Locale): string[] {
  const m = messages(locale);
  const changes: string[] = [];
  if (before.title !== after.title) changes.push(m.chgTitle(before.title, after.title));
  if (before.description !== after.description) {
    if (before.description === undefined) changes.push(m.chgDescriptionAdded(after.description ?? ''));
    else if (after.description === undefined) changes.push(m.chgDescriptionRemoved);
    else changes.push(m.chgDescription(before.description, after.description));
  }
  changes.push(...targetChanges(before, after, locale));
  if (before.channel !== after.channel)
    changes.push(m.chgChannel(channelWords(before.channel, locale), channelWords(after.channel, locale)));
  if (before.timeZone !== after.timeZone) changes.push(m.chgTimeZone(before.timeZone, after.timeZone));
  if (before.retentionDays !== after.retentionDays) {
    const days = (d: number | undefined) => (d === undefined ? m.chgRetentionDefault : m.chgRetentionDays(d));
    changes.push(m.chgRetention(days(before.retentionDays), days(after.retentionDays)));
  }
  const earlier = new Map(before.items.map((item) => [item.id, item]));
  const later = new Set(after.items.map((item) => item.id));
  for (const item of before.items) if (!later.has(item.id)) changes.push(m.chgItemRemoved(item.question));
  for (const item of after.items) {
    const old = earlier.get(item.id);
    if (!old) changes.push(m.chgItemAdded(item.question, m.chgTypeNames[item.type], whenWords(item, locale)));
    else changes.push(...itemChanges(old, item, locale));
  }
  return changes;
}

function targetChanges(before: Campaign, after: Campaign, locale: Locale): string[] {
  const m = messages(locale);
  const b = before.targets;
  const a = after.targets;
  if (b.kind === 'all' && a.kind === 'all') return [];
  if (b.kind === 'all' || a.kind === 'all') {
    const words = (t: Campaign['targets']) =>
      t.kind === 'all'
        ? m.chgTargetsAll
        : m.chgTargetsList(joinWords(t.teams, locale), joinWords(t.units ?? [], locale));
    return [m.chgTargets(words(b), words(a))];
  }
  const lines: string[] = [];
  const diff = (
    was: readonly string[],
    is: readonly string[],
    added: (names: string, count: number) => string,
    removed: (names: string, count: number) => string,
  ) => {
    const plus = is.filter((x) => !was.includes(x));
    const minus = was.filter((x) => !is.includes(x));
    if (plus.length > 0) lines.push(added(joinWords(plus, locale), plus.length));
    if (minus.length > 0) lines.push(removed(joinWords(minus, locale), minus.length));
  };
  diff(b.teams, a.teams, m.chgTeamsAdded, m.chgTeamsRemoved);
  diff(b.units ?? [], a.units ?? [], m.chgUnitsAdded, m.chgUnitsRemoved);
  return lines;
}

function itemChanges(before: CampaignItem, after: CampaignItem, locale: Locale): string[] {
  const m = messages(locale);
  const lines: string[] = [];
  if (before.question !== after.question) lines.push(m.chgQuestion(before.question, after.question));
  const of = (change: string) => lines.push(m.chgOfItem(after.question, change));
  if (before.type !== after.type) of(m.chgType(m.chgTypeNames[before.type], m.chgTypeNames[after.type]));
  if (before.type === 'poll' && after.type === 'poll') pollChanges(before, after, locale).forEach(of);
  if (before.anonymous !== after.anonymous) of(after.anonymous ? m.chgAnonymousOn : m.chgAnonymousOff);
  const schedule = (item: CampaignItem) => scheduleWords(item.schedule, locale);
  if (schedule(before) !== schedule(after)) of(m.chgSchedule(schedule(before), schedule(after)));
  if (before.openFor !== after.openFor)
    of(m.chgOpenFor(durationWords(before.openFor, locale), durationWords(after.openFor, locale)));
  if (before.remindBefore !== after.remindBefore) {
    const remind = (d: string | undefined) => (d === undefined ? m.chgReminderNone : durationWords(d, locale));
    of(m.chgReminder(remind(before.remindBefore), remind(after.remindBefore)));
  }
  return lines;
}

function pollChanges(before: PollItem, after: PollItem, locale: Locale): string[] {
  const m = messages(locale);
  const list = (options: readonly string[]) => options.map((o) => quoted(o, locale)).join(', ');
  const lines: string[] = [];
  const added = after.options.filter((o) => !before.options.includes(o));
  const removed = before.options.filter((o) => !after.options.includes(o));
  if (added.length > 0) lines.push(m.chgOptionsAdded(list(added), added.length));
  if (removed.length > 0) lines.push(m.chgOptionsRemoved(list(removed), removed.length));
  const keptBefore = before.options.filter((o) => after.options.includes(o));
  const keptAfter = after.options.filter((o) => before.options.includes(o));
  if (keptBefore.join('\u0000') !== keptAfter.join('\u0000'))
    lines.push(m.chgOptionsOrder(list(keptBefore), list(keptAfter)));
  if (before.multiple !== after.multiple) {
    const kind = (multiple: boolean) => (multiple ? m.chgMultiple : m.chgSingle);
    lines.push(m.chgChoiceKind(kind(before.multiple), kind(after.multiple)));
  }
  if (after.multiple && before.maxChoices !== after.maxChoices) {
    const max = (n: number | undefined) => (n === undefined ? m.chgMaxChoicesAll : String(n));
    lines.push(m.chgMaxChoices(max(before.maxChoices), max(after.maxChoices)));
  }
  return lines;
}
