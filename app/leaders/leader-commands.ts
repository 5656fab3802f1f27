import { buildLeaderListCard, type LeaderListEntry, type LeaderListTeam } from '../../cards/leader-list-card';
import { buildLeaderPickerCard, type PickerChoice } from '../../cards/leader-picker-card';
import { asAttachment } from '../../cards/render';
import type { TeamRecord } from '../../core/installations';
import { messages } from '../../core/messages';
import { findMember, type Member, type PersonMatch } from '../../core/people';
import { describeProblem, type Problem } from '../../core/problems';
import type { RoleGrant } from '../../storage/role-repository';
import {
  assignLeader,
  findTeam,
  grantAsMember,
  memberChoice,
  removeLeader,
  rosterOf,
  teamChoice,
  teamLabel,
  type Actor,
} from './leader-assignment';
import type { LeadersPorts } from './ports';
import type { CommandHandler, Turn } from '../ports/turn';

/** the teams a leader command is about: the named team, the channel's team, or (personal chat) every installed team. */
async function teamsInQuestion(
  turn: Turn<LeadersPorts>,
  named: string | undefined,
): Promise<{ ok: true; teams: TeamRecord[] } | { ok: false; problem: Problem }> {
  const { facts, s } = turn;
  const teams = await s.storage.installations.activeTeams();
  if (teams.length === 0) return { ok: false, problem: { key: 'errNoTeamsInstalled' } };
  if (named) {
    const found = findTeam(named, teams);
    if (found.kind === 'none')
      return { ok: false, problem: { key: 'errTeamNotFound', args: [named, teams.map(teamLabel).join(', ')] } };
    if (found.kind === 'many')
      return facts.isPersonal
        ? { ok: true, teams: found.teams }
        : { ok: false, problem: { key: 'errTeamAmbiguous', args: [named] } };
    return { ok: true, teams: [found.team] };
  }
  if (facts.teamId) {
    const here = teams.find((t) => t.teamId === facts.teamId);
    return here ? { ok: true, teams: [here] } : { ok: false, problem: { key: 'errUnknownTarget' } };
  }
  return { ok: true, teams };
}

const actorOf = ({ facts, personId }: Pick<Turn, 'facts' | 'personId'>): Actor => ({
  id: personId,
  name: facts.userName || undefined,
});

async function reply(turn: Turn<LeadersPorts>, text: string): Promise<void> {
  await turn.reply(text);
}

async function refuse(turn: Turn<LeadersPorts>, problem: Problem): Promise<void> {
  turn.s.log.info({ problem: problem.key }, 'leader command refused');
  await reply(turn, describeProblem(turn.facts.locale, problem));
}

async function picker(
  turn: Turn<LeadersPorts>,
  op: 'add' | 'remove',
  teams: PickerChoice[],
  members: PickerChoice[],
  memberValue?: string,
): Promise<void> {
  const card = buildLeaderPickerCard(turn.facts.locale, { op, teams, members, ...(memberValue && { memberValue }) });
  await turn.reply(asAttachment(card));
}

/** one entry per person, in the order found. */
const distinct = (people: Member[]): Member[] => [...new Map(people.map((p) => [p.aadObjectId, p])).values()];

/** everyone a name matched. */
const matched = (match: PersonMatch): Member[] =>
  match.kind === 'one' ? [match.member] : match.kind === 'many' ? match.members : [];

/** several people answer to the name: refused with their names (and UPNs) so the admin can be precise. */
const ambiguous = (people: Member[]): Problem => ({
  key: 'errPersonAmbiguous',
  args: [people.map((p) => (p.upn ? `${p.name} (${p.upn})` : p.name)).join(', ')],
});

/** the person named and the teams a leader command is about; undefined when the turn was answered already. */
async function leaderCommandScope(
  turn: Turn<LeadersPorts>,
  command: { who: string; team?: string },
): Promise<{ who: string; teams: TeamRecord[] } | undefined> {
  const who = command.who.trim();
  if (!who && !turn.facts.isPersonal) {
    await reply(turn, messages(turn.facts.locale).leaderWhoMissing);
    return undefined;
  }
  const scope = await teamsInQuestion(turn, command.team);
  if (!scope.ok) {
    await refuse(turn, scope.problem);
    return undefined;
  }
  return { who, teams: scope.teams };
}

/**
 * `leitung hinzufügen <wer> [für <Team>]` / `add leader <who> [to <team>]`: in a channel the team is that team; in the
 * personal chat the named team, or the one team the person is a member of; otherwise a card to pick team and person.
 */
export const addLeaderCommand: CommandHandler<'addLeader', LeadersPorts> = async (turn, command) => {
  const { facts, s } = turn;
  const scope = await leaderCommandScope(turn, command);
  if (!scope) return;
  const { who } = scope;
  const rosters = (
    await Promise.all(scope.teams.map(async (team) => ({ team, members: await rosterOf(s, team) })))
  ).filter((r): r is { team: TeamRecord; members: Member[] } => r.members !== undefined);
  if (rosters.length === 0) return refuse(turn, { key: 'errRosterUnavailable' });
  if (!who) {
    return picker(
      turn,
      'add',
      rosters.map((r) => teamChoice(r.team)),
      distinct(rosters.flatMap((r) => r.members)).map(memberChoice),
    );
  }
  const found = rosters.map((r) => ({ team: r.team, match: findMember(who, r.members) }));
  const people = distinct(found.flatMap((f) => matched(f.match)));
  const teamsOf = (person: Member) =>
    found.filter((f) => matched(f.match).some((p) => p.aadObjectId === person.aadObjectId));
  if (people.length === 0) {
    const only = scope.teams.length === 1 ? scope.teams[0] : undefined;
    return refuse(
      turn,
      only ? { key: 'errPersonNotInTeam', args: [who, teamLabel(only)] } : { key: 'errPersonNotFound', args: [who] },
    );
  }
  const person = people.length === 1 ? people[0]! : undefined;
  const homes = person ? teamsOf(person) : [];
  if (person && homes.length === 1)
    return reply(turn, await assignLeader(s, actorOf(turn), homes[0]!.team, person, facts.locale));
  if (!facts.isPersonal) return refuse(turn, ambiguous(people));
  const teams = distinct(people).flatMap((p) => teamsOf(p).map((f) => f.team));
  return picker(
    turn,
    'add',
    [...new Map(teams.map((t) => [t.teamId, t])).values()].map(teamChoice),
    people.map(memberChoice),
    person?.aadObjectId,
  );
};

/**
 * `leitung entfernen <wer> [für <Team>]` / `remove leader <who> [from <team>]`: matches the name among the leaders of the
 * team in question (in the personal chat: of every team); several matches in the personal chat get the picker card.
 */
export const removeLeaderCommand: CommandHandler<'removeLeader', LeadersPorts> = async (turn, command) => {
  const { facts, s } = turn;
  const scope = await leaderCommandScope(turn, command);
  if (!scope) return;
  const { who } = scope;
  const inScope = new Map(scope.teams.map((t) => [t.teamId, t]));
  const grants = (await Promise.all(scope.teams.map((t) => s.storage.roles.leadersOf(t.teamId)))).flat();
  const teamsOfGrants = (gs: RoleGrant[]) =>
    [...new Set(gs.map((g) => g.teamId ?? ''))]
      .map((id) => inScope.get(id))
      .filter((t): t is TeamRecord => t !== undefined);
  const only = scope.teams.length === 1 ? scope.teams[0] : undefined;
  if (!who)
    return picker(
      turn,
      'remove',
      teamsOfGrants(grants).map(teamChoice),
      distinct(grants.map(grantAsMember)).map(memberChoice),
    );
  const match = findMember(who, distinct(grants.map(grantAsMember)));
  if (match.kind === 'none')
    return refuse(
      turn,
      only ? { key: 'errNotLeaderOfTeam', args: [who, teamLabel(only)] } : { key: 'errNotLeaderAnywhere', args: [who] },
    );
  if (match.kind === 'many') {
    if (!facts.isPersonal) return refuse(turn, ambiguous(match.members));
    const ids = new Set(match.members.map((p) => p.aadObjectId));
    return picker(
      turn,
      'remove',
      teamsOfGrants(grants.filter((g) => ids.has(g.personId))).map(teamChoice),
      match.members.map(memberChoice),
    );
  }
  const own = grants.filter((g) => g.personId === match.member.aadObjectId);
  const team = own.length === 1 ? inScope.get(own[0]!.teamId ?? '') : undefined;
  if (team && own[0]) return reply(turn, await removeLeader(s, actorOf(turn), team, own[0], facts.locale));
  if (!facts.isPersonal) return refuse(turn, { key: 'errTeamAmbiguous', args: [match.member.name] });
  return picker(
    turn,
    'remove',
    teamsOfGrants(own).map(teamChoice),
    [memberChoice(match.member)],
    match.member.aadObjectId,
  );
};

/** at most this many teams per card, so a long list stays far below Teams' card size limit. */
const TEAMS_PER_CARD = 40;

/** names for the people who assigned leaders: stored admins, leaders and people with a personal chat; else the id. */
async function assignerNames(s: LeadersPorts, ids: string[], grants: RoleGrant[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const g of [...(await s.storage.roles.admins()), ...grants]) if (g.name) names.set(g.personId, g.name);
  for (const id of ids.filter((i) => !names.has(i))) {
    const person = await s.storage.installations.getPerson(id).catch(() => undefined);
    if (person?.name) names.set(id, person.name);
  }
  return names;
}

/** `leitungen` / `leaders`: every installed team with its leaders, who assigned each (a person or the organisation file) and when. */
export const leadersCommand: CommandHandler<'leaders', LeadersPorts> = async ({ reply, facts, s }) => {
  const [grants, active] = await Promise.all([s.storage.roles.allLeaders(), s.storage.installations.activeTeams()]);
  const teams = new Map(active.map((t) => [t.teamId, teamLabel(t)]));
  for (const g of grants) {
    if (g.teamId && !teams.has(g.teamId))
      teams.set(
        g.teamId,
        teamLabel((await s.storage.installations.getTeam(g.teamId)) ?? { teamId: g.teamId, name: '' }),
      );
  }
  const names = await assignerNames(
    s,
    [...new Set(grants.map((g) => g.grantedBy).filter((by) => !by.startsWith('file:')))],
    grants,
  );
  const entry = (g: RoleGrant): LeaderListEntry => ({
    name: g.name || g.personId,
    assignedBy: g.grantedBy.startsWith('file:')
      ? { file: g.grantedBy.slice('file:'.length) }
      : { person: names.get(g.grantedBy) ?? g.grantedBy },
    at: g.grantedAt,
  });
  const list: LeaderListTeam[] = [...teams.entries()]
    .sort((a, b) => a[1].localeCompare(b[1], facts.locale))
    .map(([teamId, label]) => ({
      label,
      leaders: grants
        .filter((g) => g.teamId === teamId)
        .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', facts.locale))
        .map(entry),
    }));
  for (let i = 0; i < Math.max(1, list.length); i += TEAMS_PER_CARD) {
    const card = buildLeaderListCard(facts.locale, list.slice(i, i + TEAMS_PER_CARD), {
      timeZone: s.config.timeZone,
      noneAssigned: i === 0 && grants.length === 0,
    });
    await reply(asAttachment(card));
  }
};
