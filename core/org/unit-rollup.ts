import { participationOf, type Participation } from '../digest/participation';
import { effectiveMinGroupSize, pollResults, type PollResults, type Tally } from '../tally';
import type { ItemKind, PollKind } from '../items';
import type { Organisation, OrgUnit } from './org-units';

/**
 * Roll-ups of a unit (Amt → Abteilung → Sachgebiet …) over the teams below it, and the rule that keeps small groups
 * hidden across levels. Pure: the figures per team come from storage (app/digest), the thresholds from the settings.
 *
 * Differencing across levels: a figure shown exactly for a unit, minus the exact figures shown for groups below it
 * (sub-units, teams — in this digest or in the digests of the leaders below), leaves a remainder: the people of the
 * groups that are hidden because they are too small. That remainder must itself be showable exactly (or empty);
 * otherwise the unit's own figure is banded (participation: "at least" the part that is known anyway) or suppressed
 * (results). Decided bottom-up, so a banded sub-unit's remainder moves into its parent's remainder and is judged there.
 */

/** a group of the tree as the differencing rule sees it: its count, the people it has, and its groups below. */
export interface CountNode {
  id: string;
  /** people counted (participants, voters). */
  count: number;
  /** people in the group, when known. */
  size?: number;
  /** teams below (1 for a team): a remainder without teams is empty. */
  teams: number;
  /** the figure would be shown exactly on its own (the group is large enough and its own rule lets it through). */
  shownAlone: boolean;
  children: CountNode[];
}

/** the part of a group that is covered by exact figures below it (or the group itself when it is shown exactly). */
interface Covered {
  count: number;
  size: number | undefined;
  teams: number;
}

/**
 * the ids of the groups whose exact figure may be shown: those shown on their own whose remainder (the group minus
 * the exact figures of the groups below it) is empty or passes `safe`. Groups not in the set are banded or suppressed.
 */
export function protectAcrossLevels(
  root: CountNode,
  safe: (remainder: { count: number; size: number | undefined }) => boolean,
): Set<string> {
  const shown = new Set<string>();
  const visit = (node: CountNode): Covered => {
    const below = node.children.map(visit);
    const known = below.reduce<Covered>(
      (acc, c) => ({
        count: acc.count + c.count,
        size: acc.size === undefined || c.size === undefined ? undefined : acc.size + c.size,
        teams: acc.teams + c.teams,
      }),
      { count: 0, size: 0, teams: 0 },
    );
    const own: Covered = { count: node.count, size: node.size, teams: node.teams };
    if (!node.shownAlone) return known;
    if (node.children.length === 0) {
      shown.add(node.id); // a team: its own rule has judged it whole
      return own;
    }
    const remainder = {
      count: node.count - known.count,
      size: node.size === undefined || known.size === undefined ? undefined : node.size - known.size,
    };
    if (node.teams - known.teams > 0 && !safe(remainder)) return known;
    shown.add(node.id);
    return own;
  };
  visit(root);
  return shown;
}

/** one team's figures of the week, as read for a roll-up. */
export interface RollupTeamFigures {
  teamId: string;
  teamName: string;
  participants: number;
  /** the team's size from its roster; undefined when it could not be read. */
  members: number | undefined;
}

/** a unit's participation: as for a team (participationOf), or banded because a small group below would show. */
export type UnitParticipation = Participation | { shown: 'banded'; atLeast: number; members?: number };

/** a sub-unit or team below the unit, shown because it meets the thresholds. */
export interface RollupRow {
  kind: 'unit' | 'team';
  id: string;
  name: string;
  /** 1 for the unit's direct sub-units and teams, 2 below them, … */
  depth: number;
  participation: UnitParticipation;
}

/** a unit's participation over every team below it, with the sub-units and teams that may be shown. */
export interface UnitParticipationRollup {
  participation: UnitParticipation;
  /** teams below the unit at any depth that have figures. */
  teamCount: number;
  rows: RollupRow[];
  /** sub-units and teams too small to be shown (their people count in the figures above them). */
  hiddenGroups: number;
}

interface TreeNode extends CountNode {
  kind: 'unit' | 'team';
  name: string;
  depth: number;
  visible: boolean;
  children: TreeNode[];
}

/** the unit's tree down to its teams, with counts summed upwards; teams without figures are left out. */
function treeOf(
  org: Organisation,
  unit: OrgUnit,
  figures: ReadonlyMap<string, RollupTeamFigures>,
  depth: number,
  seen: Set<string>,
  leaf: (f: RollupTeamFigures, depth: number) => TreeNode,
  group: (id: string, name: string, depth: number, children: TreeNode[]) => TreeNode,
): TreeNode {
  seen.add(unit.id);
  const subUnits = org.units
    .filter((u) => u.parentId === unit.id && !seen.has(u.id))
    .map((u) => treeOf(org, u, figures, depth + 1, seen, leaf, group));
  const teams = unit.teamIds.flatMap((id) => {
    const f = figures.get(id);
    return f ? [leaf(f, depth + 1)] : [];
  });
  return group(unit.id, unit.name, depth, [...subUnits, ...teams]);
}

/** a team as a leaf of the tree: its count and size, and whether it is listed and shown exactly on its own. */
function teamNode(f: RollupTeamFigures, depth: number, judged: { visible: boolean; shownAlone: boolean }): TreeNode {
  return {
    kind: 'team',
    id: `team:${f.teamId}`,
    name: f.teamName,
    depth,
    count: f.participants,
    ...(f.members !== undefined && { size: f.members }),
    teams: 1,
    ...judged,
    children: [],
  };
}

const sum = (xs: Array<number | undefined>) =>
  xs.some((x) => x === undefined) ? undefined : xs.reduce<number>((a, x) => a + (x ?? 0), 0);

/**
 * the unit's participation of a week over every team below it (any depth). A sub-unit or team is shown only when its
 * size (from the rosters) is at least MIN_GROUP_SIZE; smaller ones — and ones of unknown size — count in the figures
 * above them. Each shown figure follows participationOf; an exact figure whose remainder (see protectAcrossLevels)
 * would not be shown exactly on its own is banded to "at least" the part known from the exact figures below it.
 * `exactElsewhere`: teams whose exact participation the reader sees elsewhere (their own team section).
 */
export function rollUpParticipation(
  org: Organisation,
  unitId: string,
  figures: ReadonlyMap<string, RollupTeamFigures>,
  minGroupSize: number,
  exactElsewhere: ReadonlySet<string> = new Set(),
): UnitParticipationRollup | undefined {
  const min = effectiveMinGroupSize(minGroupSize);
  const unit = org.units.find((u) => u.id === unitId);
  if (!unit) return undefined;
  const exact = (count: number, size: number | undefined) => participationOf(count, size, min).shown === 'exact';
  const large = (size: number | undefined) => size !== undefined && size >= min;
  const root = treeOf(
    org,
    unit,
    figures,
    0,
    new Set(),
    (f, depth) =>
      teamNode(f, depth, {
        visible: large(f.members),
        shownAlone: (large(f.members) || exactElsewhere.has(f.teamId)) && exact(f.participants, f.members),
      }),
    (id, name, depth, children) => {
      const count = children.reduce((a, c) => a + c.count, 0);
      const size = sum(children.map((c) => c.size));
      const visible = depth === 0 || large(size);
      return {
        kind: 'unit',
        id: `unit:${id}`,
        name,
        depth,
        count,
        ...(size !== undefined && { size }),
        teams: children.reduce((a, c) => a + c.teams, 0),
        visible,
        shownAlone: visible && exact(count, size),
        children,
      };
    },
  );
  const shown = protectAcrossLevels(root, (r) => exact(r.count, r.size));
  const knownBelow = (node: TreeNode): number =>
    node.children.reduce((a, c) => a + (shown.has(c.id) ? c.count : knownBelow(c)), 0);
  const figure = (node: TreeNode): UnitParticipation =>
    node.shownAlone && !shown.has(node.id)
      ? { shown: 'banded', atLeast: knownBelow(node), ...(node.size !== undefined && { members: node.size }) }
      : participationOf(node.count, node.size, min);
  const rows: RollupRow[] = [];
  let hiddenGroups = 0;
  const walk = (node: TreeNode) => {
    for (const child of node.children) {
      if (!child.visible) {
        hiddenGroups++;
        continue;
      }
      rows.push({
        kind: child.kind,
        id: child.id.slice(child.kind.length + 1),
        name: child.name,
        depth: child.depth,
        participation: figure(child),
      });
      walk(child);
    }
  };
  walk(root);
  return { participation: figure(root), teamCount: root.teams, rows, hiddenGroups };
}

/** one team's answers to a poll that closed in the week. */
export interface RollupPollAnswer {
  teamId: string;
  itemId: string;
  question: string;
  kind: ItemKind;
  pollKind?: PollKind;
  anonymous: boolean;
  options: string[];
  /** who posted it: a campaign (`campaign:<id>`) posts the same question to many teams. */
  createdBy: string;
  tally: Tally;
}

/** a poll's result over the unit's teams: shown under the thresholds, or suppressed to protect a small group below. */
export interface UnitPollResult {
  question: string;
  anonymous: boolean;
  /** teams of the unit that were asked. */
  teams: number;
  results: PollResults;
  /** the result would show, but minus the results shown for groups below it would tell a small group's answers. */
  suppressed: boolean;
}

/** the key under which the same campaign question in several teams is summed. */
function pollKey(a: RollupPollAnswer): string {
  return JSON.stringify([a.createdBy, a.kind, a.pollKind ?? '', a.anonymous, a.question, a.options]);
}

/**
 * the campaign polls that closed in the week, summed over the unit's teams (any depth): a team whose own result is
 * below the threshold counts in the unit's result. The unit's result is suppressed when its voters minus the voters
 * of the results shown below it (each team's own result, as its leaders see it, and each large-enough sub-unit's) are
 * more than none and fewer than MIN_GROUP_SIZE. Polls a team posted on its own are not summed (they are the team's).
 */
export function rollUpPolls(
  org: Organisation,
  unitId: string,
  answers: readonly RollupPollAnswer[],
  teamSizes: ReadonlyMap<string, number | undefined>,
  minGroupSize: number,
): UnitPollResult[] {
  const min = effectiveMinGroupSize(minGroupSize);
  const unit = org.units.find((u) => u.id === unitId);
  if (!unit) return [];
  const groups = new Map<string, RollupPollAnswer[]>();
  for (const a of answers) {
    if (!a.createdBy.startsWith('campaign:')) continue;
    const key = pollKey(a);
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const out: UnitPollResult[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const closed = { ...first, status: 'closed' as const };
    const byTeam = new Map(group.map((a) => [a.teamId, a.tally]));
    const results = (tally: Tally) => pollResults(closed, tally, min);
    const root = treeOf(
      org,
      unit,
      new Map(
        [...byTeam.keys()].map((teamId) => [
          teamId,
          { teamId, teamName: teamId, participants: byTeam.get(teamId)!.voters, members: teamSizes.get(teamId) },
        ]),
      ),
      0,
      new Set(),
      (f, depth) => teamNode(f, depth, { visible: true, shownAlone: results(byTeam.get(f.teamId)!).visible }),
      (id, name, depth, children) => {
        const count = children.reduce((a, c) => a + c.count, 0);
        const size = sum(children.map((c) => c.size));
        const large = depth === 0 || (size !== undefined && size >= min);
        return {
          kind: 'unit',
          id: `unit:${id}`,
          name,
          depth,
          count,
          teams: children.reduce((a, c) => a + c.teams, 0),
          visible: large,
          shownAlone: large && count >= min,
          children,
        };
      },
    );
    if (root.teams === 0) continue;
    const tally = sumTallies(group.map((a) => a.tally));
    const shown = protectAcrossLevels(root, (r) => r.count === 0 || r.count >= min);
    const res = results(tally);
    out.push({
      question: first.question,
      anonymous: first.anonymous,
      teams: root.teams,
      results: res,
      suppressed: res.visible && !shown.has(root.id),
    });
  }
  return out;
}

function sumTallies(tallies: readonly Tally[]): Tally {
  const counts: number[] = [];
  for (const t of tallies) t.counts.forEach((c, i) => (counts[i] = (counts[i] ?? 0) + c));
  return { counts, voters: tallies.reduce((a, t) => a + t.voters, 0) };
}

/** an idea of the week from a team below the unit, as a roll-up lists it (no names: the unit view is about the unit). */
export interface UnitIdea {
  text: string;
  teamName: string;
  supportCount: number;
  anonymous: boolean;
}

/** a unit's section of a leader's digest: participation over the teams below, ideas of the week and campaign results. */
export interface DigestUnitSection {
  unitId: string;
  unitName: string;
  participation: UnitParticipationRollup;
  /** ideas of the week in the teams below (anonymous ones only from closed prompts within the text threshold). */
  newIdeaCount: number;
  /** up to DIGEST_LIMITS.topIdeas by support. */
  topIdeas: UnitIdea[];
  polls: UnitPollResult[];
}
