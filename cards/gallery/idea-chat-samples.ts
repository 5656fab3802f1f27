import { VERBS } from '../../core/card-actions';
import type { IdeaView } from '../../core/ideas/idea-view';
import type { Locale } from '../../core/locale';
import { buildIdeasCard } from '../ideas-card';
import { asAttachment } from '../render';
import { buildTeamChoiceCard } from '../team-choice-card';
import { withUserRefresh } from '../user-refresh';
import { PEOPLE, SAMPLE_MIN_GROUP_SIZE } from './sample-items';
import type { CardSample } from './card-sample';

const bi = (locale: Locale, de: string, en: string) => (locale === 'de' ? de : en);

const TEAMS = [
  { teamId: '19:jobcenter-mitte@thread.tacv2', name: 'Jobcenter Mitte' },
  { teamId: '19:team-digital@thread.tacv2', name: 'Team Digitalisierung' },
];

/** ideas a team sent with `idee <Text>` and from a named prompt. */
function teamIdeas(locale: Locale): IdeaView[] {
  const idea = (n: number, de: string, en: string, over: Partial<IdeaView>): IdeaView => ({
    ideaId: `chat-${n}`,
    itemId: '',
    text: bi(locale, de, en),
    status: 'new',
    supportCount: 0,
    volunteers: [],
    anonymous: false,
    createdAt: new Date(`2026-03-0${n}T09:00:00Z`),
    promptParticipants: 1,
    promptClosed: false,
    ...over,
  });
  return [
    idea(
      2,
      'Ein fester Rückruftag pro Woche, damit Kundinnen und Kunden wissen, wann wir erreichbar sind.',
      'A fixed call-back day each week, so clients know when we can be reached.',
      {
        supportCount: 6,
        authorName: PEOPLE[1],
        volunteers: [{ name: PEOPLE[4] }],
      },
    ),
    idea(
      3,
      'Vorlagen für häufige Bescheide gemeinsam überarbeiten.',
      'Revise the templates for frequent notices together.',
      { supportCount: 3, status: 'review', authorName: PEOPLE[5] },
    ),
  ];
}

/** the ideas in chat: choosing a team in the personal chat, and the ideas card as posted into a channel. */
export const IDEA_CHAT_SAMPLES: readonly CardSample[] = [
  {
    id: 'team-choice-idea',
    title: 'Team choice for an idea',
    purpose: 'After `idee <Text>` in the personal chat by someone in several teams: which team the idea is for.',
    template: 'team-choice',
    build: (l) =>
      asAttachment(
        buildTeamChoiceCard(
          l,
          {
            kind: 'idea',
            ideaText: bi(l, 'Ein fester Rückruftag pro Woche.', 'A fixed call-back day each week.'),
            key: 'sample',
          },
          TEAMS,
        ),
      ),
  },
  {
    id: 'team-choice-ideas',
    title: 'Team choice for the top ideas',
    purpose: 'After `ideen` in the personal chat by someone in more than three teams: whose top ideas to show.',
    template: 'team-choice',
    build: (l) => asAttachment(buildTeamChoiceCard(l, { kind: 'ideas' }, TEAMS)),
  },
  {
    id: 'ideas-channel',
    title: 'Top ideas as posted into a channel',
    purpose:
      'After `@Mitwirken ideen` in a channel: everyone sees the neutral view; the person who asked gets their own view by refresh.',
    template: 'ideas',
    build: (l) =>
      asAttachment(
        withUserRefresh(
          buildIdeasCard({
            locale: l,
            teamName: 'Jobcenter Mitte',
            ideas: teamIdeas(l),
            minGroupSizeText: SAMPLE_MIN_GROUP_SIZE,
            viewer: { supported: [], volunteered: [], canManage: false },
          }),
          { verb: VERBS.ideasOfTeam, data: { teamId: TEAMS[0]!.teamId } },
          ['29:sample-user'],
        ),
      ),
  },
];
