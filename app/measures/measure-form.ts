import { buildMeasureFormCard, buildMeasureTeamPickCard, type MeasureField } from '../../cards/measure-form-card';
import type { CardNotice } from '../../cards/item-card';
import { asAttachment, type CardAttachment } from '../../cards/render';
import type { VERBS } from '../../core/card-actions';
import { previousWeeks } from '../../core/digest/digest-week';
import { shorten } from '../../core/ideas/idea-status';
import type { IdeaRecord } from '../../core/ideas/idea-record';
import { channelOfConversation, type TeamRecord } from '../../core/installations';
import { isoWeekKey } from '../../core/iso-week';
import type { Item } from '../../core/items';
import type { Locale } from '../../core/locale';
import { MEASURE_LIMITS, measureFormSchema } from '../../core/measures/measure';
import type { MeasureCreatePayload } from '../../core/measures/measure-actions';
import { messages } from '../../core/messages';
import { describeProblem, fail, ok, type Outcome, type ProblemKey } from '../../core/problems';
import { visibleIdea } from '../ideas';
import { channelsVisible, managesTeam, placeOfIdea, teamName } from '../teams';
import type { ActionHandler, CommandHandler, TurnFacts } from '../ports/turn';
import { viewPlace } from './measure-access';
import { deliveryLines, followAndTell } from './measure-notices';
import { renderDetails, today } from './measure-views';
import type { MeasuresPorts } from './ports';

/** the owner list offers at most this many members of the team (the choice filters as one types). */
const OWNERS_LISTED = 250;
/** the form offers the team's accepted ideas of this many recent weeks besides those it starts from. */
const IDEA_WEEKS = 12;

/** the teams a person may create measures for: every installed team for admins, else the teams they lead. */
async function managedTeams(s: MeasuresPorts, personId: string): Promise<TeamRecord[]> {
  const active = await s.storage.installations.activeTeams();
  if (await s.isAdmin(personId)) return active;
  const led = new Set((await s.storage.roles.teamsLedBy(personId)).map((g) => g.teamId));
  return active.filter((t) => led.has(t.teamId));
}

/** the team's members as owner choices, by name, the person asking first. */
async function ownerChoices(s: MeasuresPorts, team: TeamRecord, personId: string) {
  const members = await s.roster.members(team);
  const sorted = [...new Map(members.map((m) => [m.aadObjectId, m])).values()].sort((a, b) =>
    a.aadObjectId === personId ? -1 : b.aadObjectId === personId ? 1 : a.name.localeCompare(b.name, 'de'),
  );
  return sorted.slice(0, OWNERS_LISTED).map((m) => ({ id: m.aadObjectId, name: m.name || m.upn || m.aadObjectId }));
}

/**
 * the ideas a measure of a team can take up, as the person sees them here: those it starts from, the ideas of the
 * closed prompt it comes from, and the team's accepted and in-progress ideas of recent weeks. Anonymous ideas only
 * once their texts may be shown; ideas of private and shared channels only where those are seen.
 */
async function ideaChoices(
  s: MeasuresPorts,
  facts: Pick<TurnFacts, 'teamId' | 'conversationId'>,
  personId: string,
  team: TeamRecord,
  start: { ideaIds: string[]; item?: Item },
): Promise<IdeaRecord[]> {
  const current = isoWeekKey(s.now(), s.config.timeZone);
  const recent = await s.storage.ideas.ofTeamRecent(team.teamId, [...previousWeeks(current, IDEA_WEEKS - 1), current]);
  const fromItem = start.item?.kind === 'idea' ? await s.storage.ideas.ofItem(start.item.id) : [];
  const ids = [
    ...start.ideaIds,
    ...fromItem.map((i) => i.ideaId),
    ...recent.filter((i) => i.status === 'accepted' || i.status === 'inProgress').map((i) => i.ideaId),
  ];
  const seen = new Set<string>();
  const out: IdeaRecord[] = [];
  for (const id of ids) {
    if (seen.has(id) || out.length >= MEASURE_LIMITS.ideas) continue;
    seen.add(id);
    const idea = await visibleIdea(s, id);
    if (idea?.teamId === team.teamId) out.push(idea);
  }
  const shown = await channelsVisible(
    s,
    team,
    viewPlace(facts, personId),
    out.map((i) => placeOfIdea(i).channelId),
  );
  return out.filter((i) => shown(placeOfIdea(i).channelId));
}

/** the form as first shown, or again with what was sent and the problems under the fields. */
async function formCard(
  s: MeasuresPorts,
  facts: Pick<TurnFacts, 'teamId' | 'conversationId' | 'locale'>,
  personId: string,
  team: TeamRecord,
  values: Omit<MeasureCreatePayload, 'teamId' | 'itemId'>,
  item: Item | undefined,
  errors: Partial<Record<MeasureField, string>> = {},
): Promise<CardAttachment> {
  const [owners, ideas] = await Promise.all([
    ownerChoices(s, team, personId).catch((err: unknown) => {
      s.log.warn({ err, teamId: team.teamId }, 'roster for the owner choice not read');
      return [];
    }),
    ideaChoices(s, facts, personId, team, { ideaIds: values.ideaIds, ...(item ? { item } : {}) }),
  ]);
  return asAttachment(
    buildMeasureFormCard({
      locale: facts.locale,
      teamId: team.teamId,
      teamName: teamName(team),
      ...(item ? { item: { itemId: item.id, question: item.question } } : {}),
      owners,
      ideas: ideas.map((i) => ({ id: i.ideaId, text: i.text })),
      values,
      today: today(s),
      errors,
    }),
  );
}

/** the installed, active team a measure is for, if the person manages it. */
async function managedTeam(s: MeasuresPorts, teamId: string, personId: string): Promise<Outcome<TeamRecord>> {
  const team = await s.storage.installations.getTeamRecent(teamId);
  if (!team?.active) return fail('errUnknownTarget');
  if (!(await managesTeam(s, team.teamId, personId))) return fail('errMeasureNotAllowed');
  return ok(team);
}

/** the team choice when a person manages several teams. */
function teamPick(locale: Locale, teams: TeamRecord[], notice?: CardNotice): CardAttachment {
  return asAttachment(
    buildMeasureTeamPickCard(
      locale,
      teams.map((t) => ({ teamId: t.teamId, name: teamName(t) })),
      notice,
    ),
  );
}

const EMPTY_VALUES = { title: '', description: '', ownerId: '', dueDate: '', ideaIds: [] as string[], group: false };

/**
 * `maßnahme neu` / `new measure`: the form of a new measure. In a team channel for that team, in the personal chat
 * for the one team the person manages, or a choice of team. Only leaders of the team and admins.
 */
export const newMeasureCommand: CommandHandler<'newMeasure', MeasuresPorts> = async (turn) => {
  const { s, facts, personId, reply } = turn;
  if (facts.teamId) {
    const team = await turn.team();
    if (!(await managesTeam(s, team.teamId, personId))) {
      await reply(describeProblem(facts.locale, { key: 'errMeasureNotAllowed' }));
      return;
    }
    await reply(await formCard(s, facts, personId, team, { ...EMPTY_VALUES, ownerId: personId }, undefined));
    return;
  }
  const teams = await managedTeams(s, personId);
  const [only] = teams;
  if (!only) await reply(describeProblem(facts.locale, { key: 'errMeasureNoManagedTeam' }));
  else if (teams.length === 1)
    await reply(await formCard(s, facts, personId, only, { ...EMPTY_VALUES, ownerId: personId }, undefined));
  else await reply(teamPick(facts.locale, teams));
};

/**
 * opens the form of a new measure: from an idea (its team, the idea ticked, its text as the title), from a closed
 * poll or prompt, for a team, or after the team was picked; without any of these, the team choice.
 */
export const measureFormAction: ActionHandler<typeof VERBS.measureForm, MeasuresPorts> = async (turn, payload) => {
  const { s, facts, personId } = turn;
  const idea = payload.ideaId !== undefined ? await visibleIdea(s, payload.ideaId) : undefined;
  if (payload.ideaId !== undefined && !idea) return fail('errIdeaNotFound');
  const item = payload.itemId !== undefined ? await s.storage.items.get(payload.itemId) : undefined;
  if (payload.itemId !== undefined && !item) return fail('errItemNotFound');
  if (item && item.status !== 'closed') return fail('errMeasureItemOpen');
  const teamId = payload.pickedTeam ?? idea?.teamId ?? item?.teamId ?? payload.teamId ?? facts.teamId;
  if (teamId === undefined) {
    const teams = await managedTeams(s, personId);
    if (teams.length === 0) return fail('errMeasureNoManagedTeam');
    return ok(teamPick(facts.locale, teams));
  }
  if ((idea && idea.teamId !== teamId) || (item && item.teamId !== teamId)) return fail('errMeasureIdeaOtherTeam');
  const team = await managedTeam(s, teamId, personId);
  if (!team.ok) return team;
  const title = idea
    ? shorten(idea.text, MEASURE_LIMITS.title)
    : item
      ? shorten(item.question, MEASURE_LIMITS.title)
      : '';
  return ok(
    await formCard(
      s,
      facts,
      personId,
      team.value,
      { ...EMPTY_VALUES, title, ownerId: personId, ideaIds: idea ? [idea.ideaId] : [] },
      item,
    ),
  );
};

/** the channel a new measure belongs to: that of its ideas or poll, else the channel it was created in (not General). */
function channelOf(
  team: TeamRecord,
  ideas: IdeaRecord[],
  item: Item | undefined,
  facts: Pick<TurnFacts, 'teamId' | 'conversationId'>,
): string | undefined {
  const here = facts.teamId !== undefined ? channelOfConversation(facts.conversationId) : undefined;
  const candidates = [...ideas.map((i) => placeOfIdea(i).channelId), item?.channelId, here];
  return candidates.find((c): c is string => c !== undefined && c !== team.teamId);
}

/**
 * creates a measure from the form: a leader of the team or an admin; title, owner and date checked
 * (measureFormSchema), the date not in the past, the owner on the team's roster, the ideas of the team and visible
 * to the person. Problems show under their fields with everything typed kept. Then its ideas follow, their named
 * authors and backers are told, the creation is audited, and the card shows the new measure with who was told.
 */
export const measureCreateAction: ActionHandler<typeof VERBS.measureCreate, MeasuresPorts> = async (turn, form) => {
  const { s, facts, personId } = turn;
  const found = await managedTeam(s, form.teamId, personId);
  if (!found.ok) return found;
  const team = found.value;
  const item = form.itemId !== undefined ? await s.storage.items.get(form.itemId) : undefined;
  if (form.itemId !== undefined && (!item || item.teamId !== team.teamId)) return fail('errItemNotFound');
  if (item && item.status !== 'closed') return fail('errMeasureItemOpen');
  const m = messages(facts.locale);
  const errors: Partial<Record<MeasureField, string>> = {};
  const say = (key: ProblemKey) => describeProblem(facts.locale, { key });
  const parsed = measureFormSchema.safeParse({
    title: form.title,
    description: form.description,
    ownerId: form.ownerId,
    dueDate: form.dueDate,
  });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as MeasureField;
      if (errors[field] === undefined && issue.message.startsWith('err'))
        errors[field] = say(issue.message as ProblemKey);
    }
  const day = form.dueDate.trim();
  if (errors.dueDate === undefined && day < today(s)) errors.dueDate = say('errMeasureDatePast');
  const ownerId = form.ownerId.trim();
  const owner = errors.ownerId === undefined ? await s.membership.member(team, ownerId) : undefined;
  if (errors.ownerId === undefined && !owner) errors.ownerId = say('errMeasureOwnerNotMember');
  const ideas: IdeaRecord[] = [];
  for (const id of form.ideaIds) {
    const idea = await visibleIdea(s, id);
    if (idea?.teamId === team.teamId) ideas.push(idea);
    else errors.ideaIds = say('errMeasureIdeaOtherTeam');
  }
  if (!parsed.success || !owner || Object.keys(errors).length > 0) {
    const values = {
      title: form.title,
      description: form.description,
      ownerId: form.ownerId,
      dueDate: form.dueDate,
      ideaIds: form.ideaIds,
      group: form.group,
    };
    return ok(await formCard(s, facts, personId, team, values, item, errors));
  }
  const at = s.now();
  const channelId = channelOf(team, ideas, item, facts);
  const measure = await s.storage.measures.create(
    {
      teamId: team.teamId,
      title: parsed.data.title,
      description: parsed.data.description,
      ownerId: owner.aadObjectId,
      ownerName: owner.name,
      dueDate: parsed.data.dueDate,
      ideaIds: ideas.map((i) => i.ideaId),
      ...(item ? { itemId: item.id } : {}),
      ...(channelId !== undefined ? { channelId } : {}),
      volunteersAsGroup: form.group,
      createdById: personId,
      createdByName: facts.userName,
      createdAt: at,
    },
    at,
  );
  await s.storage.audit.record({
    actorId: personId,
    ...(facts.userName ? { actorName: facts.userName } : {}),
    action: 'measure.create',
    target: measure.measureId,
    details: { team: team.teamId, ideas: measure.ideaIds.length, item: item?.id ?? '', due: measure.dueDate },
    at,
  });
  s.log.info({ measureId: measure.measureId, teamId: team.teamId, ideas: measure.ideaIds.length }, 'measure created');
  const told = await followAndTell(s, measure, { kind: 'created' }, personId);
  const canManage = true;
  return ok(
    await renderDetails(
      s,
      facts.locale,
      { team, measure, canManage, canNote: canManage },
      { kind: 'good', text: m.measureCreated(measure.title), lines: deliveryLines(facts.locale, measure, told) },
    ),
  );
};
