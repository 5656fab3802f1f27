import { buildIdeasCard } from '../../cards/ideas-card';
import type { CardNotice } from '../../cards/item-card';
import { asAttachment, type CardAttachment } from '../../cards/render';
import { withUserRefresh } from '../../cards/user-refresh';
import { VERBS } from '../../core/card-actions';
import { previousWeeks } from '../../core/digest/digest-week';
import type { IdeaView } from '../../core/ideas/idea-view';
import { topIdeas } from '../../core/ideas/ranking';
import { channelOfConversation, type TeamRecord } from '../../core/installations';
import { isoWeekKey } from '../../core/iso-week';
import type { Item } from '../../core/items';
import type { Locale } from '../../core/locale';
import { ideaTextsVisible, type IdeaPromptState } from '../../core/tally';
import type { IdeaRecord } from '../../core/ideas/idea-record';
import type { IdeasPorts } from './ports';
import { channelsVisible, placeOfIdea } from '../teams';
import type { TurnFacts } from '../ports/turn';
import { teamName } from '../teams';

/** how many ideas the ideas card lists. */
export const IDEAS_LISTED = 10;
/** the ideas card of a team covers the current ISO week and the three before it. */
export const RECENT_WEEKS = 4;

/**
 * whose ideas a card shows: a team's recent ideas, or all ideas of one of its idea prompts; `shownIn` is the channel
 * the card sits in (everyone there sees it), absent in the personal chat.
 */
export interface IdeasScope {
  team: TeamRecord;
  prompt?: Item;
  shownIn?: string;
}

/** who looks at the card; without one, the neutral view everyone in a channel sees (no own state, no forms). */
export interface IdeasViewer {
  personId: string;
  canManage: boolean;
}

/** the ISO weeks the ideas card of a team covers, oldest first. */
export function recentWeeks(now: Date, timeZone: string): string[] {
  const current = isoWeekKey(now, timeZone);
  return [...previousWeeks(current, RECENT_WEEKS - 1), current];
}

/** what decides whether the texts of a prompt's ideas may be shown. */
export async function promptState(s: IdeasPorts, prompt: Item): Promise<IdeaPromptState> {
  return {
    anonymous: prompt.anonymous,
    closed: prompt.status === 'closed',
    participants: (await s.storage.responses.ideaStats(prompt)).participants,
  };
}

/** an idea as far as anyone may see it: an anonymous one only while its prompt's texts may be shown. */
export async function visibleIdea(s: IdeasPorts, ideaId: string): Promise<IdeaRecord | undefined> {
  const idea = await s.storage.ideas.get(ideaId);
  if (!idea?.anonymous) return idea;
  const prompt = idea.itemId !== undefined ? await s.storage.items.get(idea.itemId) : undefined;
  return prompt && ideaTextsVisible(await promptState(s, prompt), s.config.minGroupSizeText) ? idea : undefined;
}

/**
 * the ideas of a scope with their prompts. An anonymous prompt counts whole or not at all: its ideas are read
 * through the prompt, never cut by week, so no view shows a smaller group than the prompt's.
 */
async function ideasOf(
  s: IdeasPorts,
  scope: IdeasScope,
  viewer: IdeasViewer | undefined,
): Promise<{ records: IdeaRecord[]; prompts: Map<string, Item> }> {
  if (scope.prompt)
    return {
      records: await s.storage.ideas.ofItem(scope.prompt.id),
      prompts: new Map([[scope.prompt.id, scope.prompt]]),
    };
  const { records, prompts } = await recentIdeasOf(s, scope);
  const shown = await channelsVisible(
    s,
    scope.team,
    { ...(scope.shownIn !== undefined && { shownIn: scope.shownIn }), ...(viewer && { personId: viewer.personId }) },
    [...records.map((r) => placeOfIdea(r).channelId), ...[...prompts.values()].map((p) => p.channelId)],
  );
  return {
    records: records.filter((r) => shown(placeOfIdea(r).channelId)),
    prompts: new Map([...prompts].filter(([, p]) => shown(p.channelId))),
  };
}

/** a team's ideas of the recent weeks, with the prompts they came from and the anonymous prompts closed in those weeks. */
async function recentIdeasOf(
  s: IdeasPorts,
  scope: IdeasScope,
): Promise<{ records: IdeaRecord[]; prompts: Map<string, Item> }> {
  const weeks = recentWeeks(s.now(), s.config.timeZone);
  const [recent, closed] = await Promise.all([
    s.storage.ideas.ofTeamRecent(scope.team.teamId, weeks),
    Promise.all(weeks.map((w) => s.storage.items.closedInTeamWeek(scope.team.teamId, w))).then((lists) => lists.flat()),
  ]);
  const itemIds = [...new Set(recent.map((r) => r.itemId).filter((id): id is string => id !== undefined))];
  const seen = (await Promise.all(itemIds.map((id) => s.storage.items.get(id)))).filter(
    (i): i is Item => i !== undefined && i.teamId === scope.team.teamId,
  );
  const items = [
    ...new Map([...seen, ...closed.filter((i) => i.kind === 'idea' && i.anonymous)].map((i) => [i.id, i])).values(),
  ];
  const byId = new Map(recent.map((r) => [r.ideaId, r]));
  for (const whole of await Promise.all(items.filter((i) => i.anonymous).map((i) => s.storage.ideas.ofItem(i.id)))) {
    for (const r of whole) byId.set(r.ideaId, r);
  }
  return { records: [...byId.values()], prompts: new Map(items.map((i) => [i.id, i])) };
}

/** idea records as cards see them; volunteers are filled in later, for the ideas shown only. */
async function viewsOf(s: IdeasPorts, records: IdeaRecord[], prompts: Map<string, Item>): Promise<IdeaView[]> {
  const states = new Map(
    await Promise.all([...prompts.values()].map(async (p) => [p.id, await promptState(s, p)] as const)),
  );
  return records.map((r) => {
    const state = r.itemId !== undefined ? states.get(r.itemId) : undefined;
    return {
      ideaId: r.ideaId,
      itemId: r.itemId ?? '',
      text: r.text,
      status: r.status,
      supportCount: r.supportCount,
      volunteers: [],
      anonymous: r.anonymous,
      ...(r.anonymous || r.authorName === undefined ? {} : { authorName: r.authorName }),
      createdAt: r.createdAt,
      // an idea sent in chat has no prompt: one author, named (an anonymous one without a prompt never shows).
      promptParticipants: state?.participants ?? (r.itemId === undefined ? 1 : 0),
      promptClosed: state?.closed ?? r.itemId === undefined,
    };
  });
}

/**
 * the ideas card of a scope for a viewer (or the neutral view): the most supported ideas that may be shown, the
 * viewer's own support and volunteering, the manager forms for leaders and admins. With `refreshUserId` (a card
 * in a channel) Teams asks the bot for that user's own view whenever the card is shown to them.
 */
export async function renderIdeasCard(
  s: IdeasPorts,
  scope: IdeasScope,
  viewer: IdeasViewer | undefined,
  options: { locale: Locale; notice?: CardNotice; refreshUserId?: string },
): Promise<CardAttachment> {
  const min = s.config.minGroupSizeText;
  const { records, prompts } = await ideasOf(s, scope, viewer);
  const views = await viewsOf(s, records, prompts);
  const shown = topIdeas(
    views.filter((v) =>
      ideaTextsVisible({ anonymous: v.anonymous, closed: v.promptClosed, participants: v.promptParticipants }, min),
    ),
    IDEAS_LISTED,
  );
  const [volunteers, supported] = await Promise.all([
    Promise.all(shown.map((v) => s.storage.ideas.volunteersOf(v.ideaId))),
    viewer ? Promise.all(shown.map((v) => s.storage.ideas.hasSupported(v.ideaId, viewer.personId))) : [],
  ]);
  // volunteers are named only on named ideas; anonymous ones show a count.
  const ideas = shown.map((v, i) => ({
    ...v,
    volunteers: (volunteers[i] ?? []).map((b) => ({ name: v.anonymous ? '' : b.name })),
  }));
  const teamFollowUp =
    viewer?.canManage && !scope.prompt && scope.shownIn === undefined
      ? { teamId: scope.team.teamId, eligible: await teamWideIdeas(s, scope.team, records) }
      : undefined;
  const promptIds = new Set(shown.map((v) => v.itemId));
  const single = promptIds.size === 1 ? [...promptIds][0] : undefined;
  const card = buildIdeasCard({
    locale: options.locale,
    teamName: teamName(scope.team),
    ideas,
    minGroupSizeText: min,
    viewer: {
      supported: viewer ? shown.filter((_, i) => supported[i]).map((v) => v.ideaId) : [],
      volunteered: viewer
        ? shown.filter((_, i) => volunteers[i]?.some((b) => b.id === viewer.personId)).map((v) => v.ideaId)
        : [],
      canManage: viewer?.canManage ?? false,
    },
    ...((scope.prompt?.id ?? single) ? { promptItemId: scope.prompt?.id ?? single } : {}),
    limit: IDEAS_LISTED,
    ...(teamFollowUp ? { teamFollowUp } : {}),
    ...(options.notice ? { notice: options.notice } : {}),
  });
  if (!options.refreshUserId) return asAttachment(card);
  const data = { teamId: scope.team.teamId, ...(scope.prompt ? { itemId: scope.prompt.id } : {}) };
  return asAttachment(withUserRefresh(card, { verb: VERBS.ideasOfTeam, data }, [options.refreshUserId]));
}

/** the ideas everyone in the team's General channel may see: those a team-wide follow-up poll may offer. */
async function teamWideIdeas(s: IdeasPorts, team: TeamRecord, records: IdeaRecord[]): Promise<string[]> {
  const shown = await channelsVisible(
    s,
    team,
    { shownIn: team.teamId },
    records.map((r) => placeOfIdea(r).channelId),
  );
  return records.filter((r) => shown(placeOfIdea(r).channelId)).map((r) => r.ideaId);
}

/** where a card answering this turn sits: the channel of a channel turn; nothing in a chat. */
export function shownIn(facts: Pick<TurnFacts, 'teamId' | 'conversationId'>): { shownIn?: string } {
  return facts.teamId !== undefined ? { shownIn: channelOfConversation(facts.conversationId) } : {};
}

/**
 * the scope of the ideas card a button of an idea was on: in the thread of the idea's own prompt, that prompt's
 * ideas; anywhere else, the team's recent ideas.
 */
export async function scopeOfCard(
  s: IdeasPorts,
  facts: Pick<TurnFacts, 'teamId' | 'conversationId'>,
  team: TeamRecord,
  itemId: string | undefined,
): Promise<IdeasScope> {
  const whole = { team, ...shownIn(facts) };
  if (!facts.teamId || itemId === undefined || !facts.conversationId.includes(';messageid=')) return whole;
  const prompt = await s.storage.items.latestInConversation(facts.conversationId);
  return prompt?.id === itemId && prompt.kind === 'idea' && prompt.teamId === team.teamId ? { team, prompt } : whole;
}
