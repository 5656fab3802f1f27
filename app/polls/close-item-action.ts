import { VERBS } from '../../core/card-actions';
import { messages } from '../../core/messages';
import { fail, ok } from '../../core/problems';
import { closeItemAs } from './close-item';
import { memberItem } from './item-access';
import { renderOwnItemView } from './own-view';
import { mayPostIn } from './post-permission';
import type { PollsPorts } from './ports';
import type { ActionHandler } from '../ports/turn';

/**
 * "Schließen" from the overflow menu of a leader's or admin's own view of an item card: closes the item (the shared
 * card shows the final results) and answers with their view of it. Who may is checked here again, never taken from
 * the card: admins, and the item team's leaders when leaders may post.
 */
export const closeItemAction: ActionHandler<typeof VERBS.closeItem, PollsPorts> = async (turn, payload) => {
  const { s, facts, personId } = turn;
  const loaded = await memberItem(turn, payload.itemId);
  if (!loaded.ok && !(await s.isAdmin(personId))) return loaded;
  const item = loaded.ok ? loaded.value : await s.storage.items.get(payload.itemId);
  if (!item) return fail('errItemNotFound');
  if (!(await mayPostIn(s, item.teamId, personId))) {
    s.log.info({ itemId: item.id }, 'close refused');
    return fail('errNotItemManager');
  }
  if (item.status === 'open') {
    await closeItemAs(s, item, { id: personId, name: facts.userName });
  }
  const closed = (await s.storage.items.get(item.id)) ?? item;
  return ok(
    await renderOwnItemView(s, closed, personId, {
      locale: facts.locale,
      notice: { kind: 'good', text: messages(facts.locale).closed },
    }),
  );
};
