import { isoWeekKey } from '../../core/iso-week';
import type { Item } from '../../core/items';
import type { Organisation } from '../../core/org/org-units';
import {
  assembleQuestionView,
  type QuestionView,
  type ViewPost,
  type ViewQuestion,
} from '../../core/results/results-view';
import type { Tally } from '../../core/tally';
import { channelsVisible } from '../teams';
import type { ResultsViewPorts } from './ports';
import { teamInScope, type ResultsScope } from './results-scope';

/** one closed post with the round it belongs to and the campaign item it was posted for (if any). */
interface ClosedPost {
  item: Item;
  /** the campaign item's id (a question across rounds), or the item's own id. */
  key: string;
  round: Date;
}

/** the posts of a private or shared channel stay out for people who are not its members. */
async function visibleOnly(s: ResultsViewPorts, personId: string, posts: ClosedPost[]): Promise<ClosedPost[]> {
  const out: ClosedPost[] = [];
  for (const teamId of new Set(posts.map((p) => p.item.teamId))) {
    const ofTeam = posts.filter((p) => p.item.teamId === teamId);
    const team = await s.storage.installations.getTeam(teamId);
    if (!team) continue;
    const visible = await channelsVisible(
      s,
      team,
      { personId },
      ofTeam.map((p) => p.item.channelId),
    );
    out.push(...ofTeam.filter((p) => visible(p.item.channelId)));
  }
  return out;
}

/** a post's figure: the final tally of a poll, or the participants of an idea prompt as voters. */
async function tallyOf(s: ResultsViewPorts, item: Item): Promise<Tally> {
  if (item.kind === 'poll') return s.storage.responses.tally(item);
  return { counts: [], voters: (await s.storage.responses.ideaStats(item)).participants };
}

/** the closed posts of a campaign in the scope, from the scheduler's ledger (one partition) and a point read each. */
export async function campaignPosts(
  s: ResultsViewPorts,
  scope: ResultsScope,
  campaignId: string,
): Promise<ClosedPost[]> {
  const entries = (await s.storage.scheduleLedger.history(campaignId)).filter(
    (e) => e.status === 'posted' && e.postedItemId !== undefined && teamInScope(scope, e.teamId),
  );
  const posts = await Promise.all(
    entries.map(async (e) => {
      const item = await s.storage.items.get(e.postedItemId as string);
      return item?.status === 'closed' && teamInScope(scope, item.teamId)
        ? { item, key: e.itemId, round: e.slot.at }
        : undefined;
    }),
  );
  return posts.filter((p): p is ClosedPost => p !== undefined);
}

/** a closed single item in the scope as a post of its own. */
export async function itemPost(s: ResultsViewPorts, scope: ResultsScope, itemId: string): Promise<ClosedPost[]> {
  const item = await s.storage.items.get(itemId);
  if (!item || item.status !== 'closed' || !teamInScope(scope, item.teamId)) return [];
  return [{ item, key: item.id, round: item.createdAt }];
}

/** the view of every question among the posts, in the order they were first asked. */
export async function questionViews(
  s: ResultsViewPorts,
  personId: string,
  scope: ResultsScope,
  org: Organisation,
  posts: ClosedPost[],
  topName: string,
): Promise<QuestionView[]> {
  const visible = await visibleOnly(s, personId, posts);
  const names = new Map<string, string>();
  for (const teamId of new Set(visible.map((p) => p.item.teamId)))
    names.set(teamId, (await s.storage.installations.getTeam(teamId))?.name || teamId);
  const withTallies = await Promise.all(visible.map(async (p) => ({ ...p, tally: await tallyOf(s, p.item) })));
  const keys = [...new Set([...withTallies].sort((a, b) => a.round.getTime() - b.round.getTime()).map((p) => p.key))];
  const views = keys.map((key) => {
    const ofKey = withTallies.filter((p) => p.key === key);
    const latest = ofKey.reduce((a, b) => (b.round.getTime() > a.round.getTime() ? b : a)).item;
    const question: ViewQuestion = {
      key,
      question: latest.question,
      kind: latest.kind,
      ...(latest.pollKind && { pollKind: latest.pollKind }),
      anonymous: latest.anonymous,
      options: latest.options,
    };
    const viewPosts: ViewPost[] = ofKey.map((p) => ({ teamId: p.item.teamId, round: p.round, tally: p.tally }));
    return assembleQuestionView({
      question,
      posts: viewPosts,
      org,
      scope: scope.view,
      teamName: (t) => names.get(t) ?? t,
      topName,
      minGroupSize: s.config.minGroupSize,
    });
  });
  return views.filter((v): v is QuestionView => v !== undefined);
}

/** how many distinct rounds (slot times) a campaign has closed in the scope; 0 when none. */
export function roundsOf(posts: readonly ClosedPost[]): number {
  return new Set(posts.map((p) => p.round.getTime())).size;
}

/** closed items of the scope's teams from this and last week, newest first, for the picker. */
export async function recentClosedItems(s: ResultsViewPorts, scope: ResultsScope, limit: number): Promise<Item[]> {
  const now = s.now();
  const weekOf = (at: Date) => isoWeekKey(at, s.config.timeZone);
  const weeks = [...new Set([weekOf(now), weekOf(new Date(now.getTime() - 7 * 864e5))])];
  const teams = (await s.storage.installations.activeTeams()).filter((t) => teamInScope(scope, t.teamId));
  const items = (
    await Promise.all(teams.flatMap((t) => weeks.map((w) => s.storage.items.closedInTeamWeek(t.teamId, w))))
  ).flat();
  const unique = [...new Map(items.map((i) => [i.id, i])).values()];
  return unique.sort((a, b) => (b.closedAt?.getTime() ?? 0) - (a.closedAt?.getTime() ?? 0)).slice(0, limit);
}
