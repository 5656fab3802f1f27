import { z } from 'zod';
import type { Problem, ProblemKey } from '../problems';
import { CAMPAIGN_LIMITS as LIMITS, DEFAULT_CHANNEL, type Campaign } from './campaign';
import { campaignFromData, formatCampaignFileError } from './campaign-file';
import { isValidTimeZone, localToUtc, parseLocalDate, parseLocalDateTime, toLocalParts } from './local-time';
import { nextSlots } from './schedule';

/**
 * The chat wizard's forms (`kampagne neu`): what each step's card sends (input values are strings), the rules per
 * field, and the campaign they add up to. The final campaign goes through the same schema as a campaign file.
 */

/** raw input values of one submitted form, by input id. */
export type FormValues = Readonly<Record<string, string | undefined>>;

/** a problem per field id, shown under that field. */
export type FieldErrors = Record<string, Problem>;

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export interface WizardBasics {
  title: string;
  description?: string;
  timeZone: string;
}

export const WIZARD_ITEM_TYPES = ['idea', 'poll', 'multi', 'rating', 'yesno'] as const;
export type WizardItemType = (typeof WIZARD_ITEM_TYPES)[number];

export interface WizardItem {
  type: WizardItemType;
  question: string;
  /** poll options (poll and multi only). */
  options: string[];
  anonymous: boolean;
}

export const REPEATS = ['once', 'P1W', 'P2W', 'P4W', 'P1M'] as const;
export type Repeat = (typeof REPEATS)[number];

export interface WizardSchedule {
  /** local date 'YYYY-MM-DD' and time 'HH:mm' in the campaign's zone. */
  date: string;
  time: string;
  repeat: Repeat;
  /** last day (inclusive) of a repetition. */
  until?: string;
  openDays: number;
  remindHours?: number;
}

export interface WizardTargets {
  /** every installed team, also those added later. */
  all: boolean;
  teamIds: string[];
  /** units of the organisation file by id: every team below them, resolved when posting. Absent when none. */
  unitIds?: string[];
  channel: string;
}

/** everything the wizard has collected so far; JSON-serialisable (it lives in dialog state). */
export interface WizardDraft {
  basics?: WizardBasics;
  items: WizardItem[];
  schedules: WizardSchedule[];
  targets?: WizardTargets;
}

/** at most this many questions per campaign made in chat. */
export const WIZARD_MAX_ITEMS = 20;
export const MAX_OPEN_DAYS = 90;

const problem = (key: ProblemKey, ...args: (string | number)[]): Problem => (args.length ? { key, args } : { key });
const text = (values: FormValues, id: string) => (values[id] ?? '').trim();
const truthy = (value: string | undefined) => value === 'true';

/** the ids of the schedule fields of item `i`. */
export const scheduleField = (name: 'date' | 'time' | 'repeat' | 'until' | 'openDays' | 'remindHours', i: number) =>
  `${name}_${i}`;

function required(values: FormValues, id: string, max: number, errors: FieldErrors): string {
  const value = text(values, id);
  if (!value) errors[id] = problem('errFieldRequired');
  else if (value.length > max) errors[id] = problem('errFieldTooLong', max);
  return value;
}

const done = <T>(errors: FieldErrors, value: () => T): FormResult<T> =>
  Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: value() };

/** step 1: title, description, time zone. */
export function readBasics(values: FormValues): FormResult<WizardBasics> {
  const errors: FieldErrors = {};
  const title = required(values, 'title', LIMITS.titleLength, errors);
  const description = text(values, 'description');
  if (description.length > LIMITS.descriptionLength)
    errors.description = problem('errFieldTooLong', LIMITS.descriptionLength);
  const timeZone = text(values, 'timeZone');
  if (!isValidTimeZone(timeZone)) errors.timeZone = problem('errTimeZone');
  return done(errors, () => ({ title, ...(description && { description }), timeZone }));
}

/** whether the item form was left empty (then "next" moves on without adding a question). */
export function isBlankItem(values: FormValues): boolean {
  return text(values, 'question') === '' && text(values, 'options') === '';
}

/** step 2, once per question: kind, question, options (one per line), anonymity. */
export function readItem(values: FormValues): FormResult<WizardItem> {
  const errors: FieldErrors = {};
  const type = z.enum(WIZARD_ITEM_TYPES).safeParse(text(values, 'type'));
  if (!type.success) errors.type = problem('errFieldRequired');
  const question = required(values, 'question', LIMITS.questionLength, errors);
  const choiceList = type.success && (type.data === 'poll' || type.data === 'multi');
  const options = choiceList
    ? text(values, 'options')
        .split(/\r?\n/)
        .map((o) => o.trim())
        .filter(Boolean)
    : [];
  if (choiceList) {
    if (options.length < LIMITS.minOptions || options.length > LIMITS.maxOptions)
      errors.options = problem('errOptionsCount', LIMITS.minOptions, LIMITS.maxOptions);
    else if (options.some((o) => o.length > LIMITS.optionLength))
      errors.options = problem('errOptionTooLongLine', LIMITS.optionLength);
    else if (new Set(options.map((o) => o.toLowerCase())).size !== options.length)
      errors.options = problem('errOptionsDuplicate');
  }
  return done(errors, () => ({
    type: type.data as WizardItemType,
    question,
    options,
    anonymous: truthy(values.anonymous),
  }));
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)(:\d\d)?$/;

/** step 3: a schedule per question; times are the campaign zone's wall-clock times and may not lie in the past. */
export function readSchedules(
  values: FormValues,
  itemCount: number,
  timeZone: string,
  now: Date,
): FormResult<WizardSchedule[]> {
  const errors: FieldErrors = {};
  const schedules: WizardSchedule[] = [];
  for (let i = 0; i < itemCount; i++) {
    const f = (name: Parameters<typeof scheduleField>[0]) => scheduleField(name, i);
    const date = text(values, f('date'));
    const time = text(values, f('time')).slice(0, 5);
    const repeat = (REPEATS as readonly string[]).includes(text(values, f('repeat')))
      ? (text(values, f('repeat')) as Repeat)
      : 'once';
    const until = text(values, f('until'));
    const openDays = Number(text(values, f('openDays')));
    const remindText = text(values, f('remindHours'));
    const remindHours = remindText === '' ? undefined : Number(remindText);
    const validDate = parseLocalDate(date) !== undefined;
    if (!validDate) errors[f('date')] = problem('errDate');
    if (!TIME.test(time)) errors[f('time')] = problem('errTime');
    else if (
      validDate &&
      localToUtc(parseLocalDateTime(`${date}T${time}`)!, timeZone).getTime() < now.getTime() - 60_000
    )
      errors[f('date')] = problem('errInPast');
    if (until) {
      if (repeat === 'once') errors[f('until')] = problem('errUntilWithoutRepeat');
      else if (parseLocalDate(until) === undefined) errors[f('until')] = problem('errDate');
      else if (validDate && until < date) errors[f('until')] = problem('errUntilBeforeStart');
    }
    if (!Number.isInteger(openDays) || openDays < 1 || openDays > MAX_OPEN_DAYS)
      errors[f('openDays')] = problem('errOpenDays');
    else if (
      remindHours !== undefined &&
      (!Number.isInteger(remindHours) || remindHours < 1 || remindHours >= openDays * 24)
    )
      errors[f('remindHours')] = problem('errRemindHours');
    schedules.push({
      date,
      time,
      repeat,
      ...(until && repeat !== 'once' && { until }),
      openDays,
      ...(remindHours !== undefined && { remindHours }),
    });
  }
  return done(errors, () => schedules);
}

/** step 4: all teams, or some of the installed ones and units of the organisation file, and the channel name. */
export function readTargets(
  values: FormValues,
  installedTeamIds: readonly string[],
  knownUnitIds: readonly string[] = [],
): FormResult<WizardTargets> {
  const errors: FieldErrors = {};
  const all = truthy(values.allTeams);
  const picked = (id: string, known: readonly string[]) =>
    text(values, id)
      .split(',')
      .map((t) => t.trim())
      .filter((t) => known.includes(t));
  const teamIds = picked('teams', installedTeamIds);
  const unitIds = all ? [] : [...new Set(picked('units', knownUnitIds))];
  if (!all && teamIds.length === 0 && unitIds.length === 0) errors.teams = problem('errNoTeams');
  const channel = required(values, 'channel', 200, errors);
  return done(errors, () => ({
    all,
    teamIds: all ? [] : [...new Set(teamIds)],
    ...(unitIds.length > 0 && { unitIds }),
    channel,
  }));
}

/** the schedule a wizard default shows: tomorrow at 09:00, once, open a week. */
export function defaultSchedule(now: Date, timeZone: string): WizardSchedule {
  const tomorrow = new Date(now.getTime() + 86_400_000);
  const p = toLocalParts(tomorrow, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: '09:00', repeat: 'once', openDays: 7 };
}

/** a campaign id from the title: a slug with a short unique suffix. */
export function campaignSlug(title: string, suffix: string): string {
  const base = title
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const tail =
    suffix
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 8) || 'x';
  return base ? `${base}-${tail}` : `kampagne-${tail}`;
}

/** the campaign-file shape of a wizard draft, so the file schema (the one set of rules) validates it. */
function toFileData(draft: WizardDraft, id: string, status: 'draft' | 'scheduled'): Record<string, unknown> {
  const { basics, targets } = draft;
  return {
    id,
    title: basics?.title,
    ...(basics?.description && { description: basics.description }),
    ...(targets?.all !== false
      ? { teams: 'all' }
      : {
          ...((targets.teamIds.length > 0 || !targets.unitIds?.length) && { teams: targets.teamIds }),
          ...(targets.unitIds?.length && { units: targets.unitIds }),
        }),
    channel: targets?.channel ?? DEFAULT_CHANNEL,
    timezone: basics?.timeZone,
    status,
    items: draft.items.map((item, i) => {
      const s = draft.schedules[i];
      const schedule = s
        ? {
            start: `${s.date}T${s.time}`,
            ...(s.repeat !== 'once' && { every: s.repeat }),
            ...(s.until && { until: s.until }),
          }
        : undefined;
      const type = item.type === 'multi' ? 'poll' : item.type;
      return {
        id: `frage-${i + 1}`,
        type,
        question: item.question,
        anonymous: item.anonymous,
        ...(type === 'poll' && { options: item.options, multiple: item.type === 'multi' }),
        schedule,
        openFor: `P${s?.openDays ?? 7}D`,
        ...(s?.remindHours !== undefined && { remindBefore: `PT${s.remindHours}H` }),
      };
    }),
  };
}

/** the campaign a complete draft describes, or the problems (in file terms) that keep it from being one. */
export function wizardCampaign(
  draft: WizardDraft,
  id: string,
  status: 'draft' | 'scheduled',
): { ok: true; campaign: Campaign } | { ok: false; errors: string[] } {
  if (draft.items.length === 0) return { ok: false, errors: ['items: none'] };
  const result = campaignFromData('chat', toFileData(draft, id, status), {
    defaultTimeZone: draft.basics?.timeZone ?? 'Europe/Berlin',
  });
  return result.ok ? result : { ok: false, errors: result.errors.map(formatCampaignFileError) };
}

/** the next `count` posts of a campaign after `now`, across its items, earliest first. */
export function upcomingPosts(
  campaign: Pick<Campaign, 'items' | 'timeZone'>,
  now: Date,
  count = 5,
): { itemIndex: number; at: Date }[] {
  return campaign.items
    .flatMap((item, itemIndex) =>
      nextSlots(item.schedule, campaign.timeZone, new Date(now.getTime() - 60_000), count).map((slot) => ({
        itemIndex,
        at: slot.at,
      })),
    )
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.itemIndex - b.itemIndex)
    .slice(0, count);
}
