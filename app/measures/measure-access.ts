import { channelOfConversation, type TeamRecord } from '../../core/installations';
import type { Measure } from '../../core/measures/measure';
import { fail, ok, type Outcome } from '../../core/problems';
import { channelsVisible, managesTeam, teamAccess } from '../teams';
import type { TurnFacts } from '../ports/turn';
import type { MeasuresPorts } from './ports';

/** where a view of measures is shown: a channel (everyone there sees it) or a person alone (personal chat). */
export function viewPlace(
  facts: Pick<TurnFacts, 'teamId' | 'conversationId'>,
  personId: string,
): { shownIn?: string; personId?: string } {
  return facts.teamId !== undefined ? { shownIn: channelOfConversation(facts.conversationId) } : { personId };
}

/** the measures of a team that may be shown where a view is shown (private and shared channels stay with their members). */
export async function visibleMeasures(
  s: MeasuresPorts,
  team: TeamRecord,
  where: { shownIn?: string; personId?: string },
): Promise<Measure[]> {
  const all = await s.storage.measures.ofTeam(team.teamId);
  const shown = await channelsVisible(
    s,
    team,
    where,
    all.map((m) => m.channelId),
  );
  return all.filter((m) => shown(m.channelId));
}

/** what a person may do with a measure they can see. */
export interface MeasureRights {
  team: TeamRecord;
  measure: Measure;
  /** a leader of its team or an admin. */
  canManage: boolean;
  /** a manager or its owner. */
  canNote: boolean;
}

/**
 * a measure as a person may see it where they click: in a channel of its team, if it may be shown there; in the
 * personal chat, if they belong to its team (or lead it, or are an admin) and, for a private or shared channel's
 * measure, to that channel. Anything else is "not found", so card data cannot probe other teams' measures.
 */
export async function measureFor(
  s: MeasuresPorts,
  facts: Pick<TurnFacts, 'teamId' | 'conversationId'>,
  personId: string,
  ref: { teamId: string; measureId: string },
): Promise<Outcome<MeasureRights>> {
  const team = await s.storage.installations.getTeamRecent(ref.teamId);
  const measure = team?.active ? await s.storage.measures.get(ref.teamId, ref.measureId) : undefined;
  if (!team || !measure) return fail('errMeasureNotFound');
  if (facts.teamId !== undefined && facts.teamId !== team.teamId) return fail('errMeasureNotFound');
  const canManage = await managesTeam(s, team.teamId, personId);
  if (facts.teamId === undefined && !canManage) {
    const access = await teamAccess(s, facts, { teamId: team.teamId }, personId, 'team');
    if (!access.ok) return access.problem.key === 'errMembershipUnavailable' ? access : fail('errMeasureNotFound');
  }
  const shown = await channelsVisible(s, team, viewPlace(facts, personId), [measure.channelId]);
  if (!shown(measure.channelId)) return fail('errMeasureNotFound');
  return ok({ team, measure, canManage, canNote: canManage || measure.ownerId === personId });
}
