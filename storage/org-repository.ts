import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { OrgUnit, Organisation } from '../core/org/org-units';
import {
  definedOnly,
  deletedIfThere,
  isConflict,
  keyPart,
  rowPrefixFilter,
  type Tables,
  withConcurrencyRetry,
} from './tables';

/** a unit as stored, without its leaders (they are grants of their own). */
export type StoredUnit = Omit<OrgUnit, 'leaderIds'>;

/** a leader of a unit, resolved to an AAD object id; `grantedBy` is `file:<file name>`. */
export interface UnitLeaderGrant {
  unitId: string;
  personId: string;
  name?: string;
  upn?: string;
  grantedBy: string;
  grantedAt: Date;
}

/** a unit leader as the organisation file states it. */
export type FileUnitLeader = Omit<UnitLeaderGrant, 'grantedBy' | 'grantedAt'>;

interface UnitEntity {
  unitId: string;
  name: string;
  parentId?: string;
  /** JSON array of team ids. */
  teamIds: string;
  /** the unit's place in the file, so the tree reads back in file order (parents first). */
  position: number;
  source: string;
  updatedAt: string;
}

interface UnitLeaderEntity {
  unitId: string;
  personId: string;
  name?: string;
  upn?: string;
  grantedBy: string;
  grantedAt: string;
}

/** the partition of the resolved units: one row `u|<unit id>` per unit. */
const ORG_PARTITION = 'org';
/** unit leader grants: `u|unit|person` and `p|person|unit`, written and deleted together. */
const UNIT_LEADER_PARTITION = 'unit-leader';
const unitRow = (unitId: string) => `u|${keyPart(unitId)}`;
const leaderRows = {
  byUnit: (unitId: string, personId: string) => `u|${keyPart(unitId)}|${keyPart(personId)}`,
  byPerson: (personId: string, unitId: string) => `p|${keyPart(personId)}|${keyPart(unitId)}`,
  personPrefix: (personId: string) => `p|${keyPart(personId)}|`,
};

function toUnitLeader(e: UnitLeaderEntity): UnitLeaderGrant {
  return definedOnly({
    unitId: e.unitId,
    personId: e.personId,
    name: e.name,
    upn: e.upn,
    grantedBy: e.grantedBy,
    grantedAt: new Date(e.grantedAt),
  });
}

/**
 * the resolved organisation in the Roles table: the units (partition `org`, with parent and direct teams) and the
 * leaders of units (partition `unit-leader`, two rows per grant like team leaders). Both partitions are small (one row
 * per unit, two per unit leader); the whole organisation is two range reads, the units a person leads one.
 */
export class OrgRepository {
  private readonly table: TableClient;

  constructor(tables: Pick<Tables, 'roles'>) {
    this.table = tables.roles;
  }

  /** the stored organisation: every unit with its parent, direct teams and leaders, parents before sub-units. */
  async organisation(): Promise<Organisation> {
    const rows: UnitEntity[] = [];
    for await (const e of this.table.listEntities<UnitEntity>({
      queryOptions: { filter: rowPrefixFilter(ORG_PARTITION, 'u|') },
    }))
      rows.push(e);
    const leaders = await this.unitLeaders();
    rows.sort((a, b) => a.position - b.position);
    return {
      units: rows.map((e) =>
        definedOnly({
          id: e.unitId,
          name: e.name,
          parentId: e.parentId,
          teamIds: JSON.parse(e.teamIds) as string[],
          leaderIds: leaders.filter((l) => l.unitId === e.unitId).map((l) => l.personId),
        }),
      ),
    };
  }

  /**
   * makes the stored units match the file's resolved units: writes changed ones, deletes the ones no longer there.
   * Returns how many rows were written or deleted.
   */
  async replaceUnits(source: string, units: readonly StoredUnit[], at: Date): Promise<number> {
    const existing = new Map<string, UnitEntity>();
    for await (const e of this.table.listEntities<UnitEntity>({
      queryOptions: { filter: rowPrefixFilter(ORG_PARTITION, 'u|') },
    }))
      existing.set(e.unitId, e);
    let changed = 0;
    for (const [position, unit] of units.entries()) {
      const entity = definedOnly({
        partitionKey: ORG_PARTITION,
        rowKey: unitRow(unit.id),
        unitId: unit.id,
        name: unit.name,
        parentId: unit.parentId,
        teamIds: JSON.stringify(unit.teamIds),
        position,
        source,
        updatedAt: at.toISOString(),
      });
      const known = existing.get(unit.id);
      existing.delete(unit.id);
      if (
        known &&
        known.name === entity.name &&
        (known.parentId ?? undefined) === entity.parentId &&
        known.teamIds === entity.teamIds &&
        known.position === position &&
        known.source === source
      )
        continue;
      await this.table.upsertEntity(entity, 'Replace');
      changed++;
    }
    for (const gone of existing.keys()) {
      if (await deletedIfThere(this.table.deleteEntity(ORG_PARTITION, unitRow(gone)))) changed++;
    }
    return changed;
  }

  /** every unit leader grant. */
  async unitLeaders(): Promise<UnitLeaderGrant[]> {
    return this.leaders(rowPrefixFilter(UNIT_LEADER_PARTITION, 'u|'));
  }

  /** the units a person leads directly, one grant per unit. */
  async unitsLedBy(personId: string): Promise<UnitLeaderGrant[]> {
    return this.leaders(rowPrefixFilter(UNIT_LEADER_PARTITION, leaderRows.personPrefix(personId)));
  }

  /** ends a person's leadership of a unit (both rows); false when there was none. */
  async removeUnitLeader(unitId: string, personId: string): Promise<boolean> {
    const removed = await Promise.all(
      [leaderRows.byUnit(unitId, personId), leaderRows.byPerson(personId, unitId)].map((rowKey) =>
        deletedIfThere(this.table.deleteEntity(UNIT_LEADER_PARTITION, rowKey)),
      ),
    );
    return removed.some(Boolean);
  }

  /**
   * makes the stored unit leaders match the file: adds the grants it names, removes the others (unit leaders come only
   * from the organisation file), refreshes name and UPN.
   */
  async syncUnitLeaders(
    source: string,
    grants: readonly FileUnitLeader[],
    at: Date,
  ): Promise<{ added: number; removed: number }> {
    const by = source.startsWith('file:') ? source : `file:${source}`;
    const wanted = new Map(grants.map((g) => [leaderRows.byUnit(g.unitId, g.personId), g]));
    const existing = new Map((await this.unitLeaders()).map((g) => [leaderRows.byUnit(g.unitId, g.personId), g]));
    let added = 0;
    let removed = 0;
    for (const [key, g] of wanted) {
      const known = existing.get(key);
      if (!known) {
        try {
          await this.table.submitTransaction(this.leaderActions({ ...g, grantedBy: by, grantedAt: at }, 'create'));
          added++;
        } catch (e) {
          if (!isConflict(e)) throw e;
        }
      } else if (known.name !== g.name || known.upn !== g.upn || known.grantedBy !== by) {
        const refreshed = { ...g, grantedBy: by, grantedAt: known.grantedAt };
        await withConcurrencyRetry(() => this.table.submitTransaction(this.leaderActions(refreshed, 'upsert')));
      }
    }
    for (const [key, g] of existing)
      if (!wanted.has(key) && (await this.removeUnitLeader(g.unitId, g.personId))) removed++;
    return { added, removed };
  }

  private leaderActions(g: UnitLeaderGrant, kind: 'create' | 'upsert'): TransactionAction[] {
    const fields = definedOnly({
      unitId: g.unitId,
      personId: g.personId,
      name: g.name,
      upn: g.upn,
      grantedBy: g.grantedBy,
      grantedAt: g.grantedAt.toISOString(),
    });
    return [leaderRows.byUnit(g.unitId, g.personId), leaderRows.byPerson(g.personId, g.unitId)].map(
      (rowKey): TransactionAction => {
        const e = { partitionKey: UNIT_LEADER_PARTITION, rowKey, ...fields };
        return kind === 'create' ? ['create', e] : ['upsert', e, 'Replace'];
      },
    );
  }

  private async leaders(filter: string): Promise<UnitLeaderGrant[]> {
    const out: UnitLeaderGrant[] = [];
    for await (const e of this.table.listEntities<UnitLeaderEntity>({ queryOptions: { filter } }))
      out.push(toUnitLeader(e));
    return out;
  }
}
