import type { WizardDraft } from '../../core/campaigns/campaign-form';
import type { Locale } from '../../core/locale';
import { buildWizardCard, type WizardCardInput } from '../campaign-wizard-card';
import { asAttachment } from '../render';
import { SAMPLE_TIME_ZONE } from './sample-items';
import type { CardSample } from './card-sample';

/** a campaign an admin plans in the personal chat: two questions for the Jobcenter's service teams. */
function draftIn(locale: Locale): WizardDraft {
  const de = locale === 'de';
  return {
    basics: {
      title: de ? 'Zufriedenheit im Jobcenter 2026' : 'Jobcenter satisfaction 2026',
      description: de
        ? 'Alle zwei Wochen eine kurze Frage an die Leistungsabteilung.'
        : 'A short question to the benefits department every two weeks.',
      timeZone: SAMPLE_TIME_ZONE,
    },
    items: [
      {
        type: 'rating',
        question: de ? 'Wie belastet fühlst du dich diese Woche?' : 'How stretched do you feel this week?',
        options: [],
        anonymous: true,
      },
      {
        type: 'idea',
        question: de
          ? 'Was sollten wir im Publikumsverkehr zuerst ändern?'
          : 'What should we change first at the public counter?',
        options: [],
        anonymous: false,
      },
    ],
    schedules: [
      { date: '2026-03-16', time: '09:00', repeat: 'P2W', until: '2026-06-30', openDays: 7, remindHours: 48 },
      { date: '2026-03-23', time: '09:00', repeat: 'once', openDays: 14 },
    ],
    targets: { all: false, teamIds: ['jobcenter-mitte'], channel: 'Leistungsabteilung' },
  };
}

function wizardCard(locale: Locale, over: Pick<WizardCardInput, 'step'> & Partial<WizardCardInput>) {
  return asAttachment(
    buildWizardCard({
      locale,
      wizardId: 'w-7f3a',
      draft: draftIn(locale),
      timeZone: SAMPLE_TIME_ZONE,
      defaultSchedule: { date: '2026-03-10', time: '09:00', repeat: 'once', openDays: 7 },
      teams: [
        { teamId: 'jobcenter-mitte', name: 'Jobcenter Mitte', channels: ['Leistungsabteilung', 'Arbeitsvermittlung'] },
        { teamId: 'sozialamt', name: 'Sozialamt', channels: ['Grundsicherung'] },
      ],
      ...over,
    }),
  );
}

/** the steps of the campaign wizard (dialogs/campaign-wizard.ts). */
export const WIZARD_SAMPLES: readonly CardSample[] = [
  {
    id: 'wizard-items',
    title: 'Campaign wizard: questions',
    purpose: 'The campaign wizard in the personal chat: the questions so far and a form for the next one.',
    template: 'campaign-wizard',
    build: (l) => wizardCard(l, { step: 'items' }),
  },
  {
    id: 'wizard-schedule',
    title: 'Campaign wizard: schedule',
    purpose: 'The campaign wizard: when each question is posted, how often, how long it stays open, when to remind.',
    template: 'campaign-wizard',
    build: (l) => wizardCard(l, { step: 'schedule' }),
  },
  {
    id: 'wizard-targets',
    title: 'Campaign wizard: teams and units',
    purpose:
      'The campaign wizard: all teams, or some teams and units of the organisation file (every team below them), and the channel.',
    template: 'campaign-wizard',
    build: (l) =>
      wizardCard(l, {
        step: 'targets',
        units: [
          { unitId: 'sozialamt', name: 'Sozialamt' },
          { unitId: 'leistungen', name: 'Abteilung Leistungen' },
        ],
        draft: {
          ...draftIn(l),
          targets: { all: false, teamIds: [], unitIds: ['leistungen'], channel: 'General' },
        },
      }),
  },
  {
    id: 'wizard-preview',
    title: 'Campaign wizard: preview',
    purpose: 'The last wizard step: the whole campaign and its next posts, to schedule or save as a draft.',
    template: 'campaign-wizard',
    build: (l) =>
      wizardCard(l, {
        step: 'preview',
        upcoming: [
          { itemIndex: 0, at: new Date('2026-03-16T08:00:00Z') },
          { itemIndex: 1, at: new Date('2026-03-23T08:00:00Z') },
          { itemIndex: 0, at: new Date('2026-03-30T07:00:00Z') },
        ],
      }),
  },
];
