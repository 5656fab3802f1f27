import { asAttachment } from '../../cards/render';
import type { IdeasPorts } from './ports';
import { buildStatusChangeResultCard } from '../../cards/status-change-result-card';
import { VERBS } from '../../core/card-actions';
import { checkTransition } from '../../core/ideas/idea-status';
import { fail, ok } from '../../core/problems';
import { announceDecision } from './decision-notices';
import { managesTeam } from '../teams';
import { visibleIdea } from './idea-board';
import type { ActionHandler } from '../ports/turn';

/**
 * a leader of the idea's team (or an admin) sets its status with a note (required for declined, checked by the
 * payload schema). The move is checked against the stored status; then the thread, the author and supporters are
 * told, the change is audited, and the leader sees who was told. The button may sit on the ideas card or the
 * digest, so the answer is the status-change result card.
 */
export const ideaStatusAction: ActionHandler<typeof VERBS.ideaStatus, IdeasPorts> = async (turn, change) => {
  const { s, facts, personId } = turn;
  // an anonymous idea that nobody may see yet cannot be decided either (its text would go into the thread).
  const idea = await visibleIdea(s, change.ideaId);
  if (!idea) return fail('errIdeaNotFound');
  if (!(await managesTeam(s, idea.teamId, personId))) return fail('errIdeaNotManager');
  const checked = checkTransition(facts.locale, idea.status, change);
  if (!checked.ok) return checked;
  const at = s.now();
  const saved = await s.storage.ideas.setStatus(idea.ideaId, {
    status: change.status,
    ...(change.note ? { note: change.note } : {}),
    by: personId,
    at,
  });
  await s.storage.audit.record({
    actorId: personId,
    ...(facts.userName ? { actorName: facts.userName } : {}),
    action: 'idea.status',
    target: idea.ideaId,
    details: { team: idea.teamId, from: idea.status, to: saved.status, note: change.note !== '' },
    at,
  });
  s.log.info(
    { ideaId: idea.ideaId, teamId: idea.teamId, from: idea.status, to: saved.status, by: personId },
    'idea status changed',
  );
  const prompt = idea.itemId !== undefined ? await s.storage.items.get(idea.itemId) : undefined;
  const told = await announceDecision(s, saved, prompt, change, personId);
  return ok(
    asAttachment(
      buildStatusChangeResultCard(facts.locale, {
        ideaText: idea.text,
        status: saved.status,
        note: change.note,
        anonymous: idea.anonymous,
        threadReplied: told.threadReplied,
        supportersNotified: told.supportersNotified,
        ...(told.authorReached === undefined ? {} : { authorReached: told.authorReached }),
        ...(saved.status === 'accepted' ? { measureFromIdeaId: saved.ideaId } : {}),
      }),
    ),
  );
};
