import type { ViewScope } from '../../core/results/results-view';
import { teamsBelow } from '../../core/org/org-units';
import type { Organisation } from '../../core/org/org-units';
import type { ResultsViewPorts } from './ports';

/** a person's part of the organisation for the results view, with the teams it covers (undefined: everything). */
export interface ResultsScope {
  view: ViewScope;
  /** the teams whose posts count; undefined for the whole organisation. */
  teamIds?: ReadonlySet<string>;
  /** the names of the units and teams led, for the picker. */
  names: string[];
}

/**
 * who sees which results: admins the whole organisation; leaders of units their units with everything below, leaders
 * of teams their teams; the staff council (Personalrat) the whole organisation, like admins, with the same thresholds
 * (the view shows aggregates only); anyone else nothing (undefined).
 */
export async function resultsScope(
  s: ResultsViewPorts,
  personId: string,
  org: Organisation,
): Promise<ResultsScope | undefined> {
  if ((await s.isAdmin(personId)) || (await s.storage.roles.isCouncil(personId)))
    return { view: { kind: 'all' }, names: [] };
  const [unitGrants, teamGrants] = await Promise.all([
    s.storage.org.unitsLedBy(personId),
    s.storage.roles.teamsLedBy(personId),
  ]);
  const unitIds = [...new Set(unitGrants.map((g) => g.unitId))].filter((id) => org.units.some((u) => u.id === id));
  const ledTeams = [...new Set(teamGrants.map((g) => g.teamId).filter((t): t is string => t !== undefined))];
  if (unitIds.length === 0 && ledTeams.length === 0) return undefined;
  const teamIds = new Set([...unitIds.flatMap((u) => teamsBelow(org, u)), ...ledTeams]);
  const unitNames = unitIds.map((id) => org.units.find((u) => u.id === id)?.name ?? id);
  const teamNames = await Promise.all(ledTeams.map(async (t) => (await s.storage.installations.getTeam(t))?.name || t));
  return { view: { kind: 'part', unitIds, teamIds: ledTeams }, teamIds, names: [...unitNames, ...teamNames] };
}

/** whether a team's posts count for the scope. */
export const teamInScope = (scope: ResultsScope, teamId: string) => !scope.teamIds || scope.teamIds.has(teamId);
