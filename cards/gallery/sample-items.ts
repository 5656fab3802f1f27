import type { Item, ItemDraft } from '../../core/items';
import type { Locale } from '../../core/locale';
import type { Tally } from '../../core/tally';

/**
 * realistic items for the card gallery: questions a participation manager in a Jobcenter, Sozialamt or
 * Ausländerbehörde would ask. Questions are typed by people, so each has a German and an English wording;
 * ids and dates are fixed so the pictures only change when a card changes.
 */

/** a text in both languages; the gallery shows each card with the question in the card's language. */
export type Bilingual = Record<Locale, string>;

/** the time zone every sample is shown in (the bot's default). */
export const SAMPLE_TIME_ZONE = 'Europe/Berlin';
/** the result threshold every sample uses (the bot's default). */
export const SAMPLE_MIN_GROUP_SIZE = 5;

/** the mock tenant's people (.m365agentsplayground.yml), for greetings and quoted answers. */
export const PEOPLE = [
  'Sabine Krüger',
  'Anna Becker',
  'Jonas Wagner',
  'Leyla Yilmaz',
  'Thomas Schmidt',
  'Miriam Hoffmann',
] as const;

/** the channels a sample admin may post into. */
export const SAMPLE_TARGETS = [
  { teamId: 'team-digital', channelId: 'team-digital', label: 'Team Digitalisierung › General' },
  { teamId: 'jobcenter-mitte', channelId: 'jc-leistung', label: 'Jobcenter Mitte › Leistungsabteilung' },
  { teamId: 'sozialamt', channelId: 'soz-grundsicherung', label: 'Sozialamt › Grundsicherung' },
  { teamId: 'abh', channelId: 'abh-buergerbuero', label: 'Ausländerbehörde › Bürgerbüro' },
];

/** a poll or idea prompt as the gallery describes it: content per language, the rest shared. */
export interface SampleItem {
  id: string;
  kind: Item['kind'];
  pollKind?: Item['pollKind'];
  question: Bilingual;
  options?: Bilingual[];
  anonymous?: boolean;
  status?: Item['status'];
  closesAt?: Date;
}

/** the item a builder gets, in one language. */
export function itemIn(locale: Locale, sample: SampleItem): Item {
  return {
    id: sample.id,
    teamId: 'jobcenter-mitte',
    channelId: 'jc-leistung',
    kind: sample.kind,
    pollKind: sample.kind === 'poll' ? (sample.pollKind ?? 'single') : undefined,
    question: sample.question[locale],
    options: (sample.options ?? []).map((o) => o[locale]),
    anonymous: sample.anonymous ?? false,
    status: sample.status ?? 'open',
    createdBy: 'aad-sabine-krueger',
    createdAt: new Date('2026-03-02T08:30:00Z'),
    closesAt: sample.closesAt,
    closedAt: sample.status === 'closed' ? new Date('2026-03-09T15:00:00Z') : undefined,
    locale,
  };
}

/** the draft of an item, as the target picker carries it. */
export function draftIn(locale: Locale, sample: SampleItem): ItemDraft {
  const { kind, pollKind, question, options, anonymous } = itemIn(locale, sample);
  return { kind, pollKind, question, options, anonymous };
}

/** a tally from counts per option; `voters` defaults to their sum (give it for multi-choice polls). */
export function tallyOf(counts: number[], voters?: number): Tally {
  return { counts, voters: voters ?? counts.reduce((a, b) => a + b, 0) };
}

const closesAt = new Date('2026-03-13T15:00:00Z');

export const APPOINTMENTS: SampleItem = {
  id: 'jc-terminvergabe',
  kind: 'poll',
  question: {
    de: 'Wie gut klappt die neue Online-Terminvergabe im Jobcenter aus eurer Sicht?',
    en: 'How well is the new online appointment booking at the Jobcenter working, from your point of view?',
  },
  options: [
    { de: 'Sehr gut', en: 'Very well' },
    { de: 'Eher gut', en: 'Fairly well' },
    { de: 'Eher schlecht', en: 'Rather poorly' },
    { de: 'Schlecht', en: 'Poorly' },
  ],
  closesAt,
};

export const MEETING_TOPICS: SampleItem = {
  id: 'soz-dienstbesprechung',
  kind: 'poll',
  pollKind: 'multi',
  question: {
    de: 'Welche Themen sollen wir in der nächsten Dienstbesprechung der Grundsicherung vertiefen?',
    en: 'Which topics should we go into at the next basic income support team meeting?',
  },
  options: [
    { de: 'Einführung der E-Akte', en: 'Introducing the e-file' },
    { de: 'Vertretung in der Urlaubszeit', en: 'Cover during the holidays' },
    { de: 'Umgang mit schwierigen Gesprächen', en: 'Handling difficult conversations' },
    { de: 'Fortbildungen 2026', en: 'Training in 2026' },
    { de: 'Dolmetscherdienste', en: 'Interpreting services' },
  ],
  closesAt,
};

export const ONBOARDING: SampleItem = {
  id: 'soz-einarbeitung',
  kind: 'poll',
  pollKind: 'rating',
  question: {
    de: 'Wie zufrieden bist du mit der Einarbeitung neuer Kolleginnen und Kollegen im Sozialamt?',
    en: 'How satisfied are you with how new colleagues are trained at the social welfare office?',
  },
  closesAt,
};

export const SAFETY: SampleItem = {
  id: 'abh-sicherheit',
  kind: 'poll',
  anonymous: true,
  question: {
    de: 'Fühlst du dich in Gesprächen am Schalter der Ausländerbehörde ausreichend geschützt?',
    en: 'Do you feel safe enough when talking to clients at the immigration office counter?',
  },
  options: [
    { de: 'Ja', en: 'Yes' },
    { de: 'Teilweise', en: 'Partly' },
    { de: 'Nein', en: 'No' },
  ],
  closesAt,
};

export const TEAM_DAY: SampleItem = {
  id: 'jc-teamtag',
  kind: 'poll',
  question: {
    de: 'An welchem Tag soll unser Teamtag im Mai stattfinden?',
    en: 'Which day should our team day in May be on?',
  },
  options: [
    { de: 'Di, 5. Mai', en: 'Tue, 5 May' },
    { de: 'Mi, 6. Mai', en: 'Wed, 6 May' },
    { de: 'Do, 7. Mai', en: 'Thu, 7 May' },
    { de: 'Di, 12. Mai', en: 'Tue, 12 May' },
    { de: 'Mi, 13. Mai', en: 'Wed, 13 May' },
    { de: 'Do, 14. Mai', en: 'Thu, 14 May' },
  ],
  closesAt,
};

export const WAITING_TIMES: SampleItem = {
  id: 'abh-wartezeiten',
  kind: 'idea',
  question: {
    de: 'Was würde die Wartezeiten im Bürgerbüro der Ausländerbehörde spürbar verkürzen?',
    en: 'What would noticeably shorten waiting times at the immigration office’s service desk?',
  },
  closesAt,
};

export const PAPERWORK: SampleItem = {
  id: 'jc-formulare',
  kind: 'idea',
  anonymous: true,
  question: {
    de: 'Welches Formular im Jobcenter kostet euch am meisten Zeit – und wie ginge es einfacher?',
    en: 'Which Jobcenter form costs you the most time – and how could it be simpler?',
  },
  closesAt,
};
