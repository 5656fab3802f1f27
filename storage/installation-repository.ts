import { odata, type TableClient } from '@azure/data-tables';
import {
  channelKindOf,
  type ChannelKind,
  type ChannelRecord,
  type ConversationRef,
  type PersonRecord,
  type TeamRecord,
} from '../core/installations';
import { definedOnly, encodeKey, isConflict, readEntity, type Tables } from './tables';
import { RecentCache } from './recent-cache';

const TEAM_PARTITION = 'team';
const WELCOME_PARTITION = 'welcomed';
const PERSONAL_ROW = 'personal';

interface TeamEntity {
  teamId: string;
  name: string;
  aadGroupId?: string;
  tenantId?: string;
  serviceUrl: string;
  active: boolean;
  reference: string;
  updatedAt: string;
}
interface ChannelEntity {
  teamId: string;
  channelId: string;
  name: string;
  active: boolean;
  kind?: string;
}
interface PersonEntity {
  aadObjectId: string;
  name: string;
  locale?: string;
  tenantId?: string;
  active: boolean;
  reference: string;
  updatedAt: string;
}

const toTeam = (e: TeamEntity): TeamRecord => ({
  teamId: e.teamId,
  name: e.name,
  aadGroupId: e.aadGroupId ?? undefined,
  tenantId: e.tenantId ?? undefined,
  serviceUrl: e.serviceUrl,
  active: e.active,
  reference: JSON.parse(e.reference) as ConversationRef,
  updatedAt: new Date(e.updatedAt),
});

/**
 * install bookkeeping: teams (one small partition), their channels (a partition per team) and people with
 * a personal chat (a partition per person). Later features post proactively from these references.
 */
export class InstallationRepository {
  private readonly teams: TableClient;
  private readonly channels: TableClient;
  private readonly people: TableClient;

  /** teams read in the last minute, for `getTeamRecent` (forgotten when saved here). */
  private readonly recentTeams = new RecentCache<TeamRecord>({ maxEntries: 5_000, maxAgeMs: 60_000 });

  constructor(tables: Pick<Tables, 'teams' | 'channels' | 'people'>) {
    this.teams = tables.teams;
    this.channels = tables.channels;
    this.people = tables.people;
  }

  /** stores or refreshes a team; keeps a known name when Teams sends none. */
  async saveTeam(team: TeamRecord): Promise<void> {
    const known = await this.getTeam(team.teamId);
    const entity: TeamEntity = {
      teamId: team.teamId,
      name: team.name || known?.name || '',
      aadGroupId: team.aadGroupId ?? known?.aadGroupId,
      tenantId: team.tenantId ?? known?.tenantId,
      serviceUrl: team.serviceUrl,
      active: team.active,
      reference: JSON.stringify(team.reference),
      updatedAt: team.updatedAt.toISOString(),
    };
    await this.teams.upsertEntity(
      { partitionKey: TEAM_PARTITION, rowKey: encodeKey(team.teamId), ...entity },
      'Replace',
    );
    this.recentTeams.delete(team.teamId);
  }

  async getTeam(teamId: string): Promise<TeamRecord | undefined> {
    const e = await readEntity<TeamEntity>(this.teams, TEAM_PARTITION, encodeKey(teamId));
    return e ? toTeam(e) : undefined;
  }

  /** the team as read here in the last minute, else read now: for card updates, which only need its address. */
  async getTeamRecent(teamId: string): Promise<TeamRecord | undefined> {
    return this.recentTeams.through(teamId, () => this.getTeam(teamId));
  }

  /** marks a team as uninstalled; its data stays, nothing is posted there any more, a reinstall is welcomed again. */
  async deactivateTeam(teamId: string): Promise<void> {
    const team = await this.getTeam(teamId);
    if (team) await this.saveTeam({ ...team, active: false, updatedAt: new Date() });
    await this.teams.deleteEntity(WELCOME_PARTITION, encodeKey(`team:${teamId}`)).catch(() => undefined);
  }

  /**
   * claims the one welcome for a team or person ('team:…' / 'person:…'): true for the first caller only,
   * so repeated install events never post two welcomes.
   */
  async claimWelcome(key: string): Promise<boolean> {
    try {
      await this.teams.createEntity({
        partitionKey: WELCOME_PARTITION,
        rowKey: encodeKey(key),
        at: new Date().toISOString(),
      });
      return true;
    } catch (e) {
      if (isConflict(e)) return false;
      throw e;
    }
  }

  /** every team the bot is currently installed in. */
  async activeTeams(): Promise<TeamRecord[]> {
    const out: TeamRecord[] = [];
    const iter = this.teams.listEntities<TeamEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${TEAM_PARTITION} and active eq true` },
    });
    for await (const e of iter) out.push(toTeam(e));
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** stores channels of a team (names may be empty for General); a kind not given keeps the one stored. */
  async saveChannels(channels: ChannelRecord[]): Promise<void> {
    await Promise.all(
      channels.map((c) =>
        this.channels.upsertEntity(
          { partitionKey: encodeKey(c.teamId), rowKey: encodeKey(c.channelId), ...definedOnly(c) },
          'Merge',
        ),
      ),
    );
  }

  /** records the kind Teams reported for a channel, keeping everything else stored about it. */
  async saveChannelKind(teamId: string, channelId: string, kind: ChannelKind): Promise<void> {
    await this.channels.upsertEntity(
      { partitionKey: encodeKey(teamId), rowKey: encodeKey(channelId), teamId, channelId, kind },
      'Merge',
    );
  }

  /** the known channels of a team, General first. */
  async channelsOf(teamId: string): Promise<ChannelRecord[]> {
    const out: ChannelRecord[] = [];
    const iter = this.channels.listEntities<ChannelEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${encodeKey(teamId)}` },
    });
    for await (const e of iter) out.push(toChannel(e));
    return out
      .filter((c) => c.active)
      .sort((a, b) => Number(b.channelId === teamId) - Number(a.channelId === teamId) || a.name.localeCompare(b.name));
  }

  async getChannel(teamId: string, channelId: string): Promise<ChannelRecord | undefined> {
    const e = await readEntity<ChannelEntity>(this.channels, encodeKey(teamId), encodeKey(channelId));
    return e ? toChannel(e) : undefined;
  }

  async deactivateChannel(teamId: string, channelId: string): Promise<void> {
    await this.channels.upsertEntity(
      { partitionKey: encodeKey(teamId), rowKey: encodeKey(channelId), teamId, channelId, active: false },
      'Merge',
    );
  }

  /** stores or refreshes a person's personal chat reference. */
  async savePerson(person: PersonRecord): Promise<void> {
    const entity: PersonEntity = {
      ...person,
      reference: JSON.stringify(person.reference),
      updatedAt: person.updatedAt.toISOString(),
    };
    await this.people.upsertEntity(
      { partitionKey: encodeKey(person.aadObjectId), rowKey: PERSONAL_ROW, ...entity },
      'Replace',
    );
  }

  async getPerson(aadObjectId: string): Promise<PersonRecord | undefined> {
    const e = await readEntity<PersonEntity>(this.people, encodeKey(aadObjectId), PERSONAL_ROW);
    if (!e) return undefined;
    return {
      aadObjectId: e.aadObjectId,
      name: e.name,
      locale: e.locale ?? undefined,
      tenantId: e.tenantId ?? undefined,
      active: e.active,
      reference: JSON.parse(e.reference) as ConversationRef,
      updatedAt: new Date(e.updatedAt),
    };
  }

  async deactivatePerson(aadObjectId: string): Promise<void> {
    const person = await this.getPerson(aadObjectId);
    if (person) await this.savePerson({ ...person, active: false, updatedAt: new Date() });
    await this.teams.deleteEntity(WELCOME_PARTITION, encodeKey(`person:${aadObjectId}`)).catch(() => undefined);
  }
}

function toChannel(e: ChannelEntity): ChannelRecord {
  const kind = channelKindOf(e.kind);
  return { teamId: e.teamId, channelId: e.channelId, name: e.name ?? '', active: e.active, ...(kind && { kind }) };
}
