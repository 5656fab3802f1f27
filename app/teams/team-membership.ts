import type { Logger } from 'pino';
import { hasOwnMembers, type ChannelKind, type ChannelRecord, type TeamRecord } from '../../core/installations';
import type { Member } from '../../core/people';
import type { Membership, TeamMembers } from '../ports/services';
import type { TeamsRosters } from '../ports/teams';

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

type Roster = ReadonlyMap<string, Member>;

interface Entry {
  startedAt: number;
  until: number;
  /** the roster, or undefined when Teams did not give it and no recent one stands in. */
  roster: Promise<Roster | undefined>;
}

/** whose roster a question is about: a team's, or — given a channel of it with members of its own — that channel's. */
interface Audience {
  key: string;
  team: TeamRecord;
  channelId?: string;
}

/**
 * who belongs to which installed team, or to which of its private and shared channels, from the Teams rosters, each
 * kept for a short while so clicks on cards do not read a roster every time: all clicks on one team's (or channel's)
 * cards share one read. A roster Teams does not give is asked for again after a short pause; meanwhile the last
 * roster read (up to an hour old) stands in, and without one the membership is unknown, which callers refuse rather
 * than grant. A channel's kind is looked up once per time to live; General and standard channels use the team's roster.
 */
export class TeamMembership implements TeamMembers {
  private readonly cache = new Map<string, Entry>();
  private readonly lastRead = new Map<string, { at: number; roster: Roster }>();
  private readonly kinds = new Map<
    string,
    { until: number; channel: Promise<Pick<ChannelRecord, 'kind'> | undefined> }
  >();

  constructor(
    private readonly roster: TeamsRosters,
    private readonly channels: {
      getChannel(teamId: string, channelId: string): Promise<Pick<ChannelRecord, 'kind'> | undefined>;
    },
    private readonly log: Logger,
    private readonly now: () => Date,
    private readonly ttlMs = ROSTER_TTL_MS,
  ) {}

  /** the members of a team, or of the given channel of it, by AAD object id (empty when the roster cannot be read). */
  async membersOf(team: TeamRecord, channelId?: string): Promise<ReadonlyMap<string, Member>> {
    return (await this.current(await this.audience(team, channelId)).roster) ?? new Map<string, Member>();
  }

  /** the person as a member of the team (or of the given channel of it), or undefined. */
  async member(team: TeamRecord, personId: string, channelId?: string): Promise<Member | undefined> {
    return (await this.membersOf(team, channelId)).get(personId);
  }

  /**
   * whether the roster of the team — or of the given channel, where that channel has members of its own — lists the
   * person. Someone missing from a roster read over a minute ago may have just joined: the roster is read again then,
   * once per team or channel however many ask, so outsiders cannot make it read often.
   */
  async membership(team: TeamRecord, personId: string, channelId?: string): Promise<Membership> {
    const audience = await this.audience(team, channelId);
    const first = this.current(audience);
    let roster = await first.roster;
    if (!roster?.has(personId) && this.now().getTime() - first.startedAt >= ROSTER_REREAD_MS) {
      const latest = this.cache.get(audience.key);
      roster = await (latest && latest !== first ? latest : this.read(audience)).roster;
    }
    if (!roster) return 'unknown';
    return roster.has(personId) ? 'member' : 'not-member';
  }

  /** whether the channel of the team has members of its own (private, shared, or of a kind not yet known). */
  async hasOwnMembers(team: TeamRecord, channelId: string): Promise<boolean> {
    return (await this.audience(team, channelId)).channelId !== undefined;
  }

  /** the kind stored for a channel of the team, read once per time to live (undefined when not known). */
  async knownKind(team: TeamRecord, channelId: string): Promise<ChannelKind | undefined> {
    return (await this.channelRecord(team.teamId, channelId))?.kind;
  }

  /** takes a channel's kind as just stored (Teams reported it), so the next question uses it without a read. */
  rememberKind(teamId: string, channelId: string, kind: ChannelKind): void {
    const key = `${teamId}|${channelId}`;
    this.kinds.set(key, { until: this.now().getTime() + this.ttlMs, channel: Promise.resolve({ kind }) });
    this.cache.delete(key);
  }

  /**
   * forgets what was read about a channel (its kind and roster) or, without a channel, the team's roster, so the next
   * question reads it again: Teams said its members changed, or it was shared or unshared.
   */
  forget(teamId: string, channelId?: string): void {
    const key = channelId === undefined || channelId === teamId ? teamId : `${teamId}|${channelId}`;
    this.cache.delete(key);
    this.kinds.delete(key);
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

  /** whose roster answers for a channel of the team: the channel's own where it has members of its own, else the team's. */
  private async audience(team: TeamRecord, channelId: string | undefined): Promise<Audience> {
    if (channelId === undefined || channelId === team.teamId) return { key: team.teamId, team };
    const key = `${team.teamId}|${channelId}`;
    const channel = await this.channelRecord(team.teamId, channelId);
    return hasOwnMembers({ teamId: team.teamId, channelId, ...(channel?.kind && { kind: channel.kind }) })
      ? { key, team, channelId }
      : { key: team.teamId, team };
  }

  /** the stored record of a channel (its kind), read once per time to live. */
  private async channelRecord(teamId: string, channelId: string): Promise<Pick<ChannelRecord, 'kind'> | undefined> {
    const key = `${teamId}|${channelId}`;
    const at = this.now().getTime();
    let known = this.kinds.get(key);
    if (!known || known.until <= at) {
      known = { until: at + this.ttlMs, channel: this.channels.getChannel(teamId, channelId).catch(() => undefined) };
      this.kinds.set(key, known);
    }
    return known.channel;
  }

  /** the kept read of a roster while it is fresh, else a new one. */
  private current(audience: Audience): Entry {
    const cached = this.cache.get(audience.key);
    return cached && cached.until > this.now().getTime() ? cached : this.read(audience);
  }

  /** asks Teams for the roster; every caller until the entry expires shares this one read. */
  private read(audience: Audience): Entry {
    const { key, team, channelId } = audience;
    const at = this.now().getTime();
    const entry: Entry = { startedAt: at, until: at + this.ttlMs, roster: Promise.resolve(undefined) };
    const list = channelId === undefined ? this.roster.members(team) : this.roster.channelMembers(team, channelId);
    entry.roster = list.then(
      (members): Roster => {
        const roster: Roster = new Map(members.map((m) => [m.aadObjectId, m]));
        this.lastRead.set(key, { at, roster });
        return roster;
      },
      (err: unknown): Roster | undefined => {
        entry.until = Math.min(entry.until, this.now().getTime() + ROSTER_RETRY_MS);
        const last = this.lastRead.get(key);
        const standIn = last && at - last.at < ROSTER_STALE_MS ? last.roster : undefined;
        this.log.warn(
          { err, teamId: team.teamId, channelId, standIn: standIn !== undefined },
          channelId === undefined ? 'team roster not readable' : 'channel roster not readable',
        );
        return standIn;
      },
    );
    this.cache.set(key, entry);
    return entry;
  }
}
