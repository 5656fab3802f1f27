import { withBackToItem } from '../../cards/back-to-item';
import { asAttachment, type AdaptiveCard } from '../../cards/render';
import { withUserRefresh } from '../../cards/user-refresh';
import { VERBS } from '../../core/card-actions';
import { messages } from '../../core/messages';
import { fail, ok } from '../../core/problems';
import { managesTeam, teamAccess } from '../teams';
import type { ActionHandler } from '../ports/turn';
import { renderIdeasCard, shownIn } from './idea-board';
import type { IdeasPorts } from './ports';

/**
 * "Ideen ansehen" on an idea prompt card: the prompt's ideas with support and "Ich mache mit", as the person's own
 * view in place of the prompt card, with a way back to it. Members of the prompt's team only (teamAccess); anonymous
 * ideas only as far as they may be shown (renderIdeasCard).
 */
export const promptIdeasAction: ActionHandler<typeof VERBS.promptIdeas, IdeasPorts> = async (turn, payload) => {
  const { s, facts, personId } = turn;
  const prompt = await s.storage.items.get(payload.itemId);
  if (prompt?.kind !== 'idea') return fail('errItemNotFound');
  const access = await teamAccess(s, facts, prompt, personId, 'team');
  if (!access.ok) return access;
  const viewer = { personId, canManage: await managesTeam(s, prompt.teamId, personId) };
  const card = await renderIdeasCard(s, { team: access.value, prompt, ...shownIn(facts) }, viewer, {
    locale: facts.locale,
  });
  const back = withBackToItem(card.content as AdaptiveCard, messages(facts.locale).backToItemButton, prompt.id);
  return ok(
    asAttachment(
      facts.teamId
        ? withUserRefresh(back, { verb: VERBS.promptIdeas, data: { itemId: prompt.id } }, [facts.userId])
        : back,
    ),
  );
};
