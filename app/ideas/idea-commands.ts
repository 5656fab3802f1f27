import { asAttachment } from '../../cards/render';
import type { IdeasPorts } from './ports';
import { buildTeamChoiceCard } from '../../cards/team-choice-card';
import { shorten } from '../../core/ideas/idea-status';
import type { TeamRecord } from '../../core/installations';
import type { Locale } from '../../core/locale';
import { messages } from '../../core/messages';
import { plainText } from '../../core/plain-text';
import { describeProblem } from '../../core/problems';
import { submitDirectIdea } from './direct-idea';
import { managesTeam, teamName, teamsOfPerson } from '../teams';
import { renderIdeasCard, shownIn } from './idea-board';
import { teamAccess } from '../teams';
import type { CommandHandler, Turn } from '../ports/turn';

/** the chat reply confirming an idea for a team; team name and idea show as typed (plainText). */
const submittedFor = (locale: Locale, team: TeamRecord, text: string) =>
  messages(locale).ideaSubmittedForTeam(plainText(teamName(team)), plainText(shorten(text, 200)));

/** in the personal chat, up to this many teams get one ideas card each; more teams get a choice. */
const CARDS_PER_ANSWER = 3;

/** the person and where they write from; undefined (after telling them) when ideas cannot be sent from here. */
async function chatPerson({
  reply,
  facts,
}: Pick<Turn, 'reply' | 'facts'>): Promise<{ id: string; name: string } | undefined> {
  if (facts.aadObjectId && (facts.teamId || facts.isPersonal)) return { id: facts.aadObjectId, name: facts.userName };
  await reply(describeProblem(facts.locale, { key: 'errIdeaWhere' }));
  return undefined;
}

/**
 * `idee <Text>` / `idea <text>`: an idea for the person's team, with their name. In a team channel it is for that
 * team, if the person is a member (teamAccess); in the personal chat for the one team the person belongs to, or the
 * team they pick on a choice card.
 */
export const submitIdeaCommand: CommandHandler<'submitIdea', IdeasPorts> = async (turn, command) => {
  const { reply, facts, s } = turn;
  const author = await chatPerson(turn);
  if (!author) return;
  const m = messages(facts.locale);
  const where = { deliveryKey: facts.deliveryKey, conversationId: facts.conversationId };
  if (facts.teamId) {
    const team = await turn.team();
    // a team channel may be shared with people outside the team: they are refused like anywhere else.
    const access = await teamAccess(s, facts, { teamId: team.teamId }, author.id, 'team');
    if (!access.ok) {
      await reply(describeProblem(facts.locale, access.problem));
      return;
    }
    await submitDirectIdea(s, team, author, command.text, where);
    await reply(submittedFor(facts.locale, team, command.text));
    return;
  }
  const teams = await teamsOfPerson(s, author.id);
  const [only] = teams;
  if (!only) {
    await reply(m.ideaNoTeam);
  } else if (teams.length === 1) {
    await submitDirectIdea(s, only, author, command.text, where);
    await reply(submittedFor(facts.locale, only, command.text));
  } else {
    const choices = teams.map((t) => ({ teamId: t.teamId, name: teamName(t) }));
    await reply(
      asAttachment(
        buildTeamChoiceCard(facts.locale, { kind: 'idea', ideaText: command.text, key: facts.deliveryKey }, choices),
      ),
    );
  }
};

/**
 * `ideen` / `ideas`: the top ideas. In a channel, the team's (in an idea prompt's thread, that prompt's) as a card
 * everyone sees without personal state, while the person asking gets their own view (support, volunteering, the
 * manager forms) through the card's refresh. In the personal chat, one card per team of the person (up to three),
 * else a choice of team.
 */
export const ideasCommand: CommandHandler<'ideas', IdeasPorts> = async (turn) => {
  const { reply, facts, s } = turn;
  const person = await chatPerson(turn);
  if (!person) return;
  if (facts.teamId) {
    const team = await turn.team();
    const own = facts.conversationId.includes(';messageid=')
      ? await s.storage.items.latestInConversation(facts.conversationId)
      : undefined;
    const prompt = own?.kind === 'idea' && own.teamId === team.teamId ? own : undefined;
    const card = await renderIdeasCard(s, { team, ...(prompt ? { prompt } : {}), ...shownIn(facts) }, undefined, {
      locale: facts.locale,
      refreshUserId: facts.userId,
    });
    await reply(card);
    return;
  }
  const teams = await teamsOfPerson(s, person.id);
  if (teams.length === 0) {
    await reply(messages(facts.locale).ideaNoTeam);
  } else if (teams.length > CARDS_PER_ANSWER) {
    const choices = teams.map((t) => ({ teamId: t.teamId, name: teamName(t) }));
    await reply(asAttachment(buildTeamChoiceCard(facts.locale, { kind: 'ideas' }, choices)));
  } else {
    const cards = await Promise.all(
      teams.map(async (team) =>
        renderIdeasCard(
          s,
          { team },
          { personId: person.id, canManage: await managesTeam(s, team.teamId, person.id) },
          { locale: facts.locale },
        ),
      ),
    );
    await reply(cards);
  }
};
