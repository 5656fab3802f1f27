import {
  assembleDigest,
  DIGEST_LIMITS,
  type Digest,
  type DigestClosedItemInput,
  type DigestTeamInput,
} from '../../core/digest/digest';
import { trendWeeks, type WeekKey } from '../../core/digest/digest-week';
import { topIdeas } from '../../core/ideas/ranking';
import type { IdeaView } from '../../core/ideas/idea-view';
import type { TeamRecord } from '../../core/installations';
import type { Item } from '../../core/items';
import type { Locale } from '../../core/locale';
import { ideaTextsVisible } from '../../core/tally';
import type { IdeaRecord } from '../../core/ideas/idea-record';
import type { DigestPorts } from './ports';
import { channelsVisible, placeOfIdea } from '../teams';
import { loopInput } from './digest-loop-reader';
import { unitSections } from './unit-rollup-reader';

/** a leader and the teams and units they lead, as the digest is addressed: one digest for all of them. */
export interface DigestLeader {
  personId: string;
  name: string;
  teamIds: string[];
  /** units of the organisation file the leader leads; their teams below are rolled up (app/digest/unit-rollup-reader.ts). */
  unitIds?: string[];
}

/**
 * reads a leader's digest of one ISO week from storage and assembles it (core/digest). Per team it reads the trend
 * weeks' participation partitions, the week's idea partition, the index of items closed in the week (with the ideas
 * of anonymous prompts among them), and the team's open items, so it costs what those weeks hold, not the history. Teams without a stored record are left out.
 */
export async function buildLeaderDigest(
  s: DigestPorts,
  leader: DigestLeader,
  week: WeekKey,
  options: { interim: boolean; locale: Locale },
): Promise<Digest> {
  const records = await Promise.all([...new Set(leader.teamIds)].map((id) => s.storage.installations.getTeam(id)));
  const teams = records
    .filter((t): t is TeamRecord => t !== undefined)
    .sort((a, b) => (a.name || a.teamId).localeCompare(b.name || b.teamId, options.locale));
  const unitIds = leader.unitIds ?? [];
  const units =
    unitIds.length === 0
      ? undefined
      : await unitSections(
          s,
          await s.storage.org.organisation(),
          { personId: leader.personId, unitIds, teamSections: new Set(teams.map((t) => t.teamId)) },
          week,
        );
  const digest = assembleDigest({
    leader: { id: leader.personId, name: leader.name },
    week,
    interim: options.interim,
    timeZone: s.config.timeZone,
    locale: options.locale,
    minGroupSize: s.config.minGroupSize,
    minGroupSizeText: s.config.minGroupSizeText,
    teams: await Promise.all(teams.map((team) => teamInput(s, team, week, leader.personId))),
    loopClock: { now: s.now(), decisionDueDays: s.config.decisionDueDays },
  });
  return units ? { ...digest, units } : digest;
}

/**
 * one team's figures for the week, as the leader may see them: items and ideas of a private or shared channel only
 * when the leader belongs to that channel (channelsVisible); the participation counts cover the whole team.
 */
async function teamInput(s: DigestPorts, team: TeamRecord, week: WeekKey, leaderId: string): Promise<DigestTeamInput> {
  const { storage } = s;
  const [memberCount, participantsByWeek, allIdeas, allClosed, allOpen, loop] = await Promise.all([
    team.active ? memberCountOf(s, team) : undefined,
    storage.weeklyParticipation.participantsByWeek(team.teamId, trendWeeks(week)),
    storage.ideas.ofTeamWeek(team.teamId, week),
    storage.items.closedInTeamWeek(team.teamId, week),
    storage.items.openOfTeam(team.teamId),
    loopInput(s, team, leaderId),
  ]);
  const visible = await channelsVisible(
    s,
    team,
    { personId: leaderId },
    [...allClosed, ...allOpen, ...allIdeas.map(placeOfIdea)].map((p) => p.channelId),
  );
  const closedInWeek = allClosed.filter((i) => visible(i.channelId));
  const open = allOpen.filter((i) => visible(i.channelId));
  const ideas = allIdeas.filter((i) => visible(placeOfIdea(i).channelId));
  return {
    teamId: team.teamId,
    teamName: team.name || team.teamId,
    memberCount,
    participantsByWeek,
    newIdeas: await ideaViews(s, [
      ...ideas.filter((i) => !i.anonymous),
      ...(await ideasOfAnonymousPrompts(s, closedInWeek)),
    ]),
    closedItems: await Promise.all(closedInWeek.map((item) => closedItemInput(s, item))),
    openItems: open.map((i) => ({ itemId: i.id, question: i.question, ...(i.closesAt && { closesAt: i.closesAt }) })),
    loop,
  };
}

/**
 * the ideas of the anonymous prompts that closed in the week, each prompt whole: anonymous ideas are never counted or
 * cut by the week they were sent in, only shown together once their prompt has closed (and then from the text threshold).
 */
export async function ideasOfAnonymousPrompts(s: DigestPorts, closed: Item[]): Promise<IdeaRecord[]> {
  const prompts = closed.filter((i) => i.kind === 'idea' && i.anonymous);
  return (await Promise.all(prompts.map((p) => s.storage.ideas.ofItem(p.id)))).flat();
}

/** the team's size from the Teams roster; undefined when it cannot be read (then no rate is shown). */
async function memberCountOf(s: DigestPorts, team: TeamRecord): Promise<number | undefined> {
  try {
    return (await s.roster.members(team)).length;
  } catch (err) {
    s.log.warn({ err, teamId: team.teamId }, 'team roster not readable; digest shows counts without a rate');
    return undefined;
  }
}

async function closedItemInput(s: DigestPorts, item: Item): Promise<DigestClosedItemInput> {
  const base = {
    itemId: item.id,
    question: item.question,
    kind: item.kind,
    ...(item.pollKind && { pollKind: item.pollKind }),
    anonymous: item.anonymous,
    options: item.options,
    closedAt: item.closedAt!,
  };
  if (item.kind === 'poll') {
    const tally = await s.storage.responses.tally(item);
    return { ...base, tally, participants: tally.voters };
  }
  return { ...base, participants: (await s.storage.responses.ideaStats(item)).participants };
}

/**
 * the week's ideas as the digest sees them: each with its prompt's participant count and whether it closed (anonymous
 * ideas show only after closing and from the minimum group size); volunteer names are read only for the named ideas that
 * can make the top list, anonymous ideas carry only a count. Ideas without a prompt count as an open prompt with no
 * participants.
 */
async function ideaViews(s: DigestPorts, ideas: IdeaRecord[]): Promise<IdeaView[]> {
  const prompts = [...new Set(ideas.map((i) => i.itemId).filter((id): id is string => id !== undefined))];
  const promptState = new Map(
    await Promise.all(
      prompts.map(async (id) => {
        const item = await s.storage.items.get(id);
        return [
          id,
          {
            participants: item ? await s.storage.responses.participantCount(item) : 0,
            closed: item?.status === 'closed',
          },
        ] as const;
      }),
    ),
  );
  const views: IdeaView[] = ideas.map((r) => ({
    ideaId: r.ideaId,
    itemId: r.itemId ?? '',
    text: r.text,
    status: r.status,
    supportCount: r.supportCount,
    volunteers: Array.from({ length: r.volunteerCount }, () => ({ name: '' })),
    anonymous: r.anonymous,
    ...(!r.anonymous && r.authorName !== undefined && { authorName: r.authorName }),
    createdAt: r.createdAt,
    promptParticipants: (r.itemId && promptState.get(r.itemId)?.participants) || 0,
    promptClosed: (r.itemId && promptState.get(r.itemId)?.closed) || false,
  }));
  const visible = views.filter((v) =>
    ideaTextsVisible(
      { anonymous: v.anonymous, closed: v.promptClosed, participants: v.promptParticipants },
      s.config.minGroupSizeText,
    ),
  );
  const candidates = topIdeas(visible, DIGEST_LIMITS.topIdeas);
  await Promise.all(
    candidates
      .filter((v) => !v.anonymous && v.volunteers.length > 0)
      .map(async (v) => {
        v.volunteers = (await s.storage.ideas.volunteersOf(v.ideaId)).map((p) => ({ name: p.name }));
      }),
  );
  return views;
}
