import * as ACData from 'adaptivecards-templating';

/** an Adaptive Card as JSON. */
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** what a bot sends: the card wrapped as a message attachment. */
export interface CardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: AdaptiveCard;
}

/** binds a JSON template (designable in the Adaptive Cards Designer) to data. */
export function expandTemplate(template: object, data: object): AdaptiveCard {
  return new ACData.Template(template).expand({ $root: data }) as AdaptiveCard;
}

/** wraps a card as an attachment. */
export function asAttachment(card: AdaptiveCard): CardAttachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}
