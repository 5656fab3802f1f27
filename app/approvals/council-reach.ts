import { asAttachment, type AdaptiveCard } from '../../cards/render';
import { resolveLocale, type Locale } from '../../core/locale';
import type { HoldPorts } from './ports';

/**
 * a 1:1 message to a person: into their stored personal chat, or else into a 1:1 chat the bot opens as a member of one
 * of the installed teams. False when neither works (the reason goes to the log).
 */
export async function sendToPerson(
  s: HoldPorts,
  personId: string,
  message: (locale: Locale) => string | AdaptiveCard,
): Promise<boolean> {
  const wrap = (m: string | AdaptiveCard) => (typeof m === 'string' ? m : asAttachment(m));
  try {
    const person = await s.storage.installations.getPerson(personId);
    if (person?.active) {
      const locale = resolveLocale(person.locale, s.config.defaultLocale);
      await s.poster.send(person.reference, person.reference.conversation.id, wrap(message(locale)));
      return true;
    }
    for (const team of await s.storage.installations.activeTeams()) {
      const member = await s.membership.member(team, personId);
      if (!member?.userId) continue;
      await s.poster.openPersonalChat(team, member.userId, wrap(message(s.config.defaultLocale)));
      return true;
    }
    s.log.info({ personId }, 'no way to reach a council member or admin in a 1:1 chat');
    return false;
  } catch (err) {
    s.log.warn({ err, personId }, '1:1 message failed');
    return false;
  }
}

/** sends a card to every staff council member; returns how many were reached. */
export async function tellCouncil(s: HoldPorts, card: (locale: Locale) => AdaptiveCard): Promise<number> {
  const members = await s.storage.roles.councilMembers();
  const reached = await Promise.all(members.map((m) => sendToPerson(s, m.personId, card)));
  return reached.filter(Boolean).length;
}

/** the people told about a decision: the requester and the campaign's maker (chat), else the configured admins. */
export function peopleToTell(s: HoldPorts, ids: readonly string[]): string[] {
  const people = ids.filter((id) => id && !id.startsWith('file:') && !id.startsWith('campaign:'));
  return [...new Set(people.length > 0 ? people : s.config.adminIds)];
}
