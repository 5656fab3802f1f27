import { VERBS, type WizardMove, type WizardStep } from '../core/card-actions';
import {
  REPEATS,
  WIZARD_ITEM_TYPES,
  WIZARD_MAX_ITEMS,
  scheduleField,
  type FieldErrors,
  type FormValues,
  type Repeat,
  type WizardDraft,
  type WizardItemType,
  type WizardSchedule,
} from '../core/campaigns/campaign-form';
import { generalChannelLabel, isGeneralChannelName } from '../core/reader-words';
import { DEFAULT_CHANNEL } from '../core/campaigns/campaign';
import { localToUtc, parseLocalDateTime } from '../core/campaigns/local-time';
import { formatDateTime, type Locale } from '../core/locale';
import { messages, type Messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import { describeProblem } from '../core/problems';
import template from './templates/campaign-wizard.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** the order of the wizard's steps, as shown in "Schritt 2 von 5". */
const STEP_ORDER: readonly WizardStep[] = ['basics', 'items', 'schedule', 'targets', 'preview'];

/** an installed team as the targets step offers it. */
export interface WizardTeam {
  teamId: string;
  name: string;
  channels: string[];
}

/** a unit of the organisation file as the targets step offers it. */
export interface WizardUnit {
  unitId: string;
  name: string;
}

/** everything one wizard card shows. */
export interface WizardCardInput {
  locale: Locale;
  wizardId: string;
  step: WizardStep;
  draft: WizardDraft;
  /** values to show in the inputs (what was submitted, when it had errors); otherwise taken from the draft. */
  values?: FormValues;
  errors?: FieldErrors;
  notice?: { kind: 'good' | 'attention'; text: string };
  /** the campaign's zone, for defaults and the preview's times. */
  timeZone: string;
  /** the schedule a question without one starts with. */
  defaultSchedule: WizardSchedule;
  /** installed teams (targets step). */
  teams?: WizardTeam[];
  /** units of the organisation file (targets step); none without units. */
  units?: WizardUnit[];
  /** the next posts (preview step). */
  upcoming?: { itemIndex: number; at: Date }[];
}

type Field =
  | { kind: 'text'; id: string; label: string; value: string; placeholder?: string; multiline?: boolean; max: number }
  | {
      kind: 'choice';
      id: string;
      label: string;
      value: string;
      choices: { title: string; value: string }[];
      multi?: boolean;
      style?: 'compact' | 'expanded';
    }
  | { kind: 'toggle' | 'date' | 'time'; id: string; label: string; value: string }
  | { kind: 'number'; id: string; label: string; value: string; min: number; max: number };

/** a part of a step: heading and lines are Markdown (people's texts are put in with plainText), field values stay as typed. */
interface Section {
  heading?: string;
  lines?: string[];
  fields?: Field[];
}

function typeLabel(m: Messages, type: WizardItemType): string {
  return { idea: m.typeIdea, poll: m.typePoll, multi: m.typeMulti, rating: m.typeRating, yesno: m.typeYesNo }[type];
}

function repeatLabel(m: Messages, repeat: Repeat): string {
  return {
    once: m.repeatOnce,
    P1W: m.repeatWeekly,
    P2W: m.repeatBiweekly,
    P4W: m.repeatFourWeeks,
    P1M: m.repeatMonthly,
  }[repeat];
}

function basicsSections(m: Messages, input: WizardCardInput, v: (id: string, fallback: string) => string): Section[] {
  const b = input.draft.basics;
  return [
    {
      fields: [
        {
          kind: 'text',
          id: 'title',
          label: m.fieldTitle,
          value: v('title', b?.title ?? ''),
          placeholder: m.fieldTitlePlaceholder,
          max: 200,
        },
        {
          kind: 'text',
          id: 'description',
          label: m.fieldDescription,
          value: v('description', b?.description ?? ''),
          placeholder: m.fieldDescriptionPlaceholder,
          multiline: true,
          max: 2000,
        },
        {
          kind: 'text',
          id: 'timeZone',
          label: m.fieldTimeZone,
          value: v('timeZone', b?.timeZone ?? input.timeZone),
          max: 64,
        },
      ],
    },
  ];
}

function itemsSections(m: Messages, input: WizardCardInput, v: (id: string, fallback: string) => string): Section[] {
  const { items } = input.draft;
  const list: Section = {
    heading: items.length ? m.itemsSoFar(items.length) : '',
    lines: items.length
      ? items.map((item, i) => m.previewItemLine(i + 1, typeLabel(m, item.type), plainText(item.question)))
      : [m.itemsNone],
  };
  if (items.length >= WIZARD_MAX_ITEMS) return [list, { lines: [m.itemsMax(WIZARD_MAX_ITEMS)] }];
  return [
    list,
    {
      fields: [
        {
          kind: 'choice',
          id: 'type',
          label: m.fieldType,
          value: v('type', 'idea'),
          style: 'compact',
          choices: WIZARD_ITEM_TYPES.map((t) => ({ title: typeLabel(m, t), value: t })),
        },
        {
          kind: 'text',
          id: 'question',
          label: m.fieldQuestion,
          value: v('question', ''),
          placeholder: m.fieldQuestionPlaceholder,
          multiline: true,
          max: 500,
        },
        { kind: 'text', id: 'options', label: m.fieldOptions, value: v('options', ''), multiline: true, max: 1200 },
        { kind: 'toggle', id: 'anonymous', label: m.fieldAnonymous, value: v('anonymous', 'false') },
      ],
    },
  ];
}

function scheduleSections(m: Messages, input: WizardCardInput, v: (id: string, fallback: string) => string): Section[] {
  return input.draft.items.map((item, i) => {
    const s = input.draft.schedules[i] ?? input.defaultSchedule;
    const f = (name: Parameters<typeof scheduleField>[0]) => scheduleField(name, i);
    return {
      heading: m.scheduleFor(i + 1, plainText(item.question)),
      fields: [
        { kind: 'date', id: f('date'), label: m.fieldDate, value: v(f('date'), s.date) },
        { kind: 'time', id: f('time'), label: m.fieldTime, value: v(f('time'), s.time) },
        {
          kind: 'choice',
          id: f('repeat'),
          label: m.fieldRepeat,
          value: v(f('repeat'), s.repeat),
          style: 'compact',
          choices: REPEATS.map((r) => ({ title: repeatLabel(m, r), value: r })),
        },
        { kind: 'date', id: f('until'), label: m.fieldUntil, value: v(f('until'), s.until ?? '') },
        {
          kind: 'number',
          id: f('openDays'),
          label: m.fieldOpenDays,
          value: v(f('openDays'), String(s.openDays)),
          min: 1,
          max: 90,
        },
        {
          kind: 'number',
          id: f('remindHours'),
          label: m.fieldRemindHours,
          value: v(f('remindHours'), s.remindHours === undefined ? '' : String(s.remindHours)),
          min: 1,
          max: 2160,
        },
      ],
    };
  });
}

function targetsSections(m: Messages, input: WizardCardInput, v: (id: string, fallback: string) => string): Section[] {
  const teams = input.teams ?? [];
  const t = input.draft.targets;
  // General comes first, named as the reader's Teams names it ("Allgemein" in German); its value stays 'General'.
  const others = teams.flatMap((team) => team.channels).filter((c) => !isGeneralChannelName(c));
  const channels = [
    { title: generalChannelLabel(input.locale), value: DEFAULT_CHANNEL },
    ...[...new Set(others)].map((c) => ({ title: c, value: c })),
  ];
  return [
    {
      lines: teams.length ? [] : [m.noTeams],
      fields: [
        { kind: 'toggle', id: 'allTeams', label: m.fieldAllTeams, value: v('allTeams', t ? String(t.all) : 'true') },
        ...(teams.length
          ? [
              {
                kind: 'choice' as const,
                id: 'teams',
                label: m.fieldTeams,
                value: v('teams', t?.teamIds.join(',') ?? ''),
                multi: true,
                style: 'expanded' as const,
                choices: teams.map((team) => ({ title: team.name, value: team.teamId })),
              },
            ]
          : []),
        ...((input.units ?? []).length
          ? [
              {
                kind: 'choice' as const,
                id: 'units',
                label: m.fieldUnits,
                value: v('units', t?.unitIds?.join(',') ?? ''),
                multi: true,
                style: 'expanded' as const,
                choices: (input.units ?? []).map((unit) => ({ title: unit.name, value: unit.unitId })),
              },
            ]
          : []),
        {
          kind: 'choice',
          id: 'channel',
          label: m.fieldChannel,
          value: v('channel', t?.channel ?? DEFAULT_CHANNEL),
          style: 'compact',
          choices: channels,
        },
      ],
    },
  ];
}

/** a channel named in a campaign as the reader knows it: General (or Allgemein) in the reader's language. */
const channelName = (channel: string, locale: Locale): string =>
  isGeneralChannelName(channel) ? generalChannelLabel(locale) : channel;

function previewSections(m: Messages, input: WizardCardInput): Section[] {
  const { draft, locale } = input;
  const zone = draft.basics?.timeZone ?? input.timeZone;
  const at = (date: string, time: string) => {
    const parts = parseLocalDateTime(`${date}T${time}`);
    return parts ? formatDateTime(locale, localToUtc(parts, zone), zone) : `${date} ${time}`;
  };
  const day = (date: string) => (date ? (at(date, '12:00').split(',')[0] ?? date) : '');
  const teamNames =
    draft.targets?.all !== false
      ? m.previewAllTeams
      : [
          ...draft.targets.teamIds.map((id) => plainText(input.teams?.find((t) => t.teamId === id)?.name ?? id)),
          ...(draft.targets.unitIds ?? []).map((id) =>
            m.previewUnit(plainText(input.units?.find((u) => u.unitId === id)?.name ?? id)),
          ),
        ].join(', ');
  const upcoming = input.upcoming ?? [];
  return [
    {
      heading: plainText(draft.basics?.title ?? ''),
      lines: [
        plainText(draft.basics?.description ?? ''),
        m.previewTargets(teamNames, plainText(channelName(draft.targets?.channel ?? DEFAULT_CHANNEL, locale))),
      ].filter(Boolean),
    },
    {
      heading: m.wizardStepItems,
      lines: draft.items.flatMap((item, i) => {
        const s = draft.schedules[i];
        const schedule = !s
          ? ''
          : s.repeat === 'once'
            ? m.scheduleOnce(at(s.date, s.time))
            : m.scheduleRepeat(repeatLabel(m, s.repeat), at(s.date, s.time), day(s.until ?? ''));
        return [
          m.previewItemLine(i + 1, typeLabel(m, item.type), plainText(item.question)),
          m.previewScheduleLine(schedule, m.openForDays(s?.openDays ?? 7)),
        ];
      }),
    },
    {
      heading: m.previewNextPosts,
      lines: upcoming.length
        ? upcoming.map(
            (p) =>
              `${formatDateTime(locale, p.at, zone)} – ${p.itemIndex + 1}. ${plainText(draft.items[p.itemIndex]?.question ?? '')}`,
          )
        : [m.previewNoPosts],
    },
    { lines: [m.previewCardsFollow] },
  ];
}

interface Button {
  title: string;
  move: WizardMove;
  /** whether the form's inputs go along (not for back and cancel, so half-filled forms never block them). */
  inputs: boolean;
  primary?: boolean;
}

function buttons(m: Messages, step: WizardStep, draft: WizardDraft): Button[] {
  const back: Button = { title: m.back, move: 'back', inputs: false };
  const cancel: Button = { title: m.cancel, move: 'cancel', inputs: false };
  const next: Button = { title: m.next, move: 'next', inputs: true, primary: true };
  switch (step) {
    case 'basics':
      return [next, cancel];
    case 'items':
      return [
        next,
        ...(draft.items.length < WIZARD_MAX_ITEMS ? [{ title: m.addItem, move: 'add' as const, inputs: true }] : []),
        ...(draft.items.length ? [{ title: m.removeLastItem, move: 'removeLast' as const, inputs: false }] : []),
        back,
        cancel,
      ];
    case 'preview':
      return [
        { title: m.confirmSchedule, move: 'confirm', inputs: false, primary: true },
        { title: m.saveDraft, move: 'draft', inputs: false },
        back,
        cancel,
      ];
    default:
      return [next, back, cancel];
  }
}

/** one step of the campaign wizard as a form card; errors appear under their fields, values stay filled in. */
export function buildWizardCard(input: WizardCardInput): AdaptiveCard {
  const m = messages(input.locale);
  const { step, errors = {} } = input;
  const v = (id: string, fallback: string) => input.values?.[id] ?? fallback;
  const stepNames: Record<WizardStep, string> = {
    basics: m.wizardStepBasics,
    items: m.wizardStepItems,
    schedule: m.wizardStepSchedule,
    targets: m.wizardStepTargets,
    preview: m.wizardStepPreview,
  };
  const sections =
    step === 'basics'
      ? basicsSections(m, input, v)
      : step === 'items'
        ? itemsSections(m, input, v)
        : step === 'schedule'
          ? scheduleSections(m, input, v)
          : step === 'targets'
            ? targetsSections(m, input, v)
            : previewSections(m, input);
  const errorOf = (id: string) => (errors[id] ? plainText(describeProblem(input.locale, errors[id])) : '');
  const hasErrors = Object.keys(errors).length > 0;
  const notice = hasErrors ? { kind: 'attention' as const, text: m.wizardFixErrors } : input.notice;
  return expandTemplate(template, {
    title: m.wizardTitle,
    step: m.wizardStep(STEP_ORDER.indexOf(step) + 1, STEP_ORDER.length, stepNames[step]),
    notice: plainText(notice?.text ?? ''),
    noticeColor: notice?.kind === 'good' ? 'Good' : 'Attention',
    intro: step === 'preview' ? [m.previewIntro] : [],
    sections: sections.map((s) => ({
      heading: s.heading ?? '',
      lines: s.lines ?? [],
      fields: (s.fields ?? []).map((f) => ({
        placeholder: '',
        multiline: false,
        multi: false,
        style: 'compact',
        choices: [],
        min: 0,
        max: 0,
        ...f,
        // Input.Number takes a number; an empty one has no value at all.
        value: f.kind === 'number' ? Number(f.value) : f.value,
        hasValue: f.value.trim() !== '' && (f.kind !== 'number' || Number.isFinite(Number(f.value))),
        error: errorOf(f.id),
      })),
    })),
    verb: VERBS.wizard,
    actions: buttons(m, step, input.draft).map((b) => ({
      title: b.title,
      payload: { wizardId: input.wizardId, step, action: b.move },
      inputs: b.inputs ? 'auto' : 'none',
      style: b.primary ? 'positive' : 'default',
      // back, cancel and remove go into the card's overflow menu, so the main buttons keep their full titles.
      mode: b.move === 'back' || b.move === 'cancel' || b.move === 'removeLast' ? 'secondary' : 'primary',
    })),
  });
}
