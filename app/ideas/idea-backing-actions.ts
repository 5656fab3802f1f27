import type { CardAttachment } from '../../cards/render';
import type { IdeasPorts } from './ports';
import { VERBS } from '../../core/card-actions';
import { fail, ok, type Outcome } from '../../core/problems';
import type { IdeaRecord } from '../../core/ideas/idea-record';
import { IdeaNotFoundError } from '../../storage/idea-repository';
import { managesTeam } from '../teams';
import { renderIdeasCard, scopeOfCard, visibleIdea } from './idea-board';
import { placeOfIdea, teamAccess } from '../teams';
import type { ActionHandler, Turn } from '../ports/turn';

/**
 * a team member backs an idea or withdraws (support or "Ich mache mit"): the explicit on/off makes a repeated
 * click harmless. Answers with the ideas card the button was on, showing the person's new state.
 */
async function back(
  turn: Turn<IdeasPorts>,
  ideaId: string,
  change: (idea: IdeaRecord) => Promise<void>,
): Promise<Outcome<CardAttachment>> {
  const { s, facts, personId } = turn;
  const idea = await visibleIdea(s, ideaId);
  if (!idea) return fail('errIdeaNotFound');
  const access = await teamAccess(s, facts, placeOfIdea(idea), personId, 'idea');
  if (!access.ok) return access;
  try {
    await change(idea);
  } catch (err) {
    if (err instanceof IdeaNotFoundError) return fail('errIdeaNotFound');
    throw err;
  }
  const scope = await scopeOfCard(s, facts, access.value, idea.itemId);
  const viewer = { personId, canManage: await managesTeam(s, idea.teamId, personId) };
  return ok(
    await renderIdeasCard(s, scope, viewer, {
      locale: facts.locale,
      ...(facts.teamId ? { refreshUserId: facts.userId } : {}),
    }),
  );
}

/** "Unterstützen" / "Unterstützung zurückziehen": one support per person. */
export const ideaSupportAction: ActionHandler<typeof VERBS.ideaSupport, IdeasPorts> = (turn, payload) =>
  back(turn, payload.ideaId, async (idea) => {
    const result = await turn.s.storage.ideas.support(idea.ideaId, turn.personId, payload.on, turn.s.now());
    turn.s.log.info({ ideaId: idea.ideaId, on: payload.on, count: result.count }, 'idea support');
  });

/** "Ich mache mit" / "Ich mache nicht mehr mit": volunteering is named (the name from the activity). */
export const ideaVolunteerAction: ActionHandler<typeof VERBS.ideaVolunteer, IdeasPorts> = (turn, payload) =>
  back(turn, payload.ideaId, async (idea) => {
    const result = await turn.s.storage.ideas.volunteer(
      idea.ideaId,
      { id: turn.personId, name: turn.facts.userName },
      payload.on,
      turn.s.now(),
    );
    turn.s.log.info({ ideaId: idea.ideaId, on: payload.on, count: result.count }, 'idea volunteering');
  });
