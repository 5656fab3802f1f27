import type { Locale } from '../../core/locale';
import type { Organisation } from '../../core/org/org-units';
import { assembleQuestionView, type ViewPost, type ViewQuestion } from '../../core/results/results-view';
import { asAttachment } from '../render';
import { buildResultsPickerCard, buildResultsViewCard } from '../results-view-card';
import type { CardSample } from './card-sample';
import { SAMPLE_MIN_GROUP_SIZE, SAMPLE_TIME_ZONE } from './sample-items';

const T = (de: string, en: string) => (l: Locale) => (l === 'de' ? de : en);

const ORG: Organisation = {
  units: [
    { id: 'sozialamt', name: 'Sozialamt', teamIds: [], leaderIds: [] },
    { id: 'abt-1', name: 'Abteilung Leistungen', parentId: 'sozialamt', teamIds: ['t-a', 't-b'], leaderIds: [] },
    { id: 'abt-2', name: 'Abteilung Beratung', parentId: 'sozialamt', teamIds: ['t-c'], leaderIds: [] },
    { id: 'sg-3', name: 'Sachgebiet Wohnen', parentId: 'sozialamt', teamIds: ['t-d'], leaderIds: [] },
  ],
};
const TEAMS: Record<string, string> = {
  't-a': 'Grundsicherung',
  't-b': 'Hilfe zur Pflege',
  't-c': 'Schuldnerberatung',
  't-d': 'Wohngeld',
};

const rating = (l: Locale): ViewQuestion => ({
  key: 'monthly',
  question: T(
    'Wie zufrieden bist du diesen Monat mit der Arbeitsbelastung?',
    'How happy are you with your workload this month?',
  )(l),
  kind: 'poll',
  pollKind: 'rating',
  anonymous: true,
  options: [],
});

/** a rating's counts for 1..5 with its voters. */
const votes = (counts: number[]) => ({ counts, voters: counts.reduce((a, b) => a + b, 0) });
const month = (m: number) => new Date(Date.UTC(2027, m, 5, 8));

/** four monthly rounds; the small Wohngeld team (3 answers) counts in the Sozialamt without a row of its own. */
const POSTS: ViewPost[] = [0, 1, 2, 3].flatMap((m) => [
  { teamId: 't-a', round: month(m), tally: votes([1, 2, 3 + m, 2, 1]) },
  { teamId: 't-b', round: month(m), tally: votes([0, 1, 2, 2 + m, 1]) },
  { teamId: 't-c', round: month(m), tally: votes([1, 1, 2, 3, m]) },
  { teamId: 't-d', round: month(m), tally: votes([0, 1, 1, 1, 0]) },
]);

const view = (l: Locale, scopeAll: boolean) =>
  assembleQuestionView({
    question: rating(l),
    posts: scopeAll ? POSTS : POSTS.filter((p) => p.teamId === 't-a' || p.teamId === 't-b'),
    org: ORG,
    scope: scopeAll ? { kind: 'all' } : { kind: 'part', unitIds: ['abt-1'], teamIds: [] },
    teamName: (t) => TEAMS[t] ?? t,
    topName: scopeAll ? T('Ganze Organisation', 'Whole organisation')(l) : T('Ihr Bereich', 'Your part')(l),
    minGroupSize: SAMPLE_MIN_GROUP_SIZE,
  });

const card = (l: Locale, scopeAll: boolean) =>
  asAttachment(
    buildResultsViewCard(l, {
      title: T('Puls Sozialamt', 'Pulse social office')(l),
      scopeAll,
      questions: [view(l, scopeAll)!],
      minGroupSize: SAMPLE_MIN_GROUP_SIZE,
      timeZone: SAMPLE_TIME_ZONE,
    }),
  );

/** `ergebnisse`: the picker and the results per unit with comparison and trend. */
export const RESULTS_VIEW_SAMPLES: readonly CardSample[] = [
  {
    id: 'results-view-picker',
    title: 'Results view: picking a campaign or prompt',
    purpose:
      'An admin or a unit leader wrote "ergebnisse" in the personal chat: the campaigns with closed rounds and the recently closed prompts of their part.',
    template: 'results-picker',
    build: (l) =>
      asAttachment(
        buildResultsPickerCard(l, {
          scope: ['Abteilung Leistungen'],
          campaigns: [{ id: 'puls-sozialamt', title: T('Puls Sozialamt', 'Pulse social office')(l), rounds: 4 }],
          items: [
            {
              id: 'i-1',
              question: T(
                'Was hält dich bei der E-Akte am meisten auf?',
                'What slows you down most with the e-file?',
              )(l),
              closedAt: new Date('2027-04-09T15:00:00Z'),
            },
          ],
          minGroupSize: SAMPLE_MIN_GROUP_SIZE,
          timeZone: SAMPLE_TIME_ZONE,
        }),
      ),
  },
  {
    id: 'results-view-organisation',
    title: 'Results view: a monthly rating for the whole organisation',
    purpose:
      'An admin picked a campaign: the latest round for the organisation, per unit and team (a small team and the unit it would give away are withheld), the units side by side and the trend over four months.',
    template: 'results-view',
    build: (l) => card(l, true),
  },
  {
    id: 'results-view-unit',
    title: 'Results view: a unit leader’s part',
    purpose: 'The leader of one Abteilung sees their unit and its teams, with the trend.',
    template: 'results-view',
    build: (l) => card(l, false),
  },
];
