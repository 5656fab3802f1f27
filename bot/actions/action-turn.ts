import type { TurnContext } from 'botbuilder';
import type { PayloadOf, Verb } from '../../core/card-actions';
import type { Item, ItemKind } from '../../core/items';
import { isOpen } from '../../core/items';
import { fail, ok, type Outcome } from '../../core/problems';
import type { CardAttachment } from '../../cards/render';
import type { BotServices } from '../services';
import { teamAccess } from '../team-access';
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

/**
 * loads the item a card shows, for a member of its team (teamAccess). `recent`: the item may be a few seconds old.
 */
export async function memberItem(turn: ActionTurn, itemId: string, recent = false): Promise<Outcome<Item>> {
  const item = await (recent ? turn.s.storage.items.getRecent(itemId) : turn.s.storage.items.get(itemId));
  if (!item) return fail('errItemNotFound');
  const access = await teamAccess(turn.s, turn.facts, item, turn.personId, 'item');
  return access.ok ? ok(item) : access;
}

/** loads the item a card answers and checks that the person may answer it, here and now. */
export async function answerableItem(turn: ActionTurn, itemId: string, kind: ItemKind): Promise<Outcome<Item>> {
  // a poll's item may be a few seconds old: a close made meanwhile is met in the tally's seal when the vote is written.
  const loaded = await memberItem(turn, itemId, kind === 'poll');
  if (!loaded.ok) return loaded;
  const item = loaded.value;
  if (!isOpen(item, turn.s.now())) return fail('errItemClosed');
  if (item.kind !== kind) return fail('errWrongItemKind');
  return ok(item);
}
