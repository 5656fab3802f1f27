import { addWeeks } from '../../core/digest/digest-week';
import { rangeMoments, type ExportRange } from '../../core/export/export-range';
import type { RangeExportRequest } from '../../core/export/export-request';
import { rangeCsv, type RangeCsvChatIdea, type RangeCsvItem, type RangeCsvMeasure } from '../../core/export/range-csv';
import type { TeamRecord } from '../../core/installations';
import { isoWeekKey } from '../../core/iso-week';
import type { Item } from '../../core/items';
import type { Locale } from '../../core/locale';
import { OPEN_STATUSES } from '../../core/measures/measure';
import { messages } from '../../core/messages';
import { channelsVisible, placeOfIdea, teamName } from '../teams';
import { csvItem, exportScope, type ExportScope } from './campaign-export';
import type { DownloadFile } from './download-links';
import type { ExportsPorts } from './ports';

/** a built range export and what it holds, for the card and the audit log. */
export interface RangeExport {
  fileName: string;
  csv: string;
  items: number;
  chatIdeas: number;
  measures: number;
  teams: number;
}

/** the ISO weeks (in the time zone) from the week of `start` to the week of the last moment before `end`. */
function weeksOf(moments: { start: Date; end: Date }, timeZone: string): string[] {
  const last = isoWeekKey(new Date(moments.end.getTime() - 1), timeZone);
  const weeks: string[] = [];
  for (let w = isoWeekKey(moments.start, timeZone); w <= last && weeks.length < 60; w = addWeeks(w, 1)) weeks.push(w);
  return weeks;
}

/** the teams a scope exports: every installed team for admins, the teams a leader leads. */
async function teamsOf(s: ExportsPorts, scope: ExportScope): Promise<TeamRecord[]> {
  if (scope.kind === 'all') return s.storage.installations.activeTeams();
  const found = await Promise.all([...scope.teamIds].map((id) => s.storage.installations.getTeam(id)));
  return found.filter((t): t is TeamRecord => t !== undefined);
}

/**
 * one team's part of a range export: the polls and idea prompts closed in the range (found by the weeks they closed
 * in) or posted in it and still open, the ideas sent with `idee` in the range (the team's week partitions), and the
 * measures alive in the range (created before its end and open, or changed within it). A leader sees a private or
 * shared channel's items only as a member of it (channelsVisible), as in the digest; admins see everything.
 */
async function teamPart(
  s: ExportsPorts,
  scope: ExportScope,
  team: TeamRecord,
  moments: { start: Date; end: Date },
  personId: string,
): Promise<{ items: RangeCsvItem[]; chatIdeas: RangeCsvChatIdea[]; measures: RangeCsvMeasure[] }> {
  const within = (at: Date | undefined) =>
    at !== undefined && at.getTime() >= moments.start.getTime() && at.getTime() < moments.end.getTime();
  const weeks = weeksOf(moments, s.config.timeZone);
  const [closed, open, ideas, measures] = await Promise.all([
    Promise.all(weeks.map((w) => s.storage.items.closedInTeamWeek(team.teamId, w))).then((l) => l.flat()),
    s.storage.items.openOfTeam(team.teamId),
    Promise.all(weeks.map((w) => s.storage.ideas.ofTeamWeek(team.teamId, w))).then((l) => l.flat()),
    s.storage.measures.ofTeam(team.teamId),
  ]);
  const items = [
    ...new Map(
      [...closed.filter((i) => within(i.closedAt)), ...open.filter((i) => within(i.createdAt))].map((i) => [i.id, i]),
    ).values(),
  ];
  const chat = ideas.filter((i) => i.itemId === undefined && !i.anonymous && within(i.createdAt));
  const visible =
    scope.kind === 'all'
      ? () => true
      : await channelsVisible(s, team, { personId }, [
          ...items.map((i) => i.channelId),
          ...chat.map((i) => placeOfIdea(i).channelId),
        ]);
  const name = teamName(team);
  const shownItems = items.filter((i) => visible(i.channelId));
  return {
    items: await Promise.all(
      shownItems.map(async (item: Item) => ({ postedAt: item.createdAt, item: await csvItem(s, item, name) })),
    ),
    chatIdeas: chat
      .filter((i) => visible(placeOfIdea(i).channelId))
      .map((i) => ({
        teamName: name,
        createdAt: i.createdAt,
        text: i.text,
        status: i.status,
        supportCount: i.supportCount,
        volunteerCount: i.volunteerCount,
        ...(i.authorName !== undefined && { authorName: i.authorName }),
      })),
    measures: measures
      .filter(
        (x) =>
          x.createdAt.getTime() < moments.end.getTime() &&
          (OPEN_STATUSES.has(x.status) || x.statusAt.getTime() >= moments.start.getTime() || within(x.lastNote?.at)),
      )
      .map((x) => ({
        teamName: name,
        createdAt: x.createdAt,
        title: x.title,
        description: x.description,
        status: x.status,
        ...(x.statusReason !== undefined && { statusReason: x.statusReason }),
        ownerName: x.ownerName,
        dueDate: x.dueDate,
        ...(x.lastNote && { lastNote: x.lastNote.text }),
      })),
  };
}

/**
 * the CSV of everything said in a date range within the scope (core/export/range-csv.ts applies the thresholds and
 * anonymity rules of the campaign export). Rows are ordered by day, then team.
 */
export async function buildRangeExport(
  s: ExportsPorts,
  scope: ExportScope,
  range: ExportRange,
  locale: Locale,
  personId: string,
): Promise<RangeExport> {
  const moments = rangeMoments(range, s.config.timeZone);
  const teams = await teamsOf(s, scope);
  const parts = await Promise.all(teams.map((t) => teamPart(s, scope, t, moments, personId)));
  const byDay =
    <T>(at: (x: T) => Date, team: (x: T) => string) =>
    (a: T, b: T) =>
      at(a).getTime() - at(b).getTime() || team(a).localeCompare(team(b), locale);
  const items = parts
    .flatMap((p) => p.items)
    .sort(
      byDay(
        (x) => x.postedAt,
        (x) => x.item.teamName,
      ),
    );
  const chatIdeas = parts
    .flatMap((p) => p.chatIdeas)
    .sort(
      byDay(
        (x) => x.createdAt,
        (x) => x.teamName,
      ),
    );
  const measures = parts
    .flatMap((p) => p.measures)
    .sort(
      byDay(
        (x) => x.createdAt,
        (x) => x.teamName,
      ),
    );
  const csv = rangeCsv({
    locale,
    timeZone: s.config.timeZone,
    minGroupSize: s.config.minGroupSize,
    minGroupSizeText: s.config.minGroupSizeText,
    items,
    chatIdeas,
    measures,
  });
  return {
    fileName: messages(locale).exportRangeFileName(range.from, range.to),
    csv,
    items: items.length,
    chatIdeas: chatIdeas.length,
    measures: measures.length,
    teams: teams.length,
  };
}

/** the file behind a range download link, rebuilt with the person's current permissions, and audited. */
export async function rangeFileFor(s: ExportsPorts, request: RangeExportRequest): Promise<DownloadFile | 'forbidden'> {
  const scope = await exportScope(s, request.personId);
  if (!scope) return 'forbidden';
  const built = await buildRangeExport(s, scope, request, request.locale, request.personId);
  await s.storage.audit.record({
    actorId: request.personId,
    action: 'export.download',
    target: `${request.from}..${request.to}`,
    details: {
      scope: scope.kind,
      items: built.items,
      ideas: built.chatIdeas,
      measures: built.measures,
      teams: built.teams,
    },
    at: s.now(),
  });
  return { fileName: built.fileName, contentType: 'text/csv; charset=utf-8', body: built.csv };
}
