import type { Measure, MeasureStatus } from '../measures/measure';
import { DECIDED_STATUSES } from './results';
import type { IdeaStatus } from '../ideas/idea-status';

/** how many measures of each kind the monthly post names before "… and n more". */
export const PROGRESS_LIMIT = 5;

/** a measure as the monthly post names it. */
export interface ProgressMeasure {
  title: string;
  status: MeasureStatus;
}

/** one kind of movement: how many, and the first few by name. */
export interface ProgressGroup {
  count: number;
  measures: ProgressMeasure[];
}

/** what moved in a team in one month; undefined from `monthProgress` when nothing did. */
export interface ProgressReport {
  month: string;
  teamName: string;
  created: ProgressGroup;
  /** status changed in the month (not to done; a new measure's first status is no change). */
  moved: ProgressGroup;
  done: ProgressGroup;
  notes: number;
  ideasDecided: number;
}

const within = (at: Date | undefined, range: { start: Date; end: Date }) =>
  at !== undefined && at.getTime() >= range.start.getTime() && at.getTime() < range.end.getTime();

function group(measures: readonly Measure[]): ProgressGroup {
  return {
    count: measures.length,
    measures: measures.slice(0, PROGRESS_LIMIT).map((m) => ({ title: m.title, status: m.status })),
  };
}

/**
 * what moved in a team in a month: measures created, measures whose status changed, measures done, progress notes
 * written, ideas decided (their status set to accepted, in progress, done or declined in the month). Undefined when
 * nothing moved, so nothing is posted.
 */
export function monthProgress(input: {
  month: string;
  teamName: string;
  range: { start: Date; end: Date };
  measures: readonly Measure[];
  /** progress notes written in the month, over all the measures. */
  notes: number;
  ideas: readonly { status: IdeaStatus; statusAt?: Date }[];
}): ProgressReport | undefined {
  const { range } = input;
  const created = input.measures.filter((m) => within(m.createdAt, range));
  const changed = input.measures.filter(
    (m) => within(m.statusAt, range) && m.statusAt.getTime() !== m.createdAt.getTime(),
  );
  const done = changed.filter((m) => m.status === 'done');
  const moved = changed.filter((m) => m.status !== 'done');
  const ideasDecided = input.ideas.filter((i) => DECIDED_STATUSES.has(i.status) && within(i.statusAt, range)).length;
  if (created.length + moved.length + done.length + input.notes + ideasDecided === 0) return undefined;
  return {
    month: input.month,
    teamName: input.teamName,
    created: group(created),
    moved: group(moved),
    done: group(done),
    notes: input.notes,
    ideasDecided,
  };
}
