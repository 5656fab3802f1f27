import type { Locale } from '../../core/locale';
import { messages } from '../../core/messages';
import { findMember, type Member } from '../../core/people';
import { describeProblem } from '../../core/problems';
import type { AdminsPorts } from './ports';
import type { CommandHandler } from '../ports/turn';

/** everyone the bot can name: the members of every installed team (Teams roster), one entry per person. */
export async function knownMembers(s: AdminsPorts): Promise<Member[]> {
  const teams = await s.storage.installations.activeTeams();
  const rosters = await Promise.all(
    teams.map((team) =>
      s.roster.members(team).catch((err: unknown) => {
        s.log.warn({ err, teamId: team.teamId }, 'team roster not readable');
        return [] as Member[];
      }),
    ),
  );
  return [...new Map(rosters.flat().map((m) => [m.aadObjectId, m])).values()];
}

/** the one member `who` names among everyone the bot can name, or the problem text (none, or several: their names). */
export async function pickMember(s: AdminsPorts, locale: Locale, who: string): Promise<Member | string> {
  const match = findMember(who, await knownMembers(s));
  if (match.kind === 'none') return describeProblem(locale, { key: 'errPersonNotFound', args: [who] });
  if (match.kind === 'many') {
    const names = match.members.map((p) => (p.upn ? `${p.name} (${p.upn})` : p.name)).join(', ');
    return describeProblem(locale, { key: 'errPersonAmbiguous', args: [names] });
  }
  return match.member;
}

/** `admin hinzufügen <wer>` / `add admin <who>`: an admin makes a team member an admin; stored with who granted it and when. */
export const addAdminCommand: CommandHandler<'addAdmin', AdminsPorts> = async (
  { reply, facts, s, personId },
  command,
) => {
  const m = messages(facts.locale);
  if (!command.who.trim()) {
    await reply(`${m.adminPickTitle}\n\n${m.adminPickHint}`);
    return;
  }
  const person = await pickMember(s, facts.locale, command.who);
  if (typeof person === 'string') {
    await reply(person);
    return;
  }
  const by = personId;
  const outcome = await s.storage.roles.grantAdmin(person.aadObjectId, by, s.now(), person.name);
  if (outcome === 'granted') {
    await s.storage.audit.record({
      actorId: by,
      actorName: facts.userName,
      action: 'admin.grant',
      target: person.aadObjectId,
      details: { name: person.name },
      at: s.now(),
    });
    s.log.info({ personId: person.aadObjectId, by }, 'admin granted');
  }
  await reply(outcome === 'granted' ? m.adminGranted(person.name) : m.adminAlready(person.name));
};
