import { plainText } from '../core/plain-text';
import template from './templates/welcome.json';
import { expandTemplate, type AdaptiveCard } from './render';

/**
 * a plain card with a title and paragraphs: confirmations and refusals outside an item card. Title and paragraphs
 * are plain text, shown as given – they often quote what people typed (a question, an idea, a name).
 */
export function buildMessageCard(title: string, paragraphs: string[]): AdaptiveCard {
  return expandTemplate(template, { title: plainText(title), paragraphs: paragraphs.map(plainText) });
}
