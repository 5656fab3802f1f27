import { effectiveMinGroupSize, type Tally } from '../tally';
import type { Organisation, OrgUnit } from './org-units';

/**
 * Figures for every level of the organisation — the whole organisation (or a person's part of it), each unit, each
 * team — under the thresholds and the differencing rule across levels. Pure: a tree of units and teams and a tally per
 * team in, which nodes may be shown out.
 *
 * The rules, applied from the top down:
 * - a node whose people number fewer than MIN_GROUP_SIZE is not shown; it still counts in the figure above it;
 * - differencing: a shown node minus its shown children must leave nobody or at least MIN_GROUP_SIZE people, so that no
 *   hidden group below the threshold can be computed from two shown figures. Where the remainder would be a small
 *   group, the smallest shown children are withheld as well until it is not;
 * - below a hidden node nothing is shown (its parts could be added up to it).
 */

/** a unit, a team or the top of the tree (the organisation or a person's scope). */
export interface FigureTree {
  id: string;
  kind: 'top' | 'unit' | 'team';
  name: string;
  children: FigureTree[];
}

/** why a node is not shown: too few people, or its figure would reveal a smaller hidden group (differencing). */
export type HiddenReason = 'belowThreshold' | 'differencing';

/** one node of the tree with the figure it may show (depth-first, parents before their children). */
export interface NodeFigure {
  id: string;
  kind: FigureTree['kind'];
  name: string;
  depth: number;
  parentId?: string;
  /** the sum over every team below; only shown when `shown`. Never put a hidden node's tally on a card. */
  tally: Tally;
  shown: boolean;
  hidden?: HiddenReason;
}

const addTallies = (a: Tally, b: Tally): Tally => {
  const n = Math.max(a.counts.length, b.counts.length);
  return {
    counts: Array.from({ length: n }, (_, i) => (a.counts[i] ?? 0) + (b.counts[i] ?? 0)),
    voters: a.voters + b.voters,
  };
};

const EMPTY: Tally = { counts: [], voters: 0 };

/**
 * the figures of a tree: the sum of the teams' tallies at every node and whether it may be shown (the rules above).
 * Teams without a tally count as nobody. `showTeams: false` keeps team rows off the card; they then count as hidden
 * children in the differencing rule, like any other group that is not shown.
 */
export function unitFigures(
  tree: FigureTree,
  tallyOfTeam: (teamId: string) => Tally | undefined,
  minGroupSize: number,
  options: { showTeams?: boolean } = {},
): NodeFigure[] {
  const min = effectiveMinGroupSize(minGroupSize);
  const showTeams = options.showTeams ?? true;
  const totals = new Map<FigureTree, Tally>();
  const total = (node: FigureTree): Tally => {
    const own = node.kind === 'team' ? (tallyOfTeam(node.id) ?? EMPTY) : EMPTY;
    const sum = node.children.reduce((acc, child) => addTallies(acc, total(child)), own);
    totals.set(node, sum);
    return sum;
  };
  total(tree);
  const out: NodeFigure[] = [];
  const visit = (node: FigureTree, depth: number, parentId: string | undefined, shown: boolean, why?: HiddenReason) => {
    const tally = totals.get(node) ?? EMPTY;
    const visible = shown && tally.voters >= min;
    const hidden: HiddenReason | undefined = visible ? undefined : (why ?? 'belowThreshold');
    out.push({
      id: node.id,
      kind: node.kind,
      name: node.name,
      depth,
      ...(parentId !== undefined && { parentId }),
      tally,
      shown: visible,
      ...(hidden && { hidden }),
    });
    const withheld = visible ? withheldChildren(node, totals, min, showTeams) : new Map<FigureTree, HiddenReason>();
    for (const child of node.children) {
      const reason = visible ? withheld.get(child) : (hidden ?? 'belowThreshold');
      visit(child, depth + 1, node.id, reason === undefined, reason);
    }
  };
  visit(tree, 0, undefined, true);
  return out;
}

/**
 * the children of a shown node that must not be shown: those below the threshold (and team rows when teams are not
 * shown), then — while the node minus its shown children leaves a small group — the smallest shown child.
 */
function withheldChildren(
  node: FigureTree,
  totals: Map<FigureTree, Tally>,
  min: number,
  showTeams: boolean,
): Map<FigureTree, HiddenReason> {
  const people = (n: FigureTree) => totals.get(n)?.voters ?? 0;
  const withheld = new Map<FigureTree, HiddenReason>();
  const shown: FigureTree[] = [];
  for (const child of node.children) {
    if (people(child) < min || (child.kind === 'team' && !showTeams)) withheld.set(child, 'belowThreshold');
    else shown.push(child);
  }
  let remainder = people(node) - shown.reduce((acc, c) => acc + people(c), 0);
  // smallest first; ties in the tree's order, so the same input always withholds the same child.
  const bySize = [...shown].sort((a, b) => people(a) - people(b));
  while (remainder > 0 && remainder < min && bySize.length > 0) {
    const next = bySize.shift() as FigureTree;
    withheld.set(next, 'differencing');
    remainder += people(next);
  }
  return withheld;
}

/**
 * the tree of an organisation for results: a top node (`topName`) above the given roots — units with their sub-units
 * and direct teams, and teams outside any unit. With `roots` undefined, the whole organisation: every top unit, then
 * the teams of `teamIds` that belong to no unit. `teamIds` limits the teams (those with answers, in scope); units
 * without any of them are left out. A part with a single root is that root.
 */
export function figureTree(
  org: Organisation,
  teamIds: ReadonlySet<string>,
  names: { top: string; team: (teamId: string) => string },
  roots?: { unitIds: readonly string[]; teamIds: readonly string[] },
): FigureTree {
  const childrenOf = (unit: OrgUnit): FigureTree[] => [
    ...org.units.filter((u) => u.parentId === unit.id && u.id !== unit.id).map((u) => unitNode(u)),
    ...unit.teamIds.filter((t) => teamIds.has(t)).map((t) => teamNode(t)),
  ];
  const seen = new Set<string>();
  const unitNode = (unit: OrgUnit): FigureTree => {
    seen.add(unit.id);
    const children = childrenOf(unit).filter((c) => !(c.kind === 'unit' && c.children.length === 0));
    return { id: unit.id, kind: 'unit', name: unit.name, children };
  };
  const teamNode = (teamId: string): FigureTree => ({
    id: teamId,
    kind: 'team',
    name: names.team(teamId),
    children: [],
  });
  const inSomeUnit = new Set(org.units.flatMap((u) => u.teamIds));
  const rootUnits = roots
    ? org.units.filter((u) => roots.unitIds.includes(u.id) && !ledAbove(org, u, roots.unitIds))
    : org.units.filter((u) => u.parentId === undefined || !org.units.some((p) => p.id === u.parentId));
  const units = rootUnits.map(unitNode).filter((n) => n.children.length > 0);
  const coveredTeams = new Set<string>();
  const collect = (n: FigureTree) => {
    if (n.kind === 'team') coveredTeams.add(n.id);
    n.children.forEach(collect);
  };
  units.forEach(collect);
  const looseTeams = (roots ? roots.teamIds : [...teamIds].filter((t) => !inSomeUnit.has(t)))
    .filter((t) => teamIds.has(t) && !coveredTeams.has(t))
    .map(teamNode);
  const children = [...units, ...looseTeams];
  // a person's part with one unit (or team) is that unit: no extra top above it.
  if (roots && children.length === 1) return children[0] as FigureTree;
  return { id: 'top', kind: 'top', name: names.top, children };
}

/** whether one of the given units lies above this unit (then the unit is already inside that root). */
function ledAbove(org: Organisation, unit: OrgUnit, unitIds: readonly string[]): boolean {
  const byId = new Map(org.units.map((u) => [u.id, u]));
  const seen = new Set<string>();
  let parent = unit.parentId === undefined ? undefined : byId.get(unit.parentId);
  while (parent && !seen.has(parent.id)) {
    if (unitIds.includes(parent.id)) return true;
    seen.add(parent.id);
    parent = parent.parentId === undefined ? undefined : byId.get(parent.parentId);
  }
  return false;
}
