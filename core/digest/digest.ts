import { nextStatuses, type IdeaStatus } from '../ideas/idea-status';
import type { IdeaView } from '../ideas/idea-view';
import { topIdeas } from '../ideas/ranking';
import type { ItemKind, PollKind } from '../items';
import type { Locale } from '../locale';
import { effectiveMinGroupSize, ideaTextsVisible, pollResults, type PollResults, type Tally } from '../tally';
import { assembleLoop, type DigestLoop, type DigestLoopInput } from './digest-loop';
import { trendWeeks, weekNumberOf, weekRange, type WeekKey } from './digest-week';
import type { DigestUnitSection } from '../org/unit-rollup';
import { participationChange, participationOf, type Participation, type ParticipationChange } from './participation';

/** a poll or idea prompt of the team that closed (results are taken only from items closed in the digest's week). */
export interface DigestClosedItemInput {
  itemId: string;
  question: string;
  kind: ItemKind;
  pollKind?: PollKind;
  anonymous: boolean;
  options: string[];
  /** polls: the final tally; idea prompts: may be omitted. */
  tally?: Tally;
  /** distinct people who answered. */
  participants: number;
  closedAt: Date;
}

/** an item of the team still taking answers. */
export interface DigestOpenItemInput {
  itemId: string;
  question: string;
  closesAt?: Date;
}

/** one team of the leader, as read from storage for the digest's week. */
export interface DigestTeamInput {
  teamId: string;
  teamName: string;
  /** current team size from the roster; undefined when unknown (then no rate is shown). */
  memberCount: number | undefined;
  /** distinct people who answered anything, per ISO week: the digest's week and up to 7 before it. */
  participantsByWeek: Record<WeekKey, number>;
  /** ideas submitted in the digest's week, with status, support and volunteers. */
  newIdeas: IdeaView[];
  closedItems: DigestClosedItemInput[];
  openItems: DigestOpenItemInput[];
  /** the team's measures and undecided ideas, for the loop section (core/digest/digest-loop.ts). */
  loop?: DigestLoopInput;
}

/** everything a leader's digest is assembled from. */
export interface DigestInput {
  leader: { id: string; name: string };
  /** the reported ISO week, e.g. '2026-W48' (see digestWeek). */
  week: WeekKey;
  /** a mid-week report of the running week rather than the weekly one. */
  interim: boolean;
  timeZone: string;
  locale: Locale;
  minGroupSize: number;
  /** participants an anonymous prompt needs before its ideas are shown (MIN_GROUP_SIZE_TEXT). */
  minGroupSizeText: number;
  teams: DigestTeamInput[];
  /** when the digest is made and how long an idea may wait for a decision: needed for the loop section. */
  loopClock?: { now: Date; decisionDueDays: number };
}

/** one point of the 8-week trend; null when that week may not be shown exactly. */
export interface TrendPoint {
  week: WeekKey;
  weekNumber: number;
  participants: number | null;
  percent: number | null;
}

/** an idea as the digest shows it: never an author or volunteer names next to an anonymous idea. */
export interface DigestIdea {
  ideaId: string;
  itemId: string;
  text: string;
  status: IdeaStatus;
  /** the statuses a leader may set next. */
  nextStatuses: readonly IdeaStatus[];
  supportCount: number;
  anonymous: boolean;
  /** named ideas only. */
  authorName?: string;
  /** named ideas only; empty for anonymous ones. */
  volunteerNames: string[];
  volunteerCount: number;
}

/** a closed item's outcome: poll results under the anonymity rules, or an idea prompt's participation. */
export type DigestClosedResult =
  | { kind: 'poll'; itemId: string; question: string; anonymous: boolean; closedAt: Date; results: PollResults }
  | { kind: 'idea'; itemId: string; question: string; anonymous: boolean; closedAt: Date; participants: number | null };

export interface DigestTeam {
  teamId: string;
  teamName: string;
  participation: Participation;
  change?: ParticipationChange;
  /** 8 weeks, oldest first, ending with the digest's week. */
  trend: TrendPoint[];
  /** all ideas submitted this week (a count is always safe to show). */
  newIdeaCount: number;
  /** up to DIGEST_LIMITS.topIdeas by support, ties older first. */
  topIdeas: DigestIdea[];
  closed: DigestClosedResult[];
  closedMore: number;
  open: DigestOpenItemInput[];
  openMore: number;
  /** measures due, overdue or moved, and ideas waiting for a decision; absent when there is none. */
  loop?: DigestLoop;
}

/** the view model of a leader's weekly digest; cards format it per locale. */
export interface Digest {
  leader: { id: string; name: string };
  week: WeekKey;
  weekNumber: number;
  /** Monday 00:00 local and the following Monday 00:00 local (exclusive). */
  period: { start: Date; end: Date };
  interim: boolean;
  timeZone: string;
  locale: Locale;
  minGroupSize: number;
  teams: DigestTeam[];
  /** DECISION_DUE_DAYS, when the loop section was assembled: how long the waiting ideas have waited at least. */
  decisionDueDays?: number;
  /** the roll-ups of the units the leader leads (core/org/unit-rollup.ts); absent for a leader of teams only. */
  units?: DigestUnitSection[];
}

/** how much of each list a digest carries, which keeps the card small. */
export const DIGEST_LIMITS = { topIdeas: 5, closedItems: 5, openItems: 5 } as const;

/**
 * assembles a leader's digest: participation with the differencing rule (core/digest/participation.ts),
 * an 8-week trend, the top new ideas, results of items closed in the week (pollResults thresholds) and
 * the items still open, soonest closing first. Teams keep the given order. Throws RangeError for a
 * malformed week.
 */
export function assembleDigest(input: DigestInput): Digest {
  const min = effectiveMinGroupSize(input.minGroupSize);
  const period = weekRange(input.week, input.timeZone);
  const weeks = trendWeeks(input.week);
  return {
    leader: input.leader,
    week: input.week,
    weekNumber: weekNumberOf(input.week),
    period,
    interim: input.interim,
    timeZone: input.timeZone,
    locale: input.locale,
    minGroupSize: min,
    ...(input.loopClock && { decisionDueDays: input.loopClock.decisionDueDays }),
    teams: input.teams.map((team) => {
      const assembled = assembleTeam(team, weeks, period, min, input.minGroupSizeText);
      const loop =
        team.loop && input.loopClock
          ? assembleLoop(team.loop, { ...input.loopClock, timeZone: input.timeZone, period })
          : undefined;
      return loop ? { ...assembled, loop } : assembled;
    }),
  };
}

function assembleTeam(
  team: DigestTeamInput,
  weeks: WeekKey[],
  period: { start: Date; end: Date },
  min: number,
  minText: number,
): DigestTeam {
  const byWeek = weeks.map((week) => ({
    week,
    participation: participationOf(team.participantsByWeek[week] ?? 0, team.memberCount, min),
  }));
  const current = byWeek[byWeek.length - 1]!.participation;
  const previous = byWeek[byWeek.length - 2]!.participation;
  const change = participationChange(current, previous);
  const inWeek = (at: Date) => at.getTime() >= period.start.getTime() && at.getTime() < period.end.getTime();
  const closed = team.closedItems
    .filter((item) => inWeek(item.closedAt))
    .sort((a, b) => a.closedAt.getTime() - b.closedAt.getTime())
    .map((item) => closedResult(item, min));
  const open = [...team.openItems].sort(
    (a, b) => (a.closesAt?.getTime() ?? Infinity) - (b.closesAt?.getTime() ?? Infinity),
  );
  const showable = team.newIdeas.filter((idea) =>
    ideaTextsVisible(
      { anonymous: idea.anonymous, closed: idea.promptClosed, participants: idea.promptParticipants },
      minText,
    ),
  );
  return {
    teamId: team.teamId,
    teamName: team.teamName,
    participation: current,
    ...(change && { change }),
    trend: byWeek.map(({ week, participation: p }) => ({
      week,
      weekNumber: weekNumberOf(week),
      participants: p.shown === 'exact' ? p.participants : null,
      percent: p.shown === 'exact' && p.percent !== undefined ? p.percent : null,
    })),
    newIdeaCount: team.newIdeas.length,
    topIdeas: topIdeas(showable, DIGEST_LIMITS.topIdeas).map(digestIdea),
    closed: closed.slice(0, DIGEST_LIMITS.closedItems),
    closedMore: Math.max(0, closed.length - DIGEST_LIMITS.closedItems),
    open: open.slice(0, DIGEST_LIMITS.openItems),
    openMore: Math.max(0, open.length - DIGEST_LIMITS.openItems),
  };
}

function digestIdea(idea: IdeaView): DigestIdea {
  return {
    ideaId: idea.ideaId,
    itemId: idea.itemId,
    text: idea.text,
    status: idea.status,
    nextStatuses: nextStatuses(idea.status),
    supportCount: idea.supportCount,
    anonymous: idea.anonymous,
    ...(!idea.anonymous && idea.authorName !== undefined && { authorName: idea.authorName }),
    volunteerNames: idea.anonymous ? [] : idea.volunteers.map((v) => v.name),
    volunteerCount: idea.volunteers.length,
  };
}

function closedResult(item: DigestClosedItemInput, min: number): DigestClosedResult {
  const base = { itemId: item.itemId, question: item.question, anonymous: item.anonymous, closedAt: item.closedAt };
  if (item.kind === 'idea')
    return { kind: 'idea', ...base, participants: item.participants >= min ? item.participants : null };
  const tally = item.tally ?? { counts: [], voters: 0 };
  return { kind: 'poll', ...base, results: pollResults({ ...item, status: 'closed' }, tally, min) };
}
