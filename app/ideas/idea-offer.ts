import { buildGreetingCard } from '../../cards/help-card';
import { buildIdeaOfferCard } from '../../cards/idea-offer-card';
import { asAttachment } from '../../cards/render';
import { buildTeamChoiceCard } from '../../cards/team-choice-card';
import { LIMITS } from '../../core/items';
import { isSmallTalk } from '../../core/free-text';
import { messages } from '../../core/messages';
import { describeProblem } from '../../core/problems';
import { teamAccess, teamName, teamsOfPerson } from '../teams';
import type { CommandHandler } from '../ports/turn';
import type { IdeasPorts } from './ports';

/**
 * a message that was no command, offered as the person's idea; nothing is stored before they click. In a channel
 * (`ideen <Text>`): "Meinten Sie `idee …`?" with a button for this team that only the writer may use. In the personal
 * chat: the choice of the person's teams, with the hint to `hilfe`; small talk ("hallo", "danke") gets the greeting
 * with the commands instead.
 */
export const offerIdeaCommand: CommandHandler<'offerIdea', IdeasPorts> = async (turn, command) => {
  const { reply, facts, s, personId } = turn;
  const m = messages(facts.locale);
  if (command.from === 'free' && isSmallTalk(command.text)) {
    const name = facts.userName.split(' ')[0] ?? '';
    const card = buildGreetingCard(facts.locale, {
      name,
      isAdmin: await s.isAdmin(personId),
      localMode: s.config.localMode,
    });
    await reply(asAttachment(card));
    return;
  }
  if (command.text.length > LIMITS.ideaMax) {
    await reply(describeProblem(facts.locale, { key: 'errIdeaTooLong', args: [LIMITS.ideaMax] }));
    return;
  }
  if (facts.teamId) {
    const team = await turn.team();
    const access = await teamAccess(s, facts, { teamId: team.teamId }, personId, 'team');
    if (!access.ok) {
      await reply(describeProblem(facts.locale, access.problem));
      return;
    }
    const offer = { ideaText: command.text, teamId: team.teamId, key: facts.deliveryKey, author: personId };
    await reply(asAttachment(buildIdeaOfferCard(facts.locale, offer)));
    return;
  }
  if (!facts.isPersonal) {
    await reply(describeProblem(facts.locale, { key: 'errIdeaWhere' }));
    return;
  }
  const teams = await teamsOfPerson(s, personId);
  if (teams.length === 0) {
    await reply(m.offerIdeaNoTeam);
    return;
  }
  const choices = teams.map((t) => ({ teamId: t.teamId, name: teamName(t) }));
  const texts =
    command.from === 'typed'
      ? { title: m.meantIdeaTitle, intro: m.meantIdeaIntro, hint: m.meantIdeaHint, submit: m.offerIdeaSubmit }
      : { title: m.offerIdeaTitle, intro: m.offerIdeaIntro, hint: m.offerIdeaHelp, submit: m.offerIdeaSubmit };
  const purpose = { kind: 'idea' as const, ideaText: command.text, key: facts.deliveryKey };
  await reply(asAttachment(buildTeamChoiceCard(facts.locale, purpose, choices, texts)));
};
