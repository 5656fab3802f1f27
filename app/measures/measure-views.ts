import { buildMeasuresCard, type MeasureLine } from '../../cards/measures-card';
import type { CardNotice } from '../../cards/item-card';
import { asAttachment, type CardAttachment } from '../../cards/render';
import { withUserRefresh } from '../../cards/user-refresh';
import { statusLabel } from '../../core/ideas/idea-status';
import type { TeamRecord } from '../../core/installations';
import type { Locale } from '../../core/locale';
import { isOverdue, type Measure } from '../../core/measures/measure';
import { MEASURE_VERBS, type MeasureFilter } from '../../core/measures/measure-actions';
import { BOARD_LIMIT, boardMeasures } from '../../core/measures/measure-board';
import { messages } from '../../core/messages';
import { localDay } from '../../core/retention';
import { visibleIdea } from '../ideas';
import { managesTeam, teamName } from '../teams';
import type { MeasureRights } from './measure-access';
import type { MeasuresPorts } from './ports';

/** today in the configured time zone, `YYYY-MM-DD`: what the overdue mark compares with. */
export function today(s: Pick<MeasuresPorts, 'now' | 'config'>): string {
  return localDay(s.now(), s.config.timeZone);
}

/** a board: whose measures, for whom, with which filter. */
export interface BoardView {
  /** the teams with the measures that may be shown; one team for a channel's board. */
  teams: { team: TeamRecord; measures: Measure[] }[];
  /** the viewer; without one, the neutral view everyone in a channel sees (no forms). */
  viewerId?: string;
  title: string;
  filter: MeasureFilter;
  /** the team of a channel's board (its filter and refresh name it). */
  channelTeamId?: string;
  /** a Teams user id whose client refreshes the channel's card to their own view. */
  refreshUserId?: string;
  /** offer "create measure" (to people who manage a team). */
  newMeasure: boolean;
  notice?: CardNotice & { lines?: string[] };
}

/** the board card: open measures and recently finished ones (or one status), overdue ones marked, forms by rights. */
export async function renderBoard(s: MeasuresPorts, locale: Locale, view: BoardView): Promise<CardAttachment> {
  const day = today(s);
  const rights = new Map<string, boolean>();
  for (const { team } of view.teams)
    rights.set(team.teamId, view.viewerId !== undefined && (await managesTeam(s, team.teamId, view.viewerId)));
  const names = new Map(view.teams.map(({ team }) => [team.teamId, teamName(team)]));
  const several = view.teams.length > 1;
  const ordered = boardMeasures(
    view.teams.flatMap((t) => t.measures),
    s.now(),
    view.filter,
  );
  const lines: MeasureLine[] = ordered.slice(0, BOARD_LIMIT).map((measure) => {
    const canManage = rights.get(measure.teamId) === true;
    return {
      measure,
      ...(several ? { teamName: names.get(measure.teamId) ?? measure.teamId } : {}),
      overdue: isOverdue(measure, day),
      canManage,
      canNote: canManage || (view.viewerId !== undefined && measure.ownerId === view.viewerId),
    };
  });
  const card = buildMeasuresCard({
    locale,
    timeZone: s.config.timeZone,
    title: view.title,
    measures: lines,
    more: ordered.length - lines.length,
    filter: { value: view.filter, ...(view.channelTeamId !== undefined ? { teamId: view.channelTeamId } : {}) },
    filtered: view.filter !== 'all',
    ...(view.newMeasure ? { newMeasure: view.channelTeamId !== undefined ? { teamId: view.channelTeamId } : {} } : {}),
    ...(view.notice ? { notice: view.notice } : {}),
  });
  if (!view.refreshUserId || view.channelTeamId === undefined) return asAttachment(card);
  return asAttachment(
    withUserRefresh(
      card,
      { verb: MEASURE_VERBS.measureBoard, data: { teamId: view.channelTeamId, filter: view.filter } },
      [view.refreshUserId],
    ),
  );
}

/** one measure with its ideas, working group and notes, with the forms the viewer may use. */
export async function renderDetails(
  s: MeasuresPorts,
  locale: Locale,
  rights: MeasureRights,
  notice?: CardNotice & { lines?: string[] },
): Promise<CardAttachment> {
  const { measure, team } = rights;
  const ideas: { text: string; status: string }[] = [];
  let hidden = 0;
  const names = new Set<string>();
  let anonymousVolunteers = 0;
  for (const ideaId of measure.ideaIds) {
    const idea = await visibleIdea(s, ideaId);
    if (!idea || idea.teamId !== measure.teamId) {
      hidden++;
      continue;
    }
    ideas.push({ text: idea.text, status: statusLabel(locale, idea.status) });
    if (measure.volunteersAsGroup) {
      const volunteers = await s.storage.ideas.volunteersOf(ideaId);
      if (idea.anonymous) anonymousVolunteers += volunteers.length;
      else for (const v of volunteers) names.add(v.name);
    }
  }
  const item = measure.itemId !== undefined ? await s.storage.items.get(measure.itemId) : undefined;
  const card = buildMeasuresCard({
    locale,
    timeZone: s.config.timeZone,
    title: messages(locale).measuresTitle(teamName(team)),
    measures: [
      {
        measure,
        overdue: isOverdue(measure, today(s)),
        canManage: rights.canManage,
        canNote: rights.canNote,
      },
    ],
    details: {
      ideas,
      hiddenIdeas: hidden,
      ...(item ? { fromItem: item.question } : {}),
      ...(measure.volunteersAsGroup ? { group: { names: [...names], anonymousCount: anonymousVolunteers } } : {}),
      notes: await s.storage.measures.notes(measure.measureId),
    },
    ...(notice ? { notice } : {}),
  });
  return asAttachment(card);
}
