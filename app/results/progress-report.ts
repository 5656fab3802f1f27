import { addWeeks } from '../../core/digest/digest-week';
import type { IdeaRecord } from '../../core/ideas/idea-record';
import type { TeamRecord } from '../../core/installations';
import { isoWeekKey } from '../../core/iso-week';
import type { Measure } from '../../core/measures/measure';
import { monthRange, type MonthKey } from '../../core/progress/progress-schedule';
import { monthProgress, type ProgressReport } from '../../core/results/progress';
import { channelsVisible, placeOfIdea, teamName } from '../teams';
import type { ResultsPorts } from './ports';

/** how far back ideas are read to find those decided in the month: ideas sent in the half year before it. */
export const DECIDED_LOOKBACK_WEEKS = 26;

const inRange = (at: Date | undefined, range: { start: Date; end: Date }) =>
  at !== undefined && at.getTime() >= range.start.getTime() && at.getTime() < range.end.getTime();

/** the ISO weeks from `lookback` weeks before a range's start to the week of its last instant. */
function weeksOf(range: { start: Date; end: Date }, timeZone: string, lookback: number): string[] {
  const last = isoWeekKey(new Date(range.end.getTime() - 1), timeZone);
  const weeks: string[] = [];
  for (let w = addWeeks(isoWeekKey(range.start, timeZone), -lookback); ; w = addWeeks(w, 1)) {
    weeks.push(w);
    if (w === last || weeks.length > lookback + 10) break;
  }
  return weeks;
}

/**
 * what moved in a team in a month, as its General channel may see it: measures (created, status changed, done),
 * progress notes written, and ideas decided. A measure whose item or ideas come from a private or shared channel, and
 * such ideas, stay out (channelsVisible as shown in General). Reads the team's measure partition, the notes of the
 * measures noted in the month, and the idea partitions of the month and the half year before it.
 */
export async function teamProgress(
  s: ResultsPorts,
  team: TeamRecord,
  month: MonthKey,
): Promise<ProgressReport | undefined> {
  const range = monthRange(month, s.config.timeZone);
  const [allMeasures, recentIdeas] = await Promise.all([
    s.storage.measures.ofTeam(team.teamId),
    s.storage.ideas.ofTeamRecent(team.teamId, weeksOf(range, s.config.timeZone, DECIDED_LOOKBACK_WEEKS)),
  ]);
  const touched = allMeasures.filter(
    (m) => inRange(m.createdAt, range) || inRange(m.statusAt, range) || (m.lastNote && m.lastNote.at >= range.start),
  );
  const decided = recentIdeas.filter((i) => inRange(i.statusAt, range));
  const sources = await Promise.all(touched.map((m) => sourceChannels(s, m)));
  const visible = await channelsVisible(s, team, { shownIn: team.teamId }, [
    ...sources.flat(),
    ...decided.map((i) => placeOfIdea(i).channelId),
  ]);
  const measures = touched.filter((_, i) => sources[i]!.every(visible));
  const notes = await Promise.all(
    measures
      .filter((m) => m.lastNote && m.lastNote.at >= range.start)
      .map(async (m) => (await s.storage.measures.notes(m.measureId, 500)).filter((n) => inRange(n.at, range)).length),
  );
  return monthProgress({
    month,
    teamName: teamName(team),
    range,
    measures,
    notes: notes.reduce((a, b) => a + b, 0),
    ideas: decided.filter((i) => visible(placeOfIdea(i).channelId)),
  });
}

/** the channels a measure's sources sit in: its item's, and each of its ideas' (undefined: the team as a whole). */
async function sourceChannels(s: ResultsPorts, m: Measure): Promise<(string | undefined)[]> {
  const item = m.itemId ? await s.storage.items.get(m.itemId) : undefined;
  const ideas = (await Promise.all(m.ideaIds.map((id) => s.storage.ideas.get(id)))).filter(
    (i): i is IdeaRecord => i !== undefined,
  );
  return [...(item ? [item.channelId] : []), ...ideas.map((i) => placeOfIdea(i).channelId)];
}
