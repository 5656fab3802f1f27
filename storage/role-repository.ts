import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import {
  definedOnly,
  deletedIfThere,
  isConflict,
  isNotFound,
  keyPart,
  readEntity,
  rowPrefixFilter,
  type Tables,
  withConcurrencyRetry,
} from './tables';
import { RecentCache } from './recent-cache';

/** a stored role: an admin grant, or a leader of one team. `grantedBy` is an AAD object id or `file:<file name>`. */
export interface RoleGrant {
  role: 'admin' | 'leader' | 'council';
  personId: string;
  teamId?: string;
  name?: string;
  upn?: string;
  grantedBy: string;
  grantedAt: Date;
}

/** a leader assignment as the admin or a leader file states it. */
export interface LeaderGrant {
  teamId: string;
  personId: string;
  name?: string;
  upn?: string;
  grantedBy: string;
  at: Date;
}

/** a leader line of a leader file. */
export type FileLeader = Omit<LeaderGrant, 'grantedBy' | 'at'>;

interface GrantEntity {
  personId: string;
  teamId?: string;
  name?: string;
  upn?: string;
  grantedBy: string;
  grantedAt: string;
}

/** how old the roles behind a card's own view may be (RoleRepository.leadersOfRecently, isAdminRecently). */
export const VIEW_ROLES_MAX_AGE_MS = 15_000;

const ADMIN_PARTITION = 'admin';
/** staff council (Personalrat) grants: one row per member, keyed by the AAD object id. */
const COUNCIL_PARTITION = 'council';
const LEADER_PARTITION = 'leader';
/** both rows of one leader grant, in one partition so they are written and removed together. */
const leaderRows = {
  byTeam: (teamId: string, personId: string) => `t|${keyPart(teamId)}|${keyPart(personId)}`,
  byPerson: (personId: string, teamId: string) => `p|${keyPart(personId)}|${keyPart(teamId)}`,
  teamPrefix: (teamId: string) => `t|${keyPart(teamId)}|`,
  personPrefix: (personId: string) => `p|${keyPart(personId)}|`,
};

function toGrant(role: RoleGrant['role'], e: GrantEntity): RoleGrant {
  return definedOnly({
    role,
    personId: e.personId,
    teamId: e.teamId,
    name: e.name,
    upn: e.upn,
    grantedBy: e.grantedBy,
    grantedAt: new Date(e.grantedAt),
  });
}

/** the `grantedBy` of rows that came from a leader file. */
export function fileSource(fileName: string): string {
  return fileName.startsWith('file:') ? fileName : `file:${fileName}`;
}

/**
 * stored roles: admin grants (partition `admin`) and leaders. A leader grant is two rows in the `leader`
 * partition, `t|team|person` and `p|person|team`, written and deleted in one batch, so "leaders of a team"
 * and "teams of a leader" are each a row-key range in one partition and never disagree.
 */
export class RoleRepository {
  private readonly table: TableClient;
  /**
   * what a card shows (who gets "Schließen", whom Teams refreshes) may be a few seconds old: every viewer's client asks
   * for its own view after each shared update. Permission checks never read these.
   */
  private readonly recentLeaders = new RecentCache<RoleGrant[]>({ maxEntries: 5_000, maxAgeMs: VIEW_ROLES_MAX_AGE_MS });
  /** the stored admins (few), read as one range: a card's viewer is looked up without a read of their own. */
  private readonly recentAdmins = new RecentCache<ReadonlySet<string>>({
    maxEntries: 1,
    maxAgeMs: VIEW_ROLES_MAX_AGE_MS,
  });

  constructor(tables: Pick<Tables, 'roles'>) {
    this.table = tables.roles;
  }

  /** grants admin rights; 'already' when the person has a stored grant (which is kept as it was). */
  async grantAdmin(personId: string, grantedBy: string, at: Date, name?: string): Promise<'granted' | 'already'> {
    this.recentAdmins.delete('all');
    const entity = definedOnly({
      partitionKey: ADMIN_PARTITION,
      rowKey: keyPart(personId),
      personId,
      name,
      grantedBy,
      grantedAt: at.toISOString(),
    });
    try {
      await this.table.createEntity(entity);
      return 'granted';
    } catch (e) {
      if (isConflict(e)) return 'already';
      throw e;
    }
  }

  /** removes a stored admin grant; false when there was none. */
  async revokeAdmin(personId: string): Promise<boolean> {
    this.recentAdmins.delete('all');
    return deletedIfThere(this.table.deleteEntity(ADMIN_PARTITION, keyPart(personId)));
  }

  /** isAdmin as read up to VIEW_ROLES_MAX_AGE_MS ago (this instance's changes at once): for what a card shows, never for a permission. */
  async isAdminRecently(personId: string): Promise<boolean> {
    const admins = await this.recentAdmins.through(
      'all',
      async () => new Set((await this.admins()).map((g) => g.personId)),
    );
    return admins?.has(personId) ?? false;
  }

  /** leadersOf as read up to VIEW_ROLES_MAX_AGE_MS ago (this instance's changes at once): for what a card shows, never for a permission. */
  async leadersOfRecently(teamId: string): Promise<RoleGrant[]> {
    return (await this.recentLeaders.through(teamId, () => this.leadersOf(teamId))) ?? [];
  }

  /** whether a person has a stored admin grant (admins from configuration are checked elsewhere). */
  async isAdmin(personId: string): Promise<boolean> {
    return (await readEntity(this.table, ADMIN_PARTITION, keyPart(personId))) !== undefined;
  }

  /** every stored admin grant. */
  async admins(): Promise<RoleGrant[]> {
    return this.list(odata`PartitionKey eq ${ADMIN_PARTITION}`, 'admin');
  }

  /** makes a person a leader of a team; 'already' when they lead it (the existing grant is kept as it was). */
  async assignLeader(grant: LeaderGrant): Promise<'assigned' | 'already'> {
    this.recentLeaders.delete(grant.teamId);
    try {
      await this.table.submitTransaction(this.leaderActions(grant, 'create'));
      return 'assigned';
    } catch (e) {
      if (isConflict(e)) return 'already';
      throw e;
    }
  }

  /** ends a person's leadership of a team; false when they did not lead it. */
  async removeLeader(teamId: string, personId: string): Promise<boolean> {
    this.recentLeaders.delete(teamId);
    const rows = [leaderRows.byTeam(teamId, personId), leaderRows.byPerson(personId, teamId)];
    try {
      await this.table.submitTransaction(
        rows.map((rowKey): TransactionAction => ['delete', { partitionKey: LEADER_PARTITION, rowKey }]),
      );
      return true;
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    // one of the two rows was missing (a race with another removal): remove whatever is left, one by one.
    const removed = await Promise.all(
      rows.map((rowKey) => deletedIfThere(this.table.deleteEntity(LEADER_PARTITION, rowKey))),
    );
    return removed.some(Boolean);
  }

  /** the leaders of a team. */
  async leadersOf(teamId: string): Promise<RoleGrant[]> {
    return this.list(rowPrefixFilter(LEADER_PARTITION, leaderRows.teamPrefix(teamId)), 'leader');
  }

  /** the teams a person leads, one grant per team. */
  async teamsLedBy(personId: string): Promise<RoleGrant[]> {
    return this.list(rowPrefixFilter(LEADER_PARTITION, leaderRows.personPrefix(personId)), 'leader');
  }

  /** every leader grant, ordered by team. */
  async allLeaders(): Promise<RoleGrant[]> {
    return this.list(rowPrefixFilter(LEADER_PARTITION, 't|'), 'leader');
  }

  /**
   * makes the stored leaders from a leader file match the file: adds grants the file names, removes rows that
   * came from this file and are no longer in it, refreshes name and UPN of the rest. Grants made in chat or by
   * another file are left alone (a grant the file names but chat made first stays a chat grant).
   * `source` is the file name (a `file:` prefix is accepted).
   */
  async syncFileLeaders(source: string, grants: FileLeader[], at: Date): Promise<{ added: number; removed: number }> {
    const by = fileSource(source);
    const wanted = new Map(grants.map((g) => [leaderRows.byTeam(g.teamId, g.personId), g]));
    const existing = new Map((await this.allLeaders()).map((g) => [leaderRows.byTeam(g.teamId ?? '', g.personId), g]));
    let added = 0;
    let removed = 0;
    for (const [key, g] of wanted) {
      const known = existing.get(key);
      if (!known) {
        if ((await this.assignLeader({ ...g, grantedBy: by, at })) === 'assigned') added++;
      } else if (known.grantedBy === by && (known.name !== g.name || known.upn !== g.upn)) {
        const refreshed = { ...g, grantedBy: by, at: known.grantedAt };
        await withConcurrencyRetry(() => this.table.submitTransaction(this.leaderActions(refreshed, 'upsert')));
      }
    }
    for (const [key, g] of existing) {
      if (g.grantedBy === by && !wanted.has(key) && (await this.removeLeader(g.teamId ?? '', g.personId))) removed++;
    }
    return { added, removed };
  }

  /** grants the staff council role; 'already' when the person has it (the existing grant is kept as it was). */
  async grantCouncil(
    personId: string,
    grantedBy: string,
    at: Date,
    who: { name?: string; upn?: string } = {},
  ): Promise<'granted' | 'already'> {
    try {
      await this.table.createEntity(
        definedOnly({
          partitionKey: COUNCIL_PARTITION,
          rowKey: keyPart(personId),
          personId,
          name: who.name,
          upn: who.upn,
          grantedBy,
          grantedAt: at.toISOString(),
        }),
      );
      return 'granted';
    } catch (e) {
      if (isConflict(e)) return 'already';
      throw e;
    }
  }

  /** removes a staff council grant; false when there was none. */
  async revokeCouncil(personId: string): Promise<boolean> {
    return deletedIfThere(this.table.deleteEntity(COUNCIL_PARTITION, keyPart(personId)));
  }

  /** whether a person has the staff council role. */
  async isCouncil(personId: string): Promise<boolean> {
    return (await readEntity(this.table, COUNCIL_PARTITION, keyPart(personId))) !== undefined;
  }

  /** every staff council grant. */
  async councilMembers(): Promise<RoleGrant[]> {
    return this.list(odata`PartitionKey eq ${COUNCIL_PARTITION}`, 'council');
  }

  /**
   * makes the council grants from the organisation file match its `council:` list: adds the people it names, removes
   * grants this file made that it no longer names. Grants made in chat are left alone. Returns who was added and removed.
   */
  async syncFileCouncil(
    source: string,
    members: { personId: string; name?: string; upn?: string }[],
    at: Date,
  ): Promise<{ added: RoleGrant[]; removed: RoleGrant[] }> {
    const by = fileSource(source);
    const existing = await this.councilMembers();
    const wanted = new Set(members.map((m) => m.personId));
    const added: RoleGrant[] = [];
    const removed: RoleGrant[] = [];
    for (const m of members) {
      if (existing.some((g) => g.personId === m.personId)) continue;
      if ((await this.grantCouncil(m.personId, by, at, m)) === 'granted')
        added.push(definedOnly({ role: 'council' as const, ...m, grantedBy: by, grantedAt: at }));
    }
    for (const g of existing)
      if (g.grantedBy === by && !wanted.has(g.personId) && (await this.revokeCouncil(g.personId))) removed.push(g);
    return { added, removed };
  }

  private leaderActions(g: LeaderGrant, kind: 'create' | 'upsert'): TransactionAction[] {
    const fields = definedOnly({
      teamId: g.teamId,
      personId: g.personId,
      name: g.name,
      upn: g.upn,
      grantedBy: g.grantedBy,
      grantedAt: g.at.toISOString(),
    });
    const entities = [leaderRows.byTeam(g.teamId, g.personId), leaderRows.byPerson(g.personId, g.teamId)].map(
      (rowKey) => ({ partitionKey: LEADER_PARTITION, rowKey, ...fields }),
    );
    return entities.map((e): TransactionAction => (kind === 'create' ? ['create', e] : ['upsert', e, 'Replace']));
  }

  private async list(filter: string, role: RoleGrant['role']): Promise<RoleGrant[]> {
    const out: RoleGrant[] = [];
    for await (const e of this.table.listEntities<GrantEntity>({ queryOptions: { filter } }))
      out.push(toGrant(role, e));
    return out;
  }
}
