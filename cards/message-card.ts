import template from './templates/welcome.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** a plain card with a title and paragraphs: confirmations and refusals outside an item card. */
export function buildMessageCard(title: string, paragraphs: string[]): AdaptiveCard {
  return expandTemplate(template, { title, paragraphs });
}
