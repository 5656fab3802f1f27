import type { Logger } from 'pino';
import type { TeamRecord } from '../core/installations';
import type { Member } from '../core/people';
import type { TeamRoster } from './team-roster';

/** how long a team's roster is reused before Teams is asked again (5 minutes). */
export const ROSTER_TTL_MS = 5 * 60_000;
/** rosters read at the same time when looking for a person's teams. */
const PARALLEL_ROSTERS = 4;

/**
 * who belongs to which installed team, from the Teams rosters, each kept for a short while so a click on a card
 * in the personal chat does not read a roster every time. A roster Teams does not give reads as empty (and is
 * not kept), so a failure refuses rather than grants.
 */
export class TeamMembership {
  private readonly cache = new Map<string, { until: number; members: Promise<ReadonlyMap<string, Member>> }>();

  constructor(
    private readonly roster: Pick<TeamRoster, 'members'>,
    private readonly log: Logger,
    private readonly now: () => Date,
    private readonly ttlMs = ROSTER_TTL_MS,
  ) {}

  /** the members of a team by AAD object id. */
  membersOf(team: TeamRecord): Promise<ReadonlyMap<string, Member>> {
    const at = this.now().getTime();
    const cached = this.cache.get(team.teamId);
    if (cached && cached.until > at) return cached.members;
    const entry = {
      until: at + this.ttlMs,
      members: this.roster.members(team).then(
        (list): ReadonlyMap<string, Member> => new Map(list.map((m) => [m.aadObjectId, m])),
        (err: unknown): ReadonlyMap<string, Member> => {
          if (this.cache.get(team.teamId) === entry) this.cache.delete(team.teamId);
          this.log.warn({ err, teamId: team.teamId }, 'team roster not readable');
          return new Map();
        },
      ),
    };
    this.cache.set(team.teamId, entry);
    return entry.members;
  }

  /** the person as a member of the team, or undefined. */
  async member(team: TeamRecord, personId: string): Promise<Member | undefined> {
    return (await this.membersOf(team)).get(personId);
  }

  /** the teams (of those given, in their order) whose roster lists the person. */
  async teamsOf(teams: readonly TeamRecord[], personId: string): Promise<TeamRecord[]> {
    const found: boolean[] = new Array<boolean>(teams.length).fill(false);
    let next = 0;
    const worker = async () => {
      while (next < teams.length) {
        const i = next++;
        found[i] = (await this.member(teams[i] as TeamRecord, personId)) !== undefined;
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_ROSTERS, teams.length) }, worker));
    return teams.filter((_, i) => found[i]);
  }
}
