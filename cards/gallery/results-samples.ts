import type { Locale } from '../../core/locale';
import { pollItemResults, promptItemResults, type ResultsReport } from '../../core/results/results';
import type { ProgressReport } from '../../core/results/progress';
import { asAttachment } from '../render';
import { buildProgressCard, buildResultsCard } from '../results-card';
import type { CardSample } from './card-sample';
import { itemIn, WAITING_TIMES, SAFETY, SAMPLE_MIN_GROUP_SIZE, SAMPLE_TIME_ZONE, tallyOf } from './sample-items';

const OPTIONS = (l: Locale) => ({
  locale: l,
  timeZone: SAMPLE_TIME_ZONE,
  minGroupSize: SAMPLE_MIN_GROUP_SIZE,
  minGroupSizeText: 10,
});
const THRESHOLDS = { minGroupSize: SAMPLE_MIN_GROUP_SIZE, minGroupSizeText: 10 };
const CLOSED = new Date('2026-11-27T15:00:00Z');
const T = (de: string, en: string) => (l: Locale) => (l === 'de' ? de : en);

const closedPoll = (l: Locale, counts: number[]) =>
  pollItemResults({ ...itemIn(l, SAFETY), status: 'closed', closedAt: CLOSED }, tallyOf(counts), THRESHOLDS);

const IDEAS = [
  { de: 'Ein fester Rückruftag pro Woche', en: 'A fixed call-back day every week', support: 9, status: 'inProgress' },
  { de: 'Termine online buchen lassen', en: 'Let people book appointments online', support: 7, status: 'accepted' },
  { de: 'Wartemarken mit SMS-Aufruf', en: 'Queue tickets with a text message call', support: 4, status: 'review' },
] as const;

const prompt = (l: Locale, anonymous: boolean, participants: number) =>
  promptItemResults(
    { ...itemIn(l, { ...WAITING_TIMES, anonymous }), status: 'closed', closedAt: CLOSED },
    {
      participants,
      ideas: IDEAS.map((i, n) => ({
        ideaId: `idea-${n}`,
        text: i[l],
        status: i.status,
        supportCount: i.support,
        anonymous,
        createdAt: CLOSED,
      })),
    },
    THRESHOLDS,
  );

const measures = (l: Locale) => [
  {
    title: T('Rückruftag im Leistungsbereich', 'Call-back day in benefits')(l),
    status: 'inProgress' as const,
    dueDate: '2027-01-31',
  },
  {
    title: T('Online-Terminbuchung testen', 'Try online booking')(l),
    status: 'planned' as const,
    dueDate: '2027-03-01',
  },
];

const results = (l: Locale, report: ResultsReport) => asAttachment(buildResultsCard(report, OPTIONS(l)));

const progress = (l: Locale): ProgressReport => ({
  month: '2026-11',
  teamName: 'Jobcenter Mitte',
  created: { count: 2, measures: measures(l).map((m) => ({ title: m.title, status: m.status })) },
  moved: {
    count: 1,
    measures: [{ title: T('Formulare in einfacher Sprache', 'Forms in plain language')(l), status: 'inProgress' }],
  },
  done: {
    count: 1,
    measures: [{ title: T('Wartebereich neu beschildert', 'New signs in the waiting area')(l), status: 'done' }],
  },
  notes: 6,
  ideasDecided: 4,
});

/** the results card ("Ihr habt gesagt – wir tun") in its variants, and the monthly progress post. */
export const RESULTS_SAMPLES: readonly CardSample[] = [
  {
    id: 'results-poll',
    title: 'Results of a closed poll',
    purpose:
      'A leader clicked "Ergebnis an das Team posten" on a closed poll: the question, how many took part, the shares and the measures that came of it, as a new post in the poll’s channel.',
    template: 'results',
    build: (l) => results(l, { variant: 'item', item: closedPoll(l, [9, 6, 3]), measures: measures(l) }),
  },
  {
    id: 'results-poll-too-few',
    title: 'Results of a poll with too few answers',
    purpose: 'The same card when fewer people answered than the threshold: no shares, "noch nicht genug Antworten".',
    template: 'results',
    build: (l) => results(l, { variant: 'item', item: closedPoll(l, [2, 1, 0]), measures: [] }),
  },
  {
    id: 'results-prompt',
    title: 'Results of an idea prompt',
    purpose:
      'A closed idea prompt: participation, the most supported ideas with their status, the decisions and measures.',
    template: 'results',
    build: (l) => results(l, { variant: 'item', item: prompt(l, false, 14), measures: measures(l) }),
  },
  {
    id: 'results-prompt-anonymous-too-few',
    title: 'Results of an anonymous idea prompt below the text threshold',
    purpose:
      'An anonymous prompt with fewer participants than MIN_GROUP_SIZE_TEXT: counts only, no idea texts and no decisions.',
    template: 'results',
    build: (l) => results(l, { variant: 'item', item: prompt(l, true, 6), measures: [] }),
  },
  {
    id: 'results-campaign',
    title: 'Results of a finished campaign',
    purpose: 'An admin posts a finished campaign’s results: one card per channel with that channel’s questions.',
    template: 'results',
    build: (l) =>
      results(l, {
        variant: 'campaign',
        title: T('Zufriedenheit Q4', 'Satisfaction Q4')(l),
        items: [closedPoll(l, [9, 6, 3]), prompt(l, false, 14)],
        itemsMore: 0,
        measures: measures(l),
      }),
  },
  {
    id: 'results-measure',
    title: 'Results of a done measure',
    purpose: 'A measure is done: what was done, who was responsible, and the ideas it came from.',
    template: 'results',
    build: (l) =>
      results(l, {
        variant: 'measure',
        title: T('Rückruftag im Leistungsbereich', 'Call-back day in benefits')(l),
        description: T(
          'Jeden Mittwoch rufen wir alle zurück, die bis Dienstag angefragt haben.',
          'Every Wednesday we call back everyone who asked by Tuesday.',
        )(l),
        ownerName: 'Leyla Yilmaz',
        doneAt: new Date('2027-01-28T10:00:00Z'),
        ideas: [{ text: IDEAS[0][l], status: 'done', supportCount: 9 }],
        hiddenIdeas: 1,
        noteCount: 3,
        lastNote: T(
          'Läuft seit drei Wochen, die Warteschlange ist halbiert.',
          'Running for three weeks; the queue is halved.',
        )(l),
      }),
  },
  {
    id: 'progress-month',
    title: 'Monthly progress post',
    purpose: 'On the first Monday of a month (PROGRESS_CRON) in each team’s General: what moved in the month before.',
    template: 'results',
    build: (l) => asAttachment(buildProgressCard(progress(l), l)),
  },
];
