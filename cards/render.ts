import * as ACData from 'adaptivecards-templating';

/** an Adaptive Card as JSON. */
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** what a bot sends: the card wrapped as a message attachment. */
export interface CardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: AdaptiveCard;
}

/**
 * prepared templates, one per template object: constructing an ACData.Template parses every `${…}` expression
 * (antlr), which costs milliseconds, while binding a prepared one to data costs a fraction of that.
 */
const prepared = new WeakMap<object, ACData.Template>();

/** binds a JSON template (designable in the Adaptive Cards Designer) to data; the template is parsed once per process. */
export function expandTemplate(template: object, data: object): AdaptiveCard {
  let t = prepared.get(template);
  if (!t) {
    t = new ACData.Template(template);
    prepared.set(template, t);
  }
  return t.expand({ $root: data }) as AdaptiveCard;
}

/** wraps a card as an attachment. */
export function asAttachment(card: AdaptiveCard): CardAttachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}
