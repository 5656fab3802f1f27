import { effectiveMinGroupSize } from '../tally';

/**
 * what a digest may say about how many people of a team took part. The shown class depends only on
 * the team size and the minimum group size, never on the hidden number itself:
 * - `exact`: at least `min` took part and either nobody or at least `min` people did not;
 * - `fewerThan`: fewer than `threshold` took part (threshold is `min`, or the team size when the team
 *   has exactly min + 1 members, where the range below would pin the number down);
 * - `range`: between `from` and `to` took part, because fewer than `min` did not (an exact rate would
 *   single out the few who stayed away).
 */
export type Participation =
  | { shown: 'exact'; participants: number; members?: number; percent?: number }
  | { shown: 'fewerThan'; threshold: number; members?: number }
  | { shown: 'range'; from: number; to: number; members: number };

/** applies the differencing rule to one week's count of participants of a team with memberCount members (if known). */
export function participationOf(
  participants: number,
  memberCount: number | undefined,
  minGroupSize: number,
): Participation {
  const min = effectiveMinGroupSize(minGroupSize);
  const p = Math.max(0, Math.floor(participants));
  // a roster can lag behind: someone who took part is a member.
  const members = memberCount === undefined ? undefined : Math.max(Math.floor(memberCount), p);
  if (members === undefined)
    return p < min ? { shown: 'fewerThan', threshold: min } : { shown: 'exact', participants: p };
  const from = Math.max(min, members - min + 1);
  const to = members - 1;
  const rangeIsOneNumber = from === to;
  if (p < min || (rangeIsOneNumber && p === from))
    return { shown: 'fewerThan', threshold: rangeIsOneNumber ? members : min, members };
  if (p >= from && p <= to) return { shown: 'range', from, to, members };
  return { shown: 'exact', participants: p, members, percent: members === 0 ? 0 : Math.round((p * 100) / members) };
}

/** a week-over-week change; only between two exact weeks. */
export interface ParticipationChange {
  people: number;
  /** percentage points, when both weeks have a known team size. */
  percentPoints?: number;
}

/** the change from last week to this week, or undefined when either week is not shown exactly. */
export function participationChange(current: Participation, previous: Participation): ParticipationChange | undefined {
  if (current.shown !== 'exact' || previous.shown !== 'exact') return undefined;
  const people = current.participants - previous.participants;
  if (current.percent === undefined || previous.percent === undefined) return { people };
  return { people, percentPoints: current.percent - previous.percent };
}
