import { DateTime } from 'luxon';
import type { IdeaStatus } from '../ideas/idea-status';
import { isOverdue, OPEN_STATUSES, type Measure, type MeasureStatus } from '../measures/measure';

/** how far back the digest looks for ideas still waiting for a decision: half a year of team weeks. */
export const WAITING_HORIZON_WEEKS = 26;
/** measures due within this many days count as due (overdue ones always show). */
export const DUE_WITHIN_DAYS = 7;
/** how many lines of each kind one team's loop section carries; the rest is counted. */
export const LOOP_LIMITS = { measures: 5, waiting: 5 } as const;

/** an idea still waiting for a decision, as the builder read it (only ideas the leader may see, texts within the thresholds). */
export interface DigestWaitingInput {
  ideaId: string;
  text: string;
  status: IdeaStatus;
  anonymous: boolean;
  createdAt: Date;
}

/** what the loop section of one team is made of: the team's measures and its undecided ideas. */
export interface DigestLoopInput {
  measures: Pick<Measure, 'measureId' | 'title' | 'ownerName' | 'dueDate' | 'status' | 'statusAt' | 'lastNote'>[];
  waitingIdeas: DigestWaitingInput[];
}

/** a measure as the digest lists it. */
export interface DigestMeasureLine {
  measureId: string;
  title: string;
  ownerName: string;
  dueDate: string;
  status: MeasureStatus;
  overdue: boolean;
  /** for measures that moved: the newest note of the week, if one was written. */
  note?: string;
}

/** an idea waiting for a decision, with how many whole days it has waited. */
export interface DigestWaitingIdea {
  ideaId: string;
  text: string;
  status: IdeaStatus;
  anonymous: boolean;
  days: number;
}

/** the loop section of a team: what is due, what moved, what waits for a decision. */
export interface DigestLoop {
  /** open measures whose date has passed, earliest first. */
  overdue: DigestMeasureLine[];
  /** open measures due from today to DUE_WITHIN_DAYS ahead, earliest first. */
  due: DigestMeasureLine[];
  /** measures whose status changed or that got a note in the digest's period, most recent first. */
  moved: DigestMeasureLine[];
  /** ideas new or under review for at least `decisionDueDays`, longest waiting first. */
  waiting: DigestWaitingIdea[];
  /** lines left out per list (LOOP_LIMITS). */
  more: { overdue: number; due: number; moved: number; waiting: number };
}

/** the calendar day (`YYYY-MM-DD`) of a moment in a time zone, and a day some days later. */
function dayIn(at: Date, timeZone: string, plusDays = 0): string {
  return (
    DateTime.fromJSDate(at, { zone: timeZone }).plus({ days: plusDays }).toISODate() ?? at.toISOString().slice(0, 10)
  );
}

const DAY_MS = 86_400_000;

/**
 * the loop section of one team's digest: overdue and due measures (open, date passed or within DUE_WITHIN_DAYS of
 * `now`), measures that moved in the period (status changed or a note written), and ideas new or under review for
 * at least `decisionDueDays` days. Undefined when there is nothing to show.
 */
export function assembleLoop(
  input: DigestLoopInput,
  options: { now: Date; timeZone: string; period: { start: Date; end: Date }; decisionDueDays: number },
): DigestLoop | undefined {
  const today = dayIn(options.now, options.timeZone);
  const dueBy = dayIn(options.now, options.timeZone, DUE_WITHIN_DAYS);
  const inPeriod = (at: Date | undefined) =>
    at !== undefined && at.getTime() >= options.period.start.getTime() && at.getTime() < options.period.end.getTime();
  const line = (m: DigestLoopInput['measures'][number], note?: string): DigestMeasureLine => ({
    measureId: m.measureId,
    title: m.title,
    ownerName: m.ownerName,
    dueDate: m.dueDate,
    status: m.status,
    overdue: isOverdue(m, today),
    ...(note !== undefined && { note }),
  });
  const byDue = [...input.measures].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const overdue = byDue.filter((m) => isOverdue(m, today)).map((m) => line(m));
  const due = byDue
    .filter((m) => OPEN_STATUSES.has(m.status) && m.dueDate >= today && m.dueDate <= dueBy)
    .map((m) => line(m));
  const movedAt = (m: DigestLoopInput['measures'][number]) =>
    Math.max(
      inPeriod(m.statusAt) ? m.statusAt.getTime() : 0,
      m.lastNote && inPeriod(m.lastNote.at) ? m.lastNote.at.getTime() : 0,
    );
  const moved = input.measures
    .filter((m) => movedAt(m) > 0)
    .sort((a, b) => movedAt(b) - movedAt(a))
    .map((m) => line(m, m.lastNote && inPeriod(m.lastNote.at) ? m.lastNote.text : undefined));
  const cutoff = options.now.getTime() - options.decisionDueDays * DAY_MS;
  const waiting = input.waitingIdeas
    .filter((i) => (i.status === 'new' || i.status === 'review') && i.createdAt.getTime() <= cutoff)
    .map((i) => ({
      ideaId: i.ideaId,
      text: i.text,
      status: i.status,
      anonymous: i.anonymous,
      days: Math.floor((options.now.getTime() - i.createdAt.getTime()) / DAY_MS),
    }))
    // longest waiting first; anonymous ideas carry their prompt's closing time, never the time they were sent.
    .sort((a, b) => b.days - a.days || (a.ideaId < b.ideaId ? -1 : 1));
  if (overdue.length + due.length + moved.length + waiting.length === 0) return undefined;
  const cut = <T>(list: T[], n: number) => list.slice(0, n);
  return {
    overdue: cut(overdue, LOOP_LIMITS.measures),
    due: cut(due, LOOP_LIMITS.measures),
    moved: cut(moved, LOOP_LIMITS.measures),
    waiting: cut(waiting, LOOP_LIMITS.waiting),
    more: {
      overdue: Math.max(0, overdue.length - LOOP_LIMITS.measures),
      due: Math.max(0, due.length - LOOP_LIMITS.measures),
      moved: Math.max(0, moved.length - LOOP_LIMITS.measures),
      waiting: Math.max(0, waiting.length - LOOP_LIMITS.waiting),
    },
  };
}
