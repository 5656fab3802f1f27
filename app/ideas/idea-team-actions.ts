import { buildIdeaOfferCard } from '../../cards/idea-offer-card';
import { buildMessageCard } from '../../cards/message-card';
import type { IdeasPorts } from './ports';
import { asAttachment } from '../../cards/render';
import { VERBS } from '../../core/card-actions';
import { shorten } from '../../core/ideas/idea-status';
import { messages } from '../../core/messages';
import { describeProblem, fail, ok } from '../../core/problems';
import { submitDirectIdea } from './direct-idea';
import { managesTeam, teamName } from '../teams';
import { renderIdeasCard, shownIn } from './idea-board';
import { teamAccess } from '../teams';
import type { ActionHandler } from '../ports/turn';

/**
 * the person picked the team for an idea typed in the personal chat (or confirmed an offer in a channel): stored for
 * that team, if they belong to it. An offer in a channel names its writer; anyone else gets the offer back with a notice.
 */
export const ideaForTeamAction: ActionHandler<typeof VERBS.ideaForTeam, IdeasPorts> = async (turn, payload) => {
  const { s, facts, personId } = turn;
  if (payload.author !== undefined && payload.author !== personId) {
    s.log.info({ problem: 'errIdeaOfferNotYours' }, 'idea offer refused');
    const offer = { ideaText: payload.ideaText, teamId: payload.teamId, key: payload.key, author: payload.author };
    const notice = describeProblem(facts.locale, { key: 'errIdeaOfferNotYours' });
    return ok(asAttachment(buildIdeaOfferCard(facts.locale, offer, notice)));
  }
  const access = await teamAccess(s, facts, { teamId: payload.teamId }, personId, 'team');
  if (!access.ok) return access;
  const team = access.value;
  await submitDirectIdea(s, team, { id: personId, name: facts.userName }, payload.ideaText, {
    deliveryKey: payload.key,
    conversationId: facts.conversationId,
  });
  const m = messages(facts.locale);
  return ok(
    asAttachment(buildMessageCard(m.appName, [m.ideaSubmittedForTeam(teamName(team), shorten(payload.ideaText, 200))])),
  );
};

/**
 * a person's own view of a team's top ideas (or of one idea prompt's): after picking a team in the personal chat,
 * and as the refresh of an ideas card in a channel, which Teams asks for when showing the card to that person.
 */
export const ideasOfTeamAction: ActionHandler<typeof VERBS.ideasOfTeam, IdeasPorts> = async (turn, payload) => {
  const { s, facts, personId } = turn;
  const prompt = payload.itemId !== undefined ? await s.storage.items.get(payload.itemId) : undefined;
  if (payload.itemId !== undefined && (prompt?.kind !== 'idea' || prompt.teamId !== payload.teamId))
    return fail('errItemNotFound');
  const access = await teamAccess(s, facts, prompt ?? { teamId: payload.teamId }, personId, 'team');
  if (!access.ok) return access;
  const viewer = { personId, canManage: await managesTeam(s, payload.teamId, personId) };
  const refresh = facts.teamId ? { refreshUserId: facts.userId } : {};
  return ok(
    await renderIdeasCard(s, { team: access.value, ...(prompt ? { prompt } : {}), ...shownIn(facts) }, viewer, {
      locale: facts.locale,
      ...refresh,
    }),
  );
};
