import type { IdeaView } from '../../core/ideas/idea-view';
import type { Locale } from '../../core/locale';
import { assembleDigest } from '../../core/digest/digest';
import { buildDigestCard } from '../digest-card';
import { buildFanoutProgressCard } from '../fanout-progress-card';
import { buildIdeasCard } from '../ideas-card';
import { asAttachment } from '../render';
import { buildStatusChangeResultCard } from '../status-change-result-card';
import { PEOPLE, SAMPLE_MIN_GROUP_SIZE } from './sample-items';
import type { CardSample } from './card-sample';

const bi = (locale: Locale, de: string, en: string) => (locale === 'de' ? de : en);

/** ideas a team collected for "what would shorten waiting times at the immigration office". */
function ideasIn(locale: Locale): IdeaView[] {
  const idea = (n: number, de: string, en: string, over: Partial<IdeaView>): IdeaView => ({
    ideaId: `idee-${n}`,
    itemId: 'abh-wartezeiten',
    text: bi(locale, de, en),
    status: 'new',
    supportCount: 0,
    volunteers: [],
    anonymous: false,
    createdAt: new Date(`2026-03-0${n}T10:00:00Z`),
    promptParticipants: 9,
    promptClosed: true,
    ...over,
  });
  return [
    idea(
      2,
      'Unterlagen vorab per Upload prüfen, damit niemand wegen eines fehlenden Dokuments zweimal kommt.',
      'Check documents by upload beforehand, so nobody comes twice for one missing paper.',
      {
        supportCount: 11,
        status: 'accepted',
        authorName: PEOPLE[3],
        volunteers: [{ name: PEOPLE[2] }, { name: PEOPLE[5] }],
      },
    ),
    idea(
      3,
      'Einen Express-Schalter für Abholungen von Aufenthaltstiteln einrichten.',
      'An express counter for collecting residence permits.',
      { supportCount: 7, status: 'review', authorName: PEOPLE[1] },
    ),
    idea(
      4,
      'Mehrsprachige Hinweise im Wartebereich, welche Nummer wann aufgerufen wird.',
      'Multilingual signs in the waiting area showing which number is called when.',
      { supportCount: 4, authorName: PEOPLE[4] },
    ),
  ];
}

/** the idea follow-up cards (core/ideas/) and the admin's fan-out progress. */
export const IDEA_SAMPLES: readonly CardSample[] = [
  {
    id: 'ideas-manager',
    title: 'Top ideas (leader view)',
    purpose: 'A team’s most supported ideas; a leader also gets a status form per idea and the follow-up poll form.',
    template: 'ideas',
    build: (l) =>
      asAttachment(
        buildIdeasCard({
          locale: l,
          teamName: 'Ausländerbehörde',
          ideas: ideasIn(l),
          minGroupSizeText: SAMPLE_MIN_GROUP_SIZE,
          viewer: { supported: ['idee-3'], volunteered: [], canManage: true },
          promptItemId: 'abh-wartezeiten',
        }),
      ),
  },
  {
    id: 'ideas',
    title: 'Top ideas (team member view)',
    purpose: 'A team’s most supported ideas with the viewer’s own buttons: support an idea, volunteer to help.',
    template: 'ideas',
    build: (l) =>
      asAttachment(
        buildIdeasCard({
          locale: l,
          teamName: 'Ausländerbehörde',
          ideas: ideasIn(l),
          minGroupSizeText: SAMPLE_MIN_GROUP_SIZE,
          viewer: { supported: ['idee-2'], volunteered: ['idee-2'], canManage: false },
        }),
      ),
  },
  {
    id: 'status-change-result',
    title: 'Idea status saved',
    purpose: 'What a leader sees after changing an idea’s status: the new status, the note and who is told.',
    template: 'status-change-result',
    build: (l) =>
      asAttachment(
        buildStatusChangeResultCard(l, {
          ideaText: ideasIn(l)[0]?.text ?? '',
          status: 'accepted',
          note: bi(l, 'Startet im April als Pilot im Bürgerbüro.', 'Starts as a pilot at the service desk in April.'),
          anonymous: false,
          threadReplied: true,
          supportersNotified: 11,
        }),
      ),
  },
  {
    id: 'fanout-progress',
    title: 'Campaign post progress',
    purpose:
      'The admin’s progress while a campaign item is posted into many channels, with the channels it did not reach.',
    template: 'fanout-progress',
    build: (l) =>
      asAttachment(
        buildFanoutProgressCard(l, {
          campaignTitle: bi(l, 'Zufriedenheit im Jobcenter 2026', 'Jobcenter satisfaction 2026'),
          question: bi(l, 'Wie belastet fühlst du dich diese Woche?', 'How stretched do you feel this week?'),
          total: 42,
          posted: 39,
          failures: [
            { label: 'Jobcenter Nord › Leistungsabteilung', kind: 'gone', reason: '' },
            {
              label: 'Sozialamt › Grundsicherung',
              kind: 'skipped',
              reason: bi(l, 'Kanal archiviert', 'channel archived'),
            },
          ],
          done: false,
        }),
      ),
  },
  {
    id: 'digest',
    title: 'Weekly digest for a leader',
    purpose:
      'A leader’s weekly overview in the 1:1 chat: participation with trend, new ideas with a status form, results of polls closed that week, open items.',
    template: 'digest',
    build: (l) =>
      asAttachment(
        buildDigestCard(
          assembleDigest({
            leader: { id: 'leader-1', name: PEOPLE[0] ?? '' },
            week: '2026-W10',
            interim: false,
            timeZone: 'Europe/Berlin',
            locale: l,
            minGroupSize: SAMPLE_MIN_GROUP_SIZE,
            minGroupSizeText: SAMPLE_MIN_GROUP_SIZE,
            teams: [
              {
                teamId: 'abh',
                teamName: 'Ausländerbehörde',
                memberCount: 24,
                participantsByWeek: {
                  '2026-W03': 9,
                  '2026-W04': 12,
                  '2026-W05': 11,
                  '2026-W06': 14,
                  '2026-W07': 13,
                  '2026-W08': 16,
                  '2026-W09': 15,
                  '2026-W10': 18,
                },
                newIdeas: ideasIn(l),
                closedItems: [
                  {
                    itemId: 'abh-sicherheit',
                    question: bi(
                      l,
                      'Fühlst du dich am Schalter ausreichend geschützt?',
                      'Do you feel safe enough at the counter?',
                    ),
                    kind: 'poll',
                    pollKind: 'single',
                    anonymous: true,
                    options: bi(l, 'Ja|Teilweise|Nein', 'Yes|Partly|No').split('|'),
                    tally: { counts: [9, 6, 3], voters: 18 },
                    participants: 18,
                    closedAt: new Date('2026-03-06T16:00:00Z'),
                  },
                ],
                openItems: [
                  {
                    itemId: 'abh-ideen',
                    question: bi(l, 'Was würde die Wartezeiten verkürzen?', 'What would shorten waiting times?'),
                    closesAt: new Date('2026-03-13T16:00:00Z'),
                  },
                ],
              },
            ],
          }),
          l,
        ),
      ),
  },
];
