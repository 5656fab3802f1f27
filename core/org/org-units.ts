import { teamsMatching, type KnownTeam, type OrgUnitEntry, type UnresolvedEntry } from './org-file';

/**
 * The organisation above the teams: units (Amt → Abteilung → Sachgebiet …) as a tree, each with the Teams teams that
 * belong to it directly and its leaders. Pure: what the organisation file says, resolved against the installed teams,
 * and the questions later features ask of it (the teams below a unit, the units a person leads, the chain above a team).
 */

/** a resolved unit. */
export interface OrgUnit {
  /** stable id: the file's `id:` or the name as a slug. */
  id: string;
  name: string;
  /** the unit directly above; undefined for a top unit. */
  parentId?: string;
  /** installed teams that belong to this unit directly (not those of its sub-units). */
  teamIds: string[];
  /** leaders as AAD object ids (only the ones that resolved). */
  leaderIds: string[];
}

/** the resolved organisation: every unit, parents before their sub-units. */
export interface Organisation {
  units: OrgUnit[];
}

/** a unit as the file and the installed teams give it, before its leaders are looked up in the rosters. */
export interface UnitWithWantedLeaders extends Omit<OrgUnit, 'leaderIds'> {
  /** the leaders as written (UPNs lowercased or AAD object ids). */
  leaders: string[];
  line?: number;
}

/**
 * resolves the `units:` tree against the installed teams: each team reference by id, else by name (case-insensitive;
 * none or several → unresolved). A team has one place in the tree: a team a second unit names stays with the first
 * (in file order, parents first) and the second mention is reported. Unresolved references resolve on a later run,
 * once the team is installed or renamed.
 */
export function resolveUnitTree(
  entries: readonly OrgUnitEntry[],
  teams: readonly KnownTeam[],
): { units: UnitWithWantedLeaders[]; unresolved: UnresolvedEntry[] } {
  const units: UnitWithWantedLeaders[] = [];
  const unresolved: UnresolvedEntry[] = [];
  const placed = new Map<string, string>();
  const visit = (entry: OrgUnitEntry, parentId: string | undefined) => {
    const teamIds: string[] = [];
    const where = { unit: entry.name, ...(entry.line !== undefined && { line: entry.line }) };
    for (const reference of entry.teams) {
      const matches = teamsMatching(teams, reference);
      if (matches.length !== 1) {
        unresolved.push({ ...where, team: reference, reason: matches.length === 0 ? 'unknownTeam' : 'ambiguousTeam' });
        continue;
      }
      const teamId = matches[0]!.teamId;
      const other = placed.get(teamId);
      if (other !== undefined) {
        if (other !== entry.name)
          unresolved.push({ ...where, team: reference, reason: 'teamInOtherUnit', otherUnit: other });
        continue;
      }
      placed.set(teamId, entry.name);
      teamIds.push(teamId);
    }
    units.push({
      id: entry.id,
      name: entry.name,
      ...(parentId !== undefined && { parentId }),
      teamIds,
      leaders: [...entry.leaders],
      ...(entry.line !== undefined && { line: entry.line }),
    });
    for (const sub of entry.units) visit(sub, entry.id);
  };
  for (const entry of entries) visit(entry, undefined);
  return { units, unresolved };
}

/** the unit with this id, or (case-insensitive) this id or name. */
export function findUnit(org: Organisation, idOrName: string): OrgUnit | undefined {
  const wanted = idOrName.trim().toLowerCase();
  return org.units.find((u) => u.id === wanted) ?? org.units.find((u) => u.name.trim().toLowerCase() === wanted);
}

/** the unit and every unit below it, at any depth (the unit first, then depth-first in file order). */
export function unitsBelow(org: Organisation, unitId: string): OrgUnit[] {
  const unit = org.units.find((u) => u.id === unitId);
  if (!unit) return [];
  const out: OrgUnit[] = [];
  const seen = new Set<string>();
  const visit = (u: OrgUnit) => {
    if (seen.has(u.id)) return; // a stored tree is a tree; a damaged one must not loop
    seen.add(u.id);
    out.push(u);
    for (const child of org.units) if (child.parentId === u.id) visit(child);
  };
  visit(unit);
  return out;
}

/** the ids of every team that belongs to the unit or to a unit below it; empty for an unknown unit. */
export function teamsBelow(org: Organisation, unitId: string): string[] {
  return [...new Set(unitsBelow(org, unitId).flatMap((u) => u.teamIds))];
}

/** the units a person leads directly (not the units below them; `unitsBelow` gives those). */
export function unitsLedBy(org: Organisation, personId: string): OrgUnit[] {
  return org.units.filter((u) => u.leaderIds.includes(personId));
}

/** the unit a team belongs to directly, if any. */
export function unitOfTeam(org: Organisation, teamId: string): OrgUnit | undefined {
  return org.units.find((u) => u.teamIds.includes(teamId));
}

/**
 * the units above a team or a unit, nearest first: for a team its own unit, that unit's parent, up to the top unit;
 * for a unit its parent up to the top (the unit itself not included). Empty when the team belongs to no unit.
 */
export function parentChain(org: Organisation, of: { teamId: string } | { unitId: string }): OrgUnit[] {
  const byId = new Map(org.units.map((u) => [u.id, u]));
  const parentOf = (u: OrgUnit | undefined) => (u?.parentId === undefined ? undefined : byId.get(u.parentId));
  let next = 'teamId' in of ? unitOfTeam(org, of.teamId) : parentOf(byId.get(of.unitId));
  const chain: OrgUnit[] = [];
  while (next && !chain.includes(next)) {
    chain.push(next);
    next = parentOf(next);
  }
  return chain;
}

/** the ids and names of every unit above a team (its unit first), lowercased: what a campaign's `units:` may name. */
export function unitLabelsOfTeam(org: Organisation, teamId: string): string[] {
  return parentChain(org, { teamId }).flatMap((u) => [u.id, u.name.trim().toLowerCase()]);
}
