import type { ItemKind, PollKind } from '../items';
import { figureTree, unitFigures, type NodeFigure } from '../org/unit-figures';
import type { Organisation } from '../org/org-units';
import { effectiveMinGroupSize, pollResults, type PollResults, type Tally } from '../tally';

/**
 * The results view (`ergebnisse`): one question — a campaign item over its rounds, or one closed item — for a person's
 * part of the organisation, per unit and team under the thresholds and the differencing rule (core/org/unit-figures.ts),
 * a comparison of the units on the first level, and a trend over the rounds. Pure.
 */

/** one closed post of the question in one team: its tally (polls) or its participants as `voters` (idea prompts). */
export interface ViewPost {
  teamId: string;
  /** the round this post belongs to: the campaign slot's time, or the item's creation for a single item. */
  round: Date;
  tally: Tally;
}

/** what was asked, the same in every post of the question. */
export interface ViewQuestion {
  key: string;
  question: string;
  kind: ItemKind;
  pollKind?: PollKind;
  anonymous: boolean;
  options: string[];
}

/** a row of the per-unit table: the node and what it may show. */
export interface ViewRow {
  id: string;
  kind: NodeFigure['kind'];
  name: string;
  depth: number;
  /** polls: the results under pollResults; prompts: participants. Absent when the row is withheld. */
  results?: PollResults;
  participants?: number;
}

/** one point of the trend: a round, and its top figure when the scope's total met the threshold. */
export interface ViewTrendPoint {
  round: Date;
  voters: number | null;
  /** ratings: the average; polls: percent per option. */
  average?: number;
  percents?: number[];
}

/** the view of one question. */
export interface QuestionView extends ViewQuestion {
  /** the latest round. */
  round: Date;
  teams: number;
  /** the top (organisation or scope) first, then units and teams depth-first; withheld rows carry no figures. */
  rows: ViewRow[];
  /** the units (or teams) below the first level that splits, side by side: only shown ones, never ranked. */
  comparison: { rows: ViewRow[]; withheld: number };
  /** oldest round first; absent when the question ran once. */
  trend?: ViewTrendPoint[];
}

/** who sees what: the whole organisation, or the units and teams a person leads. */
export type ViewScope = { kind: 'all' } | { kind: 'part'; unitIds: readonly string[]; teamIds: readonly string[] };

/** assembles the view of one question from its closed posts (every round), under the thresholds. */
export function assembleQuestionView(input: {
  question: ViewQuestion;
  posts: readonly ViewPost[];
  org: Organisation;
  scope: ViewScope;
  teamName: (teamId: string) => string;
  topName: string;
  minGroupSize: number;
}): QuestionView | undefined {
  const { question, posts, org, scope } = input;
  if (posts.length === 0) return undefined;
  const min = effectiveMinGroupSize(input.minGroupSize);
  const rounds = [...new Set(posts.map((p) => p.round.getTime()))].sort((a, b) => a - b);
  const latest = rounds[rounds.length - 1]!;
  const inRound = (at: number) => posts.filter((p) => p.round.getTime() === at);
  const tallies = (at: number) => {
    const byTeam = new Map<string, Tally>();
    for (const p of inRound(at)) {
      const had = byTeam.get(p.teamId);
      byTeam.set(p.teamId, had ? sum(had, p.tally) : p.tally);
    }
    return byTeam;
  };
  const teamsOf = (at: number) => new Set(inRound(at).map((p) => p.teamId));
  const tree = (at: number) =>
    figureTree(
      org,
      teamsOf(at),
      { top: input.topName, team: input.teamName },
      scope.kind === 'all' ? undefined : { unitIds: scope.unitIds, teamIds: scope.teamIds },
    );
  const latestTallies = tallies(latest);
  const figures = unitFigures(tree(latest), (t) => latestTallies.get(t), min);
  // withheld teams are left out; a withheld unit keeps its row, which says so without a figure.
  const rows = figures
    .filter((f) => f.tally.voters > 0 && (f.shown || f.kind !== 'team'))
    .map((f) => row(question, f, min));
  // compare the units below the first node that splits (a top with one unit compares that unit's sub-units).
  let splitAt = figures[0];
  for (;;) {
    const children = figures.filter((f) => splitAt && f.parentId === splitAt.id && f.tally.voters > 0);
    if (children.length !== 1 || !children[0]!.shown) break;
    splitAt = children[0];
  }
  const firstLevel = figures.filter((f) => splitAt && f.parentId === splitAt.id && f.tally.voters > 0);
  const comparison = {
    rows: firstLevel.filter((f) => f.shown).map((f) => row(question, f, min)),
    withheld: firstLevel.filter((f) => !f.shown).length,
  };
  const trend =
    rounds.length < 2
      ? undefined
      : rounds.map((at) => {
          const byTeam = tallies(at);
          const top = unitFigures(tree(at), (t) => byTeam.get(t), min)[0];
          return trendPoint(question, new Date(at), top, min);
        });
  return {
    ...question,
    round: new Date(latest),
    teams: teamsOf(latest).size,
    rows,
    comparison: comparison.rows.length >= 2 ? comparison : { rows: [], withheld: comparison.withheld },
    ...(trend && { trend }),
  };
}

const sum = (a: Tally, b: Tally): Tally => ({
  counts: Array.from(
    { length: Math.max(a.counts.length, b.counts.length) },
    (_, i) => (a.counts[i] ?? 0) + (b.counts[i] ?? 0),
  ),
  voters: a.voters + b.voters,
});

function row(question: ViewQuestion, f: NodeFigure, min: number): ViewRow {
  const base = { id: f.id, kind: f.kind, name: f.name, depth: f.depth };
  if (!f.shown) return base;
  if (question.kind === 'idea') return { ...base, participants: f.tally.voters };
  return { ...base, results: pollResults({ ...question, status: 'closed' }, f.tally, min) };
}

function trendPoint(question: ViewQuestion, round: Date, top: NodeFigure | undefined, min: number): ViewTrendPoint {
  if (!top || !top.shown) return { round, voters: null };
  if (question.kind === 'idea') return { round, voters: top.tally.voters };
  const r = pollResults({ ...question, status: 'closed' }, top.tally, min);
  if (!r.visible) return { round, voters: null };
  return r.average !== undefined
    ? { round, voters: r.voters, average: r.average }
    : { round, voters: r.voters, percents: r.rows.map((x) => x.percent) };
}
