import { VERBS } from '../core/card-actions';
import { shorten } from '../core/ideas/idea-status';
import type { Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import template from './templates/idea-offer.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** what the channel offer carries: the text typed after `ideen`, the team, the message it came from and its writer. */
export interface IdeaOffer {
  ideaText: string;
  teamId: string;
  /** the chat message the text came from, so a second click stores the idea once. */
  key: string;
  /** the writer's Entra id: only they may submit it (everyone in the channel sees the card). */
  author: string;
}

/**
 * "Meinten Sie `idee …`?" in a channel, after `ideen <Text>`: the text and one button that submits it as the writer's
 * idea for this team. Nothing is stored before the click; `notice` tells someone else who clicked why nothing happened.
 */
export function buildIdeaOfferCard(locale: Locale, offer: IdeaOffer, notice = ''): AdaptiveCard {
  const m = messages(locale);
  return expandTemplate(template, {
    title: m.meantIdeaTitle,
    notice,
    intro: m.meantIdeaIntro,
    quote: `„${plainText(shorten(offer.ideaText, 300))}“`,
    hint: m.meantIdeaHint,
    submit: m.meantIdeaSubmit,
    verb: VERBS.ideaForTeam,
    data: { teamId: offer.teamId, ideaText: offer.ideaText, key: offer.key, author: offer.author },
  });
}
