import { assembleDigest } from '../../core/digest/digest';
import type { IdeaView } from '../../core/ideas/idea-view';
import type { Locale } from '../../core/locale';
import { buildDigestCard } from '../digest-card';
import { buildExportListCard, buildExportRangeReadyCard } from '../export-card';
import { buildIdeasCard } from '../ideas-card';
import { buildMyIdeasCard } from '../my-ideas-card';
import { asAttachment } from '../render';
import type { CardSample } from './card-sample';
import { PEOPLE, SAMPLE_MIN_GROUP_SIZE, SAMPLE_TIME_ZONE } from './sample-items';

const bi = (locale: Locale, de: string, en: string) => (locale === 'de' ? de : en);
const NOW = new Date('2026-03-09T07:00:00Z');

/** ideas of one team from two prompts and the chat, as a leader sees them in the personal chat. */
function teamIdeas(l: Locale): IdeaView[] {
  const idea = (n: number, itemId: string, de: string, en: string, supportCount: number): IdeaView => ({
    ideaId: `idee-${n}`,
    itemId,
    text: bi(l, de, en),
    status: 'new',
    supportCount,
    volunteers: [],
    anonymous: false,
    authorName: PEOPLE[n] ?? '',
    createdAt: new Date(`2026-03-0${n}T10:00:00Z`),
    promptParticipants: 9,
    promptClosed: true,
  });
  return [
    idea(1, 'abh-wartezeiten', 'Termine online buchbar machen.', 'Make appointments bookable online.', 9),
    idea(2, 'abh-teamtag', 'Teamtag im Stadtpark.', 'Team day in the city park.', 6),
    idea(3, '', 'Ein Drucker pro Flur genügt.', 'One printer per corridor is enough.', 4),
  ];
}

/** the cards of what comes after collecting: own ideas, the digest's loop section, team-wide votes, range exports. */
export const LOOP_SAMPLES: readonly CardSample[] = [
  {
    id: 'my-ideas',
    title: 'My ideas',
    purpose:
      'The answer to `meine ideen`/`my ideas` in the personal chat: each named idea with its status, its measure and the latest note.',
    template: 'my-ideas',
    build: (l) =>
      asAttachment(
        buildMyIdeasCard(l, {
          timeZone: SAMPLE_TIME_ZONE,
          more: 0,
          ideas: [
            {
              text: bi(l, 'Termine online buchbar machen.', 'Make appointments bookable online.'),
              teamName: 'Ausländerbehörde',
              createdAt: new Date('2026-01-12T09:00:00Z'),
              status: 'inProgress',
              measures: [
                {
                  title: bi(l, 'Online-Terminbuchung', 'Online booking'),
                  status: 'inProgress',
                  ownerName: PEOPLE[2] ?? '',
                  dueDate: '2026-04-30',
                },
              ],
              latestNote: bi(l, 'Testbetrieb ab 1. April am Schalter 3.', 'Trial from 1 April at counter 3.'),
            },
            {
              text: bi(l, 'Mehr Sitzplätze im Wartebereich.', 'More seats in the waiting area.'),
              teamName: 'Ausländerbehörde',
              createdAt: new Date('2025-11-03T09:00:00Z'),
              status: 'declined',
              measures: [],
              latestNote: bi(l, 'Brandschutz lässt es nicht zu.', 'Fire regulations do not allow it.'),
            },
          ],
        }),
      ),
  },
  {
    id: 'my-ideas-none',
    title: 'My ideas, none yet',
    purpose: '`meine ideen` from someone who has not sent a named idea yet.',
    template: 'my-ideas',
    build: (l) => asAttachment(buildMyIdeasCard(l, { timeZone: SAMPLE_TIME_ZONE, more: 0, ideas: [] })),
  },
  {
    id: 'ideas-team-vote',
    title: 'Top ideas of a team with the team-wide vote (leader, personal chat)',
    purpose:
      'A leader’s ideas card in the personal chat with ideas of several prompts and the chat: the form puts picked ideas to a vote in General.',
    template: 'ideas',
    build: (l) =>
      asAttachment(
        buildIdeasCard({
          locale: l,
          teamName: 'Ausländerbehörde',
          ideas: teamIdeas(l),
          minGroupSizeText: SAMPLE_MIN_GROUP_SIZE,
          viewer: { supported: [], volunteered: [], canManage: true },
          teamFollowUp: { teamId: 'abh', eligible: ['idee-1', 'idee-2', 'idee-3'] },
        }),
      ),
  },
  {
    id: 'digest-loop',
    title: 'Weekly digest with measures and waiting ideas',
    purpose:
      'A leader’s digest with the loop section: overdue (marked) and due measures, measures that moved, ideas waiting for a decision, and the team-wide vote form.',
    template: 'digest',
    build: (l) =>
      asAttachment(
        buildDigestCard(
          assembleDigest({
            leader: { id: 'leader-1', name: PEOPLE[0] ?? '' },
            week: '2026-W10',
            interim: false,
            timeZone: SAMPLE_TIME_ZONE,
            locale: l,
            minGroupSize: SAMPLE_MIN_GROUP_SIZE,
            minGroupSizeText: SAMPLE_MIN_GROUP_SIZE,
            loopClock: { now: NOW, decisionDueDays: 21 },
            teams: [
              {
                teamId: 'abh',
                teamName: 'Ausländerbehörde',
                memberCount: 24,
                participantsByWeek: { '2026-W10': 12 },
                newIdeas: [],
                closedItems: [],
                openItems: [],
                loop: {
                  measures: [
                    {
                      measureId: 'm-1',
                      title: bi(l, 'Online-Terminbuchung', 'Online booking'),
                      ownerName: PEOPLE[2] ?? '',
                      dueDate: '2026-03-02',
                      status: 'inProgress',
                      statusAt: new Date('2026-02-01T09:00:00Z'),
                    },
                    {
                      measureId: 'm-2',
                      title: bi(l, 'Mehrsprachige Wegweiser', 'Multilingual signs'),
                      ownerName: PEOPLE[4] ?? '',
                      dueDate: '2026-03-13',
                      status: 'planned',
                      statusAt: new Date('2026-02-20T09:00:00Z'),
                    },
                    {
                      measureId: 'm-3',
                      title: bi(l, 'Express-Schalter', 'Express counter'),
                      ownerName: PEOPLE[1] ?? '',
                      dueDate: '2026-03-31',
                      status: 'done',
                      statusAt: new Date('2026-03-04T15:00:00Z'),
                      lastNote: {
                        text: bi(l, 'Läuft seit Mittwoch.', 'Running since Wednesday.'),
                        byId: 'x',
                        byName: PEOPLE[1] ?? '',
                        at: new Date('2026-03-04T15:00:00Z'),
                      },
                    },
                  ],
                  waitingIdeas: teamIdeas(l)
                    .slice(0, 2)
                    .map((i) => ({ ...i, createdAt: new Date('2026-01-20T10:00:00Z') })),
                },
              },
            ],
          }),
        ),
      ),
  },
  {
    id: 'export-range-error',
    title: 'Export: a date range with a wrong date',
    purpose:
      'The `export` card’s range form after a range whose end is before its start: the message stands under the field.',
    template: 'export',
    build: (l) =>
      asAttachment(
        buildExportListCard(l, [], {
          leaderOnly: true,
          linkMinutes: 10,
          range: { from: '2026-03-01', to: '2026-01-01', errors: { to: 'errExportRangeOrder' } },
        }),
      ),
  },
  {
    id: 'export-range-ready',
    title: 'Export: a date range ready',
    purpose: 'After “create CSV for the period”: what the file holds and a link valid for ten minutes.',
    template: 'export',
    build: (l) =>
      asAttachment(
        buildExportRangeReadyCard(l, {
          from: '2025-12-09',
          to: '2026-03-09',
          items: 14,
          chatIdeas: 6,
          measures: 3,
          url: 'https://mitwirken.example/exports/token',
          linkMinutes: 10,
          minGroupSize: SAMPLE_MIN_GROUP_SIZE,
        }),
      ),
  },
];
