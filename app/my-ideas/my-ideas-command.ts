import { buildMyIdeasCard, type MyIdea } from '../../cards/my-ideas-card';
import { asAttachment } from '../../cards/render';
import type { IdeaRecord } from '../../core/ideas/idea-record';
import type { Measure } from '../../core/measures/measure';
import { messages } from '../../core/messages';
import type { CommandHandler } from '../ports/turn';
import { teamName } from '../teams';
import type { MyIdeasPorts } from './ports';

/** how many ideas the card lists (newest first); older ones are counted. */
export const MY_IDEAS_LISTED = 50;

/** the measures an idea is part of, as stored now (links to measures that are gone are skipped). */
async function measuresOf(s: MyIdeasPorts, ideaId: string): Promise<Measure[]> {
  const links = await s.storage.measures.ofIdea(ideaId);
  const found = await Promise.all(links.map((l) => s.storage.measures.get(l.teamId, l.measureId)));
  return found.filter((m): m is Measure => m !== undefined);
}

/** the latest note about an idea: the newest progress note of its measures, else the note of its last status change. */
function latestNote(idea: IdeaRecord, measures: Measure[]): string | undefined {
  const notes = measures.flatMap((m) => (m.lastNote ? [m.lastNote] : []));
  const newest = notes.sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  return newest?.text ?? idea.statusNote;
}

/**
 * `meine ideen` / `my ideas` (personal chat): every idea the person sent with their name, from any time, newest first,
 * with its status, the measures it is part of and the latest note. Ideas are found through the person's author index
 * (the same one `meine daten` reads); anonymous ideas carry no author and are never found.
 */
export const myIdeasCommand: CommandHandler<'myIdeas', MyIdeasPorts> = async ({ reply, facts, s, personId }) => {
  if (!facts.isPersonal) {
    await reply(messages(facts.locale).errPersonalChatOnly);
    return;
  }
  const own = (await s.storage.ideas.byAuthor(personId))
    .filter((i) => !i.anonymous && i.authorId === personId)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const listed = own.slice(0, MY_IDEAS_LISTED);
  const teamNames = new Map<string, string>();
  for (const teamId of new Set(listed.map((i) => i.teamId))) {
    const team = await s.storage.installations.getTeam(teamId);
    teamNames.set(teamId, team ? teamName(team) : teamId);
  }
  const ideas: MyIdea[] = await Promise.all(
    listed.map(async (idea) => {
      const measures = await measuresOf(s, idea.ideaId);
      const note = latestNote(idea, measures);
      return {
        text: idea.text,
        teamName: teamNames.get(idea.teamId) ?? idea.teamId,
        createdAt: idea.createdAt,
        status: idea.status,
        measures: measures.map((m) => ({
          title: m.title,
          status: m.status,
          ownerName: m.ownerName,
          dueDate: m.dueDate,
        })),
        ...(note ? { latestNote: note } : {}),
      };
    }),
  );
  s.log.info({ ideas: own.length }, 'own ideas listed');
  await reply(
    asAttachment(
      buildMyIdeasCard(facts.locale, { ideas, more: own.length - listed.length, timeZone: s.config.timeZone }),
    ),
  );
};
