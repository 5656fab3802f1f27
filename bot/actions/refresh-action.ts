import { VERBS } from '../../core/card-actions';
import { fail, ok } from '../../core/problems';
import { renderItemCard } from '../item-view';
import type { ActionHandler } from './action-turn';

/** shows the current state of an item card (Universal Actions refresh). */
export const refreshAction: ActionHandler<typeof VERBS.refresh> = async (turn, payload) => {
  const { s, facts } = turn;
  const item = await s.storage.items.get(payload.itemId);
  if (!item) return fail('errItemNotFound');
  if (facts.teamId && item.teamId !== facts.teamId) return fail('errItemOtherTeam');
  const ownChoices = item.kind === 'poll' && !item.anonymous ? await s.storage.responses.namedVote(item, turn.personId) : undefined;
  return ok(await renderItemCard(s.storage, item, { locale: facts.locale, minGroupSize: s.config.minGroupSize, timeZone: s.config.timeZone, ownChoices }));
};
