import type { PickerChoice } from '../../cards/leader-picker-card';
import type { TeamRecord } from '../../core/installations';
import type { Locale } from '../../core/locale';
import { messages } from '../../core/messages';
import type { Member } from '../../core/people';
import type { RoleGrant } from '../../storage/role-repository';
import type { LeadersPorts } from './ports';

/** who acts: an admin, from the activity. */
export interface Actor {
  id: string;
  name?: string;
}

export type TeamMatch = { kind: 'one'; team: TeamRecord } | { kind: 'none' } | { kind: 'many'; teams: TeamRecord[] };

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase();

/** finds an installed team by id, then by whole name, then by a unique part of the name; several are reported, never guessed. */
export function findTeam(query: string, teams: readonly TeamRecord[]): TeamMatch {
  const q = norm(query);
  const pick = (found: TeamRecord[]): TeamMatch | undefined =>
    found.length === 1
      ? { kind: 'one', team: found[0]! }
      : found.length > 1
        ? { kind: 'many', teams: found }
        : undefined;
  if (!q) return { kind: 'none' };
  return (
    pick(teams.filter((t) => norm(t.teamId) === q)) ??
    pick(teams.filter((t) => norm(t.name) === q)) ??
    pick(teams.filter((t) => norm(t.name).includes(q))) ?? { kind: 'none' }
  );
}

/** the name a team is shown with. */
export const teamLabel = (team: Pick<TeamRecord, 'name' | 'teamId'>): string => team.name || team.teamId;

/** a team's members from Teams, or undefined (logged) when the roster cannot be read. */
export async function rosterOf(s: LeadersPorts, team: TeamRecord): Promise<Member[] | undefined> {
  try {
    return await s.roster.members(team);
  } catch (err) {
    s.log.warn({ err, teamId: team.teamId }, 'team roster not readable');
    return undefined;
  }
}

/** a person as a picker choice: name, and the UPN when known (two people may share a name). */
export const memberChoice = (m: Pick<Member, 'aadObjectId' | 'name' | 'upn'>): PickerChoice => ({
  value: m.aadObjectId,
  title: m.upn ? `${m.name} (${m.upn})` : m.name || m.aadObjectId,
});

export const teamChoice = (t: TeamRecord): PickerChoice => ({ value: t.teamId, title: teamLabel(t) });

/** a leader grant as a person, so chat names can be matched against leaders with findMember. */
export const grantAsMember = (g: RoleGrant): Member => ({
  aadObjectId: g.personId,
  name: g.name ?? '',
  ...(g.upn && { upn: g.upn }),
});

/** makes a team member a leader of the team, stored with who assigned them and when, and audited; returns the answer. */
export async function assignLeader(
  s: LeadersPorts,
  actor: Actor,
  team: TeamRecord,
  member: Member,
  locale: Locale,
): Promise<string> {
  const m = messages(locale);
  const at = s.now();
  const outcome = await s.storage.roles.assignLeader({
    teamId: team.teamId,
    personId: member.aadObjectId,
    name: member.name,
    upn: member.upn,
    grantedBy: actor.id,
    at,
  });
  if (outcome === 'assigned') {
    await s.storage.audit.record({
      actorId: actor.id,
      actorName: actor.name,
      action: 'leader.assign',
      target: `${team.teamId}|${member.aadObjectId}`,
      details: { name: member.name, team: teamLabel(team) },
      at,
    });
    s.log.info({ teamId: team.teamId, personId: member.aadObjectId, by: actor.id }, 'leader assigned');
  }
  return outcome === 'assigned'
    ? m.leaderAssigned(member.name, teamLabel(team))
    : m.leaderAlready(member.name, teamLabel(team));
}

/** ends a leader grant, audited; a grant from the organisation file comes back on the next reload, which the answer says. */
export async function removeLeader(
  s: LeadersPorts,
  actor: Actor,
  team: Pick<TeamRecord, 'teamId' | 'name'>,
  grant: RoleGrant,
  locale: Locale,
): Promise<string> {
  const m = messages(locale);
  const name = grant.name || grant.personId;
  if (await s.storage.roles.removeLeader(team.teamId, grant.personId)) {
    await s.storage.audit.record({
      actorId: actor.id,
      actorName: actor.name,
      action: 'leader.remove',
      target: `${team.teamId}|${grant.personId}`,
      details: { name, team: teamLabel(team), grantedBy: grant.grantedBy },
      at: s.now(),
    });
    s.log.info({ teamId: team.teamId, personId: grant.personId, by: actor.id }, 'leader removed');
  }
  const fromFile = grant.grantedBy.startsWith('file:') ? grant.grantedBy.slice('file:'.length) : undefined;
  return [m.leaderRemoved(name, teamLabel(team)), ...(fromFile ? [m.leaderRemovedFromFile(fromFile)] : [])].join(' ');
}
