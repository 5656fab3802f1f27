import { VERBS } from '../core/card-actions';
import { shorten } from '../core/ideas/idea-status';
import type { Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import template from './templates/team-choice.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** a team a person may choose: one they are a member of. */
export interface TeamChoice {
  teamId: string;
  name: string;
}

/** what the choice is for: an idea typed in the personal chat, or the top ideas to show. */
export type TeamChoicePurpose = { kind: 'idea'; ideaText: string; key: string } | { kind: 'ideas' };

/** the texts of the card when it offers to submit a message that was no command as an idea (free text, `ideen <Text>`). */
export interface TeamChoiceOffer {
  title: string;
  intro: string;
  hint: string;
  submit: string;
}

/**
 * asks, in the personal chat, which of the person's teams an idea is for (`idee <Text>`) or whose top ideas to
 * show (`ideen`). The idea text travels in the button's data; the handler checks the chosen team again.
 */
export function buildTeamChoiceCard(
  locale: Locale,
  purpose: TeamChoicePurpose,
  teams: readonly TeamChoice[],
  offer?: TeamChoiceOffer,
): AdaptiveCard {
  const m = messages(locale);
  const idea = purpose.kind === 'idea';
  return expandTemplate(template, {
    title: offer?.title ?? (idea ? m.ideaPickTeamTitle : m.ideasPickTeamTitle),
    intro: offer?.intro ?? '',
    hint: offer?.hint ?? '',
    quote: idea ? `„${plainText(shorten(purpose.ideaText, 300))}“` : '',
    label: m.ideaPickTeamLabel,
    required: m.errFieldRequired,
    firstValue: teams[0]?.teamId ?? '',
    teams: teams.map((t) => ({ teamId: t.teamId, name: t.name || t.teamId })),
    submit: offer?.submit ?? (idea ? m.ideaPickTeamSubmit : m.ideasPickTeamSubmit),
    verb: idea ? VERBS.ideaForTeam : VERBS.ideasOfTeam,
    data: idea ? { ideaText: purpose.ideaText, key: purpose.key } : { show: 'ideas' },
  });
}
