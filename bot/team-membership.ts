import type { Logger } from 'pino';
import type { TeamRecord } from '../core/installations';
import type { Member } from '../core/people';
import type { TeamRoster } from './team-roster';

/** how long a team's roster is reused before Teams is asked again (5 minutes). */
export const ROSTER_TTL_MS = 5 * 60_000;
/** after Teams did not give a roster, how long until it is asked again (so an outage is not asked once per click). */
export const ROSTER_RETRY_MS = 15_000;
/** a person missing from a roster read at least this long ago has it read again, at most once per team in this time. */
export const ROSTER_REREAD_MS = 60_000;
/** when Teams does not give a roster, the last one read stands in for it for this long (1 hour). */
export const ROSTER_STALE_MS = 60 * 60_000;
/** rosters read at the same time when looking for a person's teams. */
const PARALLEL_ROSTERS = 4;

/** whether a team's roster lists a person; 'unknown' when Teams gave no roster (and none read lately stands in). */
export type Membership = 'member' | 'not-member' | 'unknown';

type Roster = ReadonlyMap<string, Member>;

interface Entry {
  startedAt: number;
  until: number;
  /** the roster, or undefined when Teams did not give it and no recent one stands in. */
  roster: Promise<Roster | undefined>;
}

/**
 * who belongs to which installed team, from the Teams rosters, each kept for a short while so clicks on cards do
 * not read a roster every time: all clicks on one team's cards share one read. A roster Teams does not give is
 * asked for again after a short pause; meanwhile the last roster read (up to an hour old) stands in, and without
 * one the membership is unknown, which callers refuse rather than grant.
 */
export class TeamMembership {
  private readonly cache = new Map<string, Entry>();
  private readonly lastRead = new Map<string, { at: number; roster: Roster }>();

  constructor(
    private readonly roster: Pick<TeamRoster, 'members'>,
    private readonly log: Logger,
    private readonly now: () => Date,
    private readonly ttlMs = ROSTER_TTL_MS,
  ) {}

  /** the members of a team by AAD object id (empty when the roster cannot be read). */
  async membersOf(team: TeamRecord): Promise<ReadonlyMap<string, Member>> {
    return (await this.current(team).roster) ?? new Map<string, Member>();
  }

  /** the person as a member of the team, or undefined. */
  async member(team: TeamRecord, personId: string): Promise<Member | undefined> {
    return (await this.membersOf(team)).get(personId);
  }

  /**
   * whether the team's roster lists the person. Someone missing from a roster read over a minute ago may have just
   * joined: the roster is read again then, once per team however many ask, so outsiders cannot make it read often.
   */
  async membership(team: TeamRecord, personId: string): Promise<Membership> {
    const first = this.current(team);
    let roster = await first.roster;
    if (!roster?.has(personId) && this.now().getTime() - first.startedAt >= ROSTER_REREAD_MS) {
      const latest = this.cache.get(team.teamId);
      roster = await (latest && latest !== first ? latest : this.read(team)).roster;
    }
    if (!roster) return 'unknown';
    return roster.has(personId) ? 'member' : 'not-member';
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

  /** the kept read of a team's roster while it is fresh, else a new one. */
  private current(team: TeamRecord): Entry {
    const cached = this.cache.get(team.teamId);
    return cached && cached.until > this.now().getTime() ? cached : this.read(team);
  }

  /** asks Teams for the roster; every caller until the entry expires shares this one read. */
  private read(team: TeamRecord): Entry {
    const at = this.now().getTime();
    const entry: Entry = { startedAt: at, until: at + this.ttlMs, roster: Promise.resolve(undefined) };
    entry.roster = this.roster.members(team).then(
      (list): Roster => {
        const roster: Roster = new Map(list.map((m) => [m.aadObjectId, m]));
        this.lastRead.set(team.teamId, { at, roster });
        return roster;
      },
      (err: unknown): Roster | undefined => {
        entry.until = Math.min(entry.until, this.now().getTime() + ROSTER_RETRY_MS);
        const last = this.lastRead.get(team.teamId);
        const standIn = last && at - last.at < ROSTER_STALE_MS ? last.roster : undefined;
        this.log.warn({ err, teamId: team.teamId, standIn: standIn !== undefined }, 'team roster not readable');
        return standIn;
      },
    );
    this.cache.set(team.teamId, entry);
    return entry;
  }
}
