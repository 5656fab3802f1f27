import { pickMember } from '../admins';
import { findMember, type Member } from '../../core/people';
import { messages } from '../../core/messages';
import type { CommandHandler, TurnFacts } from '../ports/turn';
import { pendingCardsFor } from './pending-approvals';
import type { ApprovalsPorts } from './ports';

/** the one member `who` names among everyone the bot can name, or the problem text. */
const pick = (s: ApprovalsPorts, facts: TurnFacts, who: string) => pickMember(s, facts.locale, who);

/**
 * `personalrat hinzufügen <wer>` / `add council <who>` (admins, checked by the router): grants the staff council role,
 * audited as `council.grant`; the new member gets the approval cards still waiting.
 */
export const addCouncilCommand: CommandHandler<'addCouncil', ApprovalsPorts> = async (
  { reply, facts, s, personId },
  command,
) => {
  const m = messages(facts.locale);
  if (!command.who.trim()) return reply(m.councilPickHint);
  const person = await pick(s, facts, command.who);
  if (typeof person === 'string') return reply(person);
  const at = s.now();
  const outcome = await s.storage.roles.grantCouncil(person.aadObjectId, personId, at, {
    name: person.name,
    ...(person.upn && { upn: person.upn }),
  });
  if (outcome === 'granted') {
    await s.storage.audit.record({
      actorId: personId,
      actorName: facts.userName || undefined,
      action: 'council.grant',
      target: person.aadObjectId,
      details: { name: person.name },
      at,
    });
    s.log.info({ personId: person.aadObjectId, by: personId }, 'council role granted');
  }
  await reply(outcome === 'granted' ? m.councilGranted(person.name) : m.councilAlready(person.name));
  if (outcome === 'granted') await pendingCardsFor(s, person.aadObjectId);
};

/** `personalrat entfernen <wer>` / `remove council <who>` (admins): takes the role away, audited as `council.revoke`. */
export const removeCouncilCommand: CommandHandler<'removeCouncil', ApprovalsPorts> = async (
  { reply, facts, s, personId },
  command,
) => {
  const m = messages(facts.locale);
  if (!command.who.trim()) return reply(m.councilPickHint);
  const members = await s.storage.roles.councilMembers();
  const listed: Member[] = members.map((g) => ({
    aadObjectId: g.personId,
    name: g.name ?? g.personId,
    ...(g.upn && { upn: g.upn }),
  }));
  const match = findMember(command.who, listed);
  const person = match.kind === 'one' ? match.member : await pick(s, facts, command.who);
  if (typeof person === 'string') return reply(person);
  const grant = members.find((g) => g.personId === person.aadObjectId);
  if (grant?.grantedBy.startsWith('file:')) return reply(m.councilFromFile(person.name, grant.grantedBy.slice(5)));
  if (!(await s.storage.roles.revokeCouncil(person.aadObjectId))) return reply(m.councilNotMember(person.name));
  await s.storage.audit.record({
    actorId: personId,
    actorName: facts.userName || undefined,
    action: 'council.revoke',
    target: person.aadObjectId,
    details: { name: person.name },
    at: s.now(),
  });
  s.log.info({ personId: person.aadObjectId, by: personId }, 'council role revoked');
  await reply(m.councilRevoked(person.name));
};

/** `personalrat` / `council` (admins): the members of the staff council and where their role comes from. */
export const councilCommand: CommandHandler<'council', ApprovalsPorts> = async ({ reply, facts, s }) => {
  const m = messages(facts.locale);
  const members = await s.storage.roles.councilMembers();
  const lines = members
    .map((g) => ({ name: g.name ?? g.personId, g }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ name, g }) =>
      m.councilListLine(
        name,
        g.grantedBy.startsWith('file:') ? m.councilSourceFile(g.grantedBy.slice(5)) : m.councilSourceChat,
      ),
    );
  await reply(
    [
      m.councilListTitle,
      ...(lines.length > 0 ? lines : [m.councilListNone]),
      m.councilNeeded(s.config.approvalsNeeded),
    ].join('\n\n'),
  );
};
