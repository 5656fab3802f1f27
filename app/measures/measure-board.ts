import type { TeamRecord } from '../../core/installations';
import type { Locale } from '../../core/locale';
import type { VERBS } from '../../core/card-actions';
import type { MeasureFilter } from '../../core/measures/measure-actions';
import { messages } from '../../core/messages';
import { describeProblem, fail, ok } from '../../core/problems';
import { teamName, teamsOfPerson } from '../teams';
import type { ActionHandler, CommandHandler, Turn } from '../ports/turn';
import { measureFor, viewPlace, visibleMeasures } from './measure-access';
import { renderBoard, renderDetails } from './measure-views';
import type { MeasuresPorts } from './ports';

/** the teams whose measures a person sees in the personal chat: all installed teams for admins, else their own. */
async function teamsForPerson(s: MeasuresPorts, personId: string): Promise<{ teams: TeamRecord[]; admin: boolean }> {
  const admin = await s.isAdmin(personId);
  return { teams: admin ? await s.storage.installations.activeTeams() : await teamsOfPerson(s, personId), admin };
}

/** whether a person manages at least one team: the "create measure" button. */
async function managesAny(s: MeasuresPorts, personId: string, admin: boolean): Promise<boolean> {
  return admin || (await s.storage.roles.teamsLedBy(personId)).length > 0;
}

/** a channel's board of its team, for a viewer (their forms) or neutral (what everyone in the channel sees). */
async function channelBoard(
  turn: Turn<MeasuresPorts>,
  team: TeamRecord,
  filter: MeasureFilter,
  viewerId: string | undefined,
) {
  const { s, facts } = turn;
  return renderBoard(s, facts.locale, {
    teams: [{ team, measures: await visibleMeasures(s, team, viewPlace(facts, turn.personId)) }],
    ...(viewerId !== undefined ? { viewerId } : { refreshUserId: facts.userId }),
    title: messages(facts.locale).measuresTitle(teamName(team)),
    filter,
    channelTeamId: team.teamId,
    newMeasure: viewerId !== undefined && (await managesAny(s, viewerId, await s.isAdmin(viewerId))),
  });
}

/** the personal board: the measures of the person's teams (all teams for admins) they may see. */
async function personalBoard(s: MeasuresPorts, locale: Locale, personId: string, filter: MeasureFilter) {
  const { teams, admin } = await teamsForPerson(s, personId);
  if (teams.length === 0) return undefined;
  const withMeasures = await Promise.all(
    teams.map(async (team) => ({ team, measures: await visibleMeasures(s, team, { personId }) })),
  );
  const m = messages(locale);
  return renderBoard(s, locale, {
    teams: withMeasures,
    viewerId: personId,
    title: admin ? m.measuresTitleAll : teams.length === 1 ? m.measuresTitle(teamName(teams[0]!)) : m.measuresTitleMine,
    filter,
    newMeasure: await managesAny(s, personId, admin),
  });
}

/**
 * `maßnahmen` / `measures`: in a team channel, the team's open measures and those finished lately (private and shared
 * channels' measures only in their channel) as a card everyone sees, with the person asking getting their own view
 * (forms) through the card's refresh; in the personal chat, the measures of the person's teams, for admins of all
 * teams, with the forms they may use. Overdue measures are marked; a status filter narrows the board.
 */
export const measuresCommand: CommandHandler<'measures', MeasuresPorts> = async (turn) => {
  const { s, facts, reply } = turn;
  if (facts.teamId) {
    const team = await turn.team();
    await reply(await channelBoard(turn, team, 'all', undefined));
    return;
  }
  if (!facts.isPersonal) {
    await reply(describeProblem(facts.locale, { key: 'errIdeaWhere' }));
    return;
  }
  const card = await personalBoard(s, facts.locale, turn.personId, 'all');
  await reply(card ?? messages(facts.locale).measuresNoTeam);
};

/** the board again for the person clicking: filtered by status, or a channel board's own view (its refresh). */
export const measureBoardAction: ActionHandler<typeof VERBS.measureBoard, MeasuresPorts> = async (turn, payload) => {
  const { s, facts, personId } = turn;
  if (facts.teamId) {
    if (payload.teamId !== undefined && payload.teamId !== facts.teamId) return fail('errIdeaOtherTeam');
    const team = await s.storage.installations.getTeamRecent(facts.teamId);
    if (!team?.active) return fail('errUnknownTarget');
    return ok(await channelBoard(turn, team, payload.filter, personId));
  }
  const card = await personalBoard(s, facts.locale, personId, payload.filter);
  return card ? ok(card) : fail('errNotTeamMember');
};

/** one measure with its ideas, working group and notes, for anyone who may see it. */
export const measureDetailsAction: ActionHandler<typeof VERBS.measureDetails, MeasuresPorts> = async (
  turn,
  payload,
) => {
  const { s, facts, personId } = turn;
  const found = await measureFor(s, facts, personId, payload);
  if (!found.ok) return found;
  return ok(await renderDetails(s, facts.locale, found.value));
};
