import { decisionMessages, type StatusChange } from '../../core/ideas/idea-status';
import type { PersonRecord, TeamRecord } from '../../core/installations';
import type { Item } from '../../core/items';
import { resolveLocale, type Locale } from '../../core/locale';
import type { IdeaRecord } from '../../core/ideas/idea-record';
import type { IdeasPorts } from './ports';

/** who was told about a status change. */
export interface DecisionDelivery {
  /** a reply went into the thread of the prompt the idea came from. */
  threadReplied: boolean;
  /** for a named idea: whether its author got a 1:1 message; undefined for anonymous ideas (nobody is told in private). */
  authorReached?: boolean;
  /** supporters with a personal chat with the bot, who are being told (in the background). */
  supportersNotified: number;
}

const localeOf = (s: IdeasPorts, person: Pick<PersonRecord, 'locale'>): Locale =>
  resolveLocale(person.locale, s.config.defaultLocale);

/**
 * a 1:1 message to a person: into their stored personal chat, or else into a 1:1 chat the bot opens as a member of
 * the team (Teams allows this for any member). False when neither works; the reason goes to the log.
 */
export async function tellPerson(
  s: IdeasPorts,
  team: TeamRecord | undefined,
  personId: string,
  text: (locale: Locale) => string,
  fallback: Locale,
): Promise<boolean> {
  try {
    const person = await s.storage.installations.getPerson(personId);
    if (person?.active) {
      await s.poster.send(person.reference, person.reference.conversation.id, text(localeOf(s, person)));
      return true;
    }
    const member = team?.active ? await s.membership.member(team, personId) : undefined;
    if (!team || !member?.userId) {
      s.log.info({ personId, teamId: team?.teamId }, 'no way to reach a person in a 1:1 chat');
      return false;
    }
    await s.poster.openPersonalChat(team, member.userId, text(fallback));
    return true;
  } catch (err) {
    s.log.warn({ err, personId }, '1:1 message failed');
    return false;
  }
}

/**
 * tells people about an idea's new status: a reply in the thread of its prompt (ideas sent in chat have none), a 1:1
 * message to a named author (anonymous authors are unknown and never told), and a short 1:1 note to supporters who
 * have a personal chat with the bot, except the author and the person deciding. Supporters are told in the
 * background through the outbound queue, so a popular idea does not hold up the leader's card.
 */
export async function announceDecision(
  s: IdeasPorts,
  idea: IdeaRecord,
  prompt: Item | undefined,
  change: Pick<StatusChange, 'status' | 'note'>,
  deciderId: string,
): Promise<DecisionDelivery> {
  const team = await s.storage.installations.getTeam(idea.teamId);
  const teamLocale = prompt?.locale ?? s.config.defaultLocale;
  const texts = (locale: Locale) => decisionMessages(locale, { text: idea.text, anonymous: idea.anonymous }, change);

  let threadReplied = false;
  if (team?.active && prompt?.conversationId) {
    try {
      await s.poster.send(team.reference, prompt.conversationId, texts(teamLocale).threadReply);
      threadReplied = true;
    } catch (err) {
      s.log.warn({ err, ideaId: idea.ideaId, itemId: prompt.id }, 'decision reply in the thread failed');
    }
  }

  const authorReached =
    idea.anonymous || !idea.authorId
      ? undefined
      : await tellPerson(s, team, idea.authorId, (l) => texts(l).toAuthor ?? '', teamLocale);

  const supporterIds = (await s.storage.ideas.supportersOf(idea.ideaId))
    .map((b) => b.id)
    .filter((id) => id !== idea.authorId && id !== deciderId);
  const reachable = (await Promise.all(supporterIds.map((id) => s.storage.installations.getPerson(id)))).filter(
    (p): p is PersonRecord => p?.active === true,
  );
  void Promise.all(
    reachable.map((p) =>
      s.poster
        .send(p.reference, p.reference.conversation.id, texts(localeOf(s, p)).toSupporters)
        .catch((err: unknown) => {
          s.log.warn({ err, ideaId: idea.ideaId, personId: p.aadObjectId }, 'decision note to a supporter failed');
        }),
    ),
  );
  s.log.info(
    { ideaId: idea.ideaId, status: change.status, threadReplied, authorReached, supporters: reachable.length },
    'idea decision announced',
  );
  return {
    threadReplied,
    ...(authorReached === undefined ? {} : { authorReached }),
    supportersNotified: reachable.length,
  };
}
