import type { Locale } from '../../core/locale';
import { messages } from '../../core/messages';
import { buildIdeaOfferCard } from '../idea-offer-card';
import { asAttachment } from '../render';
import { buildTeamChoiceCard } from '../team-choice-card';
import type { CardSample } from './card-sample';

const bi = (locale: Locale, de: string, en: string) => (locale === 'de' ? de : en);

const TEAMS = [
  { teamId: '19:jobcenter-mitte@thread.tacv2', name: 'Jobcenter Mitte' },
  { teamId: '19:team-digital@thread.tacv2', name: 'Team Digitalisierung' },
];

/** the offers of a message that was no command as an idea: free text in the personal chat, `ideen <Text>` in a channel. */
export const MENUS_SAMPLES: readonly CardSample[] = [
  {
    id: 'idea-offer-free-text',
    title: 'Free text offered as an idea',
    purpose: 'A message in the personal chat that is no command: submit it as an idea for one of the person’s teams?',
    template: 'team-choice',
    build: (l) => {
      const m = messages(l);
      return asAttachment(
        buildTeamChoiceCard(
          l,
          {
            kind: 'idea',
            ideaText: bi(
              l,
              'Wir könnten die Teamsitzung auf Dienstag verlegen.',
              'We could move the team meeting to Tuesday.',
            ),
            key: 'sample',
          },
          TEAMS,
          { title: m.offerIdeaTitle, intro: m.offerIdeaIntro, hint: m.offerIdeaHelp, submit: m.offerIdeaSubmit },
        ),
      );
    },
  },
  {
    id: 'idea-offer-channel',
    title: '"Meinten Sie idee …?" in a channel',
    purpose:
      '`ideen <Text>` in a channel: the text and one button that submits it for this team (only its writer may).',
    template: 'idea-offer',
    build: (l) =>
      asAttachment(
        buildIdeaOfferCard(l, {
          ideaText: bi(l, 'Mein Vorschlag: ein gemeinsamer Ablageordner.', 'My suggestion: one shared filing folder.'),
          teamId: TEAMS[1]!.teamId,
          key: 'sample',
          author: 'sample-author',
        }),
      ),
  },
];
