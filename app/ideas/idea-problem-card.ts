import type { CardAttachment } from '../../cards/render';
import { isItemId, VERBS } from '../../core/card-actions';
import { isIdeaId } from '../../core/ideas/idea-status';
import type { TeamRecord } from '../../core/installations';
import { describeProblem, type Problem } from '../../core/problems';
import type { IdeasPorts } from './ports';
import type { TurnFacts } from '../ports/turn';
import { placeOfIdea, teamAccess, type TeamPlace } from '../teams';
import { managesTeam } from '../teams';
import { renderIdeasCard, scopeOfCard, visibleIdea, type IdeasScope } from './idea-board';

/**
 * for a refused click on an ideas card: that ideas card again, with the problem on top, so the person keeps their
 * place. Support and volunteering buttons and the follow-up form live only on ideas cards; the status form also
 * sits on the 1:1 digest, so outside a channel its refusals keep the plain message card. Undefined when the
 * card cannot be shown to this person (then the caller answers with a message card).
 */
export async function ideasCardWithProblem(
  s: IdeasPorts,
  facts: TurnFacts,
  verb: unknown,
  data: unknown,
  problem: Problem,
): Promise<CardAttachment | undefined> {
  const ideaButton =
    verb === VERBS.ideaSupport ||
    verb === VERBS.ideaVolunteer ||
    (verb === VERBS.ideaStatus && facts.teamId !== undefined);
  const personId = facts.aadObjectId;
  if (!personId || (!ideaButton && verb !== VERBS.followUpPoll)) return undefined;
  try {
    const ref = (data ?? {}) as { ideaId?: unknown; itemId?: unknown };
    let place: TeamPlace;
    let scopeOf: (team: TeamRecord) => Promise<IdeasScope>;
    if (ideaButton) {
      const idea = isIdeaId(ref.ideaId) ? await visibleIdea(s, ref.ideaId) : undefined;
      if (!idea) return undefined;
      place = placeOfIdea(idea);
      scopeOf = (team) => scopeOfCard(s, facts, team, idea.itemId);
    } else {
      const prompt = isItemId(ref.itemId) ? await s.storage.items.get(ref.itemId) : undefined;
      if (prompt?.kind !== 'idea') return undefined;
      place = prompt;
      scopeOf = async (team) => ({ team, prompt });
    }
    const access = await teamAccess(s, facts, place, personId, ideaButton ? 'idea' : 'item');
    if (!access.ok) return undefined;
    const scope = await scopeOf(access.value);
    return await renderIdeasCard(
      s,
      scope,
      { personId, canManage: await managesTeam(s, place.teamId, personId) },
      {
        locale: facts.locale,
        notice: { kind: 'attention', text: describeProblem(facts.locale, problem) },
        ...(facts.teamId ? { refreshUserId: facts.userId } : {}),
      },
    );
  } catch (err) {
    s.log.warn({ err, verb }, 'ideas card for a refusal not available');
    return undefined;
  }
}
