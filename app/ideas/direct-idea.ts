import type { TeamRecord } from '../../core/installations';
import type { IdeaRecord } from '../../core/ideas/idea-record';
import type { IdeasPorts } from './ports';

/**
 * stores an idea a person typed with `idee <Text>` (not for a prompt): named, status 'new', for one team, and counts
 * the person in the team's weekly participation. `deliveryKey` names the chat message; it is scoped to the person,
 * so a repeated delivery (or a second click on the team choice) stores the idea once and no card data can reach
 * someone else's idea.
 */
export async function submitDirectIdea(
  s: IdeasPorts,
  team: TeamRecord,
  author: { id: string; name: string },
  text: string,
  where: { deliveryKey: string; conversationId: string },
): Promise<IdeaRecord> {
  const idea = await s.storage.ideas.create({
    teamId: team.teamId,
    conversationId: where.conversationId,
    text,
    anonymous: false,
    authorId: author.id,
    authorName: author.name,
    createdAt: s.now(),
    deliveryKey: `chat|${author.id}|${where.deliveryKey}`,
  });
  await s.storage.weeklyParticipation.recordNamed(team.teamId, author.id, idea.createdAt);
  s.log.info({ ideaId: idea.ideaId, teamId: team.teamId, personId: author.id }, 'idea sent in chat');
  return idea;
}
