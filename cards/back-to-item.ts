import { VERBS } from '../core/card-actions';
import type { AdaptiveCard } from './render';

/**
 * adds a button under a card that brings back the person's own view of an item's card (the refresh verb): a view
 * opened in place of the item card (its ideas) leads back to it.
 */
export function withBackToItem(card: AdaptiveCard, title: string, itemId: string): AdaptiveCard {
  const body = Array.isArray(card.body) ? card.body : [];
  return {
    ...card,
    body: [
      ...body,
      {
        type: 'ActionSet',
        actions: [{ type: 'Action.Execute', title, verb: VERBS.refresh, data: { itemId } }],
      },
    ],
  };
}
