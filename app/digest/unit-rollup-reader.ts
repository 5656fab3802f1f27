import type { WeekKey } from '../../core/digest/digest-week';
import { DIGEST_LIMITS } from '../../core/digest/digest';
import type { IdeaRecord } from '../../core/ideas/idea-record';
import type { TeamRecord } from '../../core/installations';
import { parentChain, teamsBelow, type Organisation } from '../../core/org/org-units';
import {
  rollUpParticipation,
  rollUpPolls,
  type DigestUnitSection,
  type RollupPollAnswer,
  type RollupTeamFigures,
  type UnitIdea,
} from '../../core/org/unit-rollup';
import { ideaTextsVisible } from '../../core/tally';
import { channelsVisible, placeOfIdea } from '../teams';
import type { DigestPorts } from './ports';

/** what one team below a unit adds to the roll-up, as the leader may see it. */
interface TeamPart {
  figures: RollupTeamFigures;
  polls: RollupPollAnswer[];
  ideas: UnitIdea[];
}

/**
 * the unit sections of a leader's digest for the units they lead (a unit below another unit they lead is part of
 * that one, not a section of its own). Per team below the units: its record, the week's participation partition, the
 * week's idea partition and the index of items closed in the week, with the tallies of the polls among them — so a
 * roll-up costs what its teams hold for that week, not the history. Items and ideas of a private or shared channel
 * count only when the leader belongs to that channel (channelsVisible); participation covers the whole team.
 * `teamSections`: the teams whose own section the digest shows, whose exact figures the rule counts as known.
 */
export async function unitSections(
  s: DigestPorts,
  org: Organisation,
  leader: { personId: string; unitIds: readonly string[]; teamSections: ReadonlySet<string> },
  week: WeekKey,
): Promise<DigestUnitSection[]> {
  const led = new Set(leader.unitIds.filter((id) => org.units.some((u) => u.id === id)));
  const outermost = org.units.filter(
    (u) => led.has(u.id) && !parentChain(org, { unitId: u.id }).some((p) => led.has(p.id)),
  );
  const parts = new Map<string, Promise<TeamPart | undefined>>();
  const partOf = (teamId: string) => {
    let part = parts.get(teamId);
    if (!part) parts.set(teamId, (part = teamPart(s, teamId, week, leader.personId)));
    return part;
  };
  return Promise.all(
    outermost.map(async (unit) => {
      const teamParts = (await Promise.all(teamsBelow(org, unit.id).map(partOf))).filter(
        (p): p is TeamPart => p !== undefined,
      );
      const figures = new Map(teamParts.map((p) => [p.figures.teamId, p.figures]));
      const exactElsewhere = new Set([...leader.teamSections].filter((id) => figures.has(id)));
      const ideas = teamParts.flatMap((p) => p.ideas);
      return {
        unitId: unit.id,
        unitName: unit.name,
        participation: rollUpParticipation(org, unit.id, figures, s.config.minGroupSize, exactElsewhere)!,
        newIdeaCount: ideas.length,
        topIdeas: [...ideas].sort((a, b) => b.supportCount - a.supportCount).slice(0, DIGEST_LIMITS.topIdeas),
        polls: rollUpPolls(
          org,
          unit.id,
          teamParts.flatMap((p) => p.polls),
          new Map(teamParts.map((p) => [p.figures.teamId, p.figures.members])),
          s.config.minGroupSize,
        ),
      };
    }),
  );
}

async function teamPart(
  s: DigestPorts,
  teamId: string,
  week: WeekKey,
  leaderId: string,
): Promise<TeamPart | undefined> {
  const team = await s.storage.installations.getTeam(teamId);
  if (!team) return undefined;
  const { storage } = s;
  const [members, participants, weekIdeas, closed] = await Promise.all([
    team.active ? membersOf(s, team) : undefined,
    storage.weeklyParticipation.participants(teamId, week),
    storage.ideas.ofTeamWeek(teamId, week),
    storage.items.closedInTeamWeek(teamId, week),
  ]);
  const visible = await channelsVisible(
    s,
    team,
    { personId: leaderId },
    [...closed, ...weekIdeas.map(placeOfIdea)].map((p) => p.channelId),
  );
  const closedVisible = closed.filter((i) => visible(i.channelId));
  const teamName = team.name || team.teamId;
  const polls = await Promise.all(
    closedVisible
      .filter((i) => i.kind === 'poll')
      .map(async (i): Promise<RollupPollAnswer> => ({
        teamId,
        itemId: i.id,
        question: i.question,
        kind: i.kind,
        ...(i.pollKind && { pollKind: i.pollKind }),
        anonymous: i.anonymous,
        options: i.options,
        createdBy: i.createdBy,
        tally: await storage.responses.tally(i),
      })),
  );
  const anonymousIdeas = await Promise.all(
    closedVisible
      .filter((i) => i.kind === 'idea' && i.anonymous)
      .map(async (prompt) => {
        const participants = (await storage.responses.ideaStats(prompt)).participants;
        return ideaTextsVisible({ anonymous: true, closed: true, participants }, s.config.minGroupSizeText)
          ? storage.ideas.ofItem(prompt.id)
          : [];
      }),
  );
  const ideas: IdeaRecord[] = [
    ...weekIdeas.filter((i) => !i.anonymous && visible(placeOfIdea(i).channelId)),
    ...anonymousIdeas.flat(),
  ];
  return {
    figures: { teamId, teamName, participants, members },
    polls,
    ideas: ideas.map((i) => ({ text: i.text, teamName, supportCount: i.supportCount, anonymous: i.anonymous })),
  };
}

async function membersOf(s: DigestPorts, team: TeamRecord): Promise<number | undefined> {
  try {
    return (await s.roster.members(team)).length;
  } catch (err) {
    s.log.warn({ err, teamId: team.teamId }, 'team roster not readable; the roll-up counts the team without its size');
    return undefined;
  }
}
