import type { TeamRecord } from '../../core/installations';
import type { TeamsPorts } from './ports';

/** whether a person leads a team (a stored leader grant). */
export async function leadsTeam(s: Pick<TeamsPorts, 'storage'>, teamId: string, personId: string): Promise<boolean> {
  return (await s.storage.roles.leadersOf(teamId)).some((grant) => grant.personId === personId);
}

/** whether a person may set idea statuses of a team and start follow-up polls: an admin or a leader of that team. */
export async function managesTeam(s: TeamsPorts, teamId: string, personId: string): Promise<boolean> {
  return (await s.isAdmin(personId)) || (await leadsTeam(s, teamId, personId));
}

/** the installed teams a person belongs to (their roster) or leads, ordered by name. */
export async function teamsOfPerson(
  s: Pick<TeamsPorts, 'storage' | 'membership'>,
  personId: string,
): Promise<TeamRecord[]> {
  const active = await s.storage.installations.activeTeams();
  const led = new Set((await s.storage.roles.teamsLedBy(personId)).map((grant) => grant.teamId));
  const member = new Set(
    (
      await s.membership.teamsOf(
        active.filter((t) => !led.has(t.teamId)),
        personId,
      )
    ).map((t) => t.teamId),
  );
  return active.filter((t) => led.has(t.teamId) || member.has(t.teamId));
}

/** how a team is named to people. */
export function teamName(team: Pick<TeamRecord, 'name' | 'teamId'>): string {
  return team.name || team.teamId;
}
