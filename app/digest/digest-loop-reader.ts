import { WAITING_HORIZON_WEEKS, type DigestLoopInput, type DigestWaitingInput } from '../../core/digest/digest-loop';
import { previousWeeks } from '../../core/digest/digest-week';
import type { IdeaRecord } from '../../core/ideas/idea-record';
import type { TeamRecord } from '../../core/installations';
import { isoWeekKey } from '../../core/iso-week';
import type { Item } from '../../core/items';
import { ideaTextsVisible } from '../../core/tally';
import { channelsVisible, placeOfIdea } from '../teams';
import type { DigestPorts } from './ports';

const DAY_MS = 86_400_000;

/**
 * what the loop section of a team's digest is made of, as a leader may see it: the team's measures (its board, one
 * partition: due, overdue and moved ones are picked from it) and its ideas still new or under review for at least
 * DECISION_DUE_DAYS. Undecided ideas are looked for in the team weeks from WAITING_HORIZON_WEEKS back to the week
 * the decision became due (one partition each), and in the anonymous prompts closed in those weeks, whose ideas
 * count only whole and within the text threshold. Ideas of a private or shared channel only for its members.
 */
export async function loopInput(s: DigestPorts, team: TeamRecord, leaderId: string): Promise<DigestLoopInput> {
  const cutoff = new Date(s.now().getTime() - s.config.decisionDueDays * DAY_MS);
  const last = isoWeekKey(cutoff, s.config.timeZone);
  const weeks = [...previousWeeks(last, WAITING_HORIZON_WEEKS - 1), last];
  const [measures, named, closed] = await Promise.all([
    s.storage.measures.ofTeam(team.teamId),
    Promise.all(weeks.map((w) => s.storage.ideas.ofTeamWeek(team.teamId, w))).then((l) => l.flat()),
    Promise.all(weeks.map((w) => s.storage.items.closedInTeamWeek(team.teamId, w))).then((l) => l.flat()),
  ]);
  const undecided = (i: IdeaRecord) => i.status === 'new' || i.status === 'review';
  const anonymous = await ideasOfShownAnonymousPrompts(
    s,
    closed.filter((i) => i.kind === 'idea' && i.anonymous),
  );
  const candidates = [...named.filter((i) => !i.anonymous), ...anonymous].filter(undecided);
  const visible = await channelsVisible(
    s,
    team,
    { personId: leaderId },
    candidates.map((i) => placeOfIdea(i).channelId),
  );
  const waitingIdeas: DigestWaitingInput[] = candidates
    .filter((i) => visible(placeOfIdea(i).channelId))
    .map((i) => ({ ideaId: i.ideaId, text: i.text, status: i.status, anonymous: i.anonymous, createdAt: i.createdAt }));
  return { measures, waitingIdeas };
}

/** the ideas of closed anonymous prompts whose texts may be shown (MIN_GROUP_SIZE_TEXT), each prompt whole. */
async function ideasOfShownAnonymousPrompts(s: DigestPorts, prompts: Item[]): Promise<IdeaRecord[]> {
  const unique = [...new Map(prompts.map((p) => [p.id, p])).values()];
  const lists = await Promise.all(
    unique.map(async (p) => {
      const participants = (await s.storage.responses.ideaStats(p)).participants;
      return ideaTextsVisible({ anonymous: true, closed: true, participants }, s.config.minGroupSizeText)
        ? s.storage.ideas.ofItem(p.id)
        : [];
    }),
  );
  return lists.flat();
}
