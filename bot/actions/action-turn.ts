import type { TurnContext } from 'botbuilder';
import type { PayloadOf, Verb } from '../../core/card-actions';
import type { Item, ItemKind } from '../../core/items';
import { isOpen } from '../../core/items';
import { fail, ok, type Outcome } from '../../core/problems';
import type { CardAttachment } from '../../cards/render';
import type { BotServices } from '../services';
import type { TurnFacts } from '../turn-facts';

/** one card action being handled. */
export interface ActionTurn {
  ctx: TurnContext;
  facts: TurnFacts;
  s: BotServices;
  /** the acting person: the AAD object id from the activity. */
  personId: string;
}

/** a handler for one verb: returns the card the person sees next, or the problem to show on it. */
export type ActionHandler<V extends Verb> = (turn: ActionTurn, payload: PayloadOf[V]) => Promise<Outcome<CardAttachment>>;

/** loads the item a card answers and checks it may be answered here and now. */
export async function answerableItem(turn: ActionTurn, itemId: string, kind: ItemKind): Promise<Outcome<Item>> {
  // a poll's item may be a few seconds old: a close made meanwhile is met in the tally's seal when the vote is written.
  const item = await (kind === 'poll' ? turn.s.storage.items.getRecent(itemId) : turn.s.storage.items.get(itemId));
  if (!item) return fail('errItemNotFound');
  if (turn.facts.teamId && item.teamId !== turn.facts.teamId) return fail('errItemOtherTeam');
  if (!isOpen(item, turn.s.now())) return fail('errItemClosed');
  if (item.kind !== kind) return fail('errWrongItemKind');
  return ok(item);
}
