import type { IdeaRecord } from '../../core/ideas/idea-record';
import type { TeamRecord } from '../../core/installations';
import { threadLink } from '../../core/installations';
import type { Item } from '../../core/items';
import type { Measure } from '../../core/measures/measure';
import {
  measureLines,
  measuresOf,
  pollItemResults,
  promptItemResults,
  RESULTS_LIMITS,
  type ItemResults,
  type ResultsReport,
  type Thresholds,
} from '../../core/results/results';
import { ideaTextsVisible } from '../../core/tally';
import { channelsVisible, placeOfIdea } from '../teams';
import type { ResultsPorts } from './ports';

/** MIN_GROUP_SIZE and MIN_GROUP_SIZE_TEXT as configured. */
export const thresholdsOf = (s: Pick<ResultsPorts, 'config'>): Thresholds => ({
  minGroupSize: s.config.minGroupSize,
  minGroupSizeText: s.config.minGroupSizeText,
});

/** a closed item's results (tally or ideas, read once) and the ids of its ideas. */
export async function itemResultsOf(s: ResultsPorts, item: Item): Promise<{ results: ItemResults; ideaIds: string[] }> {
  const link = await threadOf(s, item);
  if (item.kind === 'poll')
    return {
      results: { ...pollItemResults(item, await s.storage.responses.tally(item), thresholdsOf(s)), ...link },
      ideaIds: [],
    };
  const [stats, ideas] = await Promise.all([s.storage.responses.ideaStats(item), s.storage.ideas.ofItem(item.id)]);
  return {
    results: { ...promptItemResults(item, { participants: stats.participants, ideas }, thresholdsOf(s)), ...link },
    ideaIds: ideas.map((i) => i.ideaId),
  };
}

/** the link that opens an item's thread in Teams (tenant, team group and name from the stored team). */
async function threadOf(s: ResultsPorts, item: Item): Promise<{ threadUrl?: string }> {
  const team = await s.storage.installations.getTeamRecent(item.teamId);
  const url = item.conversationId
    ? threadLink({
        conversationId: item.conversationId,
        ...(team?.tenantId && { tenantId: team.tenantId }),
        ...(team?.aadGroupId && { groupId: team.aadGroupId }),
        ...(team?.name && { teamName: team.name }),
      })
    : undefined;
  return url ? { threadUrl: url } : {};
}

/** the results card of one closed item, with the measures made from it or from its ideas. */
export async function itemReport(s: ResultsPorts, item: Item): Promise<ResultsReport> {
  const [{ results, ideaIds }, measures] = await Promise.all([
    itemResultsOf(s, item),
    s.storage.measures.ofTeam(item.teamId),
  ]);
  return {
    variant: 'item',
    item: results,
    measures: measureLines(measuresOf(measures, { itemIds: [item.id], ideaIds })),
  };
}

/** the results card of a campaign's closed items in one channel, with the measures that came of them. */
export async function campaignReport(s: ResultsPorts, title: string, items: readonly Item[]): Promise<ResultsReport> {
  const read = await Promise.all(items.map((item) => itemResultsOf(s, item)));
  const teamIds = [...new Set(items.map((i) => i.teamId))];
  const measures = (await Promise.all(teamIds.map((t) => s.storage.measures.ofTeam(t)))).flat();
  return {
    variant: 'campaign',
    title,
    items: read.slice(0, RESULTS_LIMITS.items).map((r) => r.results),
    itemsMore: Math.max(0, read.length - RESULTS_LIMITS.items),
    measures: measureLines(
      measuresOf(measures, { itemIds: items.map((i) => i.id), ideaIds: read.flatMap((r) => r.ideaIds) }),
    ),
  };
}

/** whether an idea's text may be shown: named always, anonymous once its prompt closed with MIN_GROUP_SIZE_TEXT people. */
async function ideaShowable(s: ResultsPorts, idea: IdeaRecord, prompts: Map<string, Promise<Item | undefined>>) {
  if (!idea.anonymous) return true;
  if (!idea.itemId) return false;
  let prompt = prompts.get(idea.itemId);
  if (!prompt) prompts.set(idea.itemId, (prompt = s.storage.items.get(idea.itemId)));
  const item = await prompt;
  if (!item) return false;
  return ideaTextsVisible(
    {
      anonymous: true,
      closed: item.status === 'closed',
      participants: await s.storage.responses.participantCount(item),
    },
    s.config.minGroupSizeText,
  );
}

/**
 * where a done measure's results go and what they show there: the channel of the item it came from; else the one
 * channel all its ideas came from; else the team's General. Ideas from channels the target may not draw from (private
 * or shared channels, channelsVisible) and anonymous ideas below the text threshold are counted, not shown.
 */
export async function measureReport(
  s: ResultsPorts,
  team: TeamRecord,
  measure: Measure,
): Promise<{ channelId: string; report: ResultsReport }> {
  const source = measure.itemId ? await s.storage.items.get(measure.itemId) : undefined;
  const ideas = (await Promise.all(measure.ideaIds.map((id) => s.storage.ideas.get(id)))).filter(
    (i): i is IdeaRecord => i !== undefined && i.teamId === team.teamId,
  );
  const ideaChannels = ideas.map((i) => placeOfIdea(i).channelId);
  const distinct = [...new Set(ideaChannels)];
  const channelId =
    source && source.teamId === team.teamId
      ? source.channelId
      : distinct.length === 1 && distinct[0] !== undefined
        ? distinct[0]
        : team.teamId;
  const visible = await channelsVisible(s, team, { shownIn: channelId }, [...ideaChannels, source?.channelId]);
  const prompts = new Map<string, Promise<Item | undefined>>();
  const shown: IdeaRecord[] = [];
  for (const idea of ideas)
    if (visible(placeOfIdea(idea).channelId) && (await ideaShowable(s, idea, prompts))) shown.push(idea);
  const item =
    source && source.status === 'closed' && source.teamId === team.teamId && visible(source.channelId)
      ? (await itemResultsOf(s, source)).results
      : undefined;
  const notes = await s.storage.measures.notes(measure.measureId, 100);
  return {
    channelId,
    report: {
      variant: 'measure',
      title: measure.title,
      description: measure.description,
      ownerName: measure.ownerName,
      doneAt: measure.statusAt,
      ...(item && { item }),
      ideas: shown
        .slice(0, RESULTS_LIMITS.measureIdeas)
        .map((i) => ({ text: i.text, status: i.status, supportCount: i.supportCount })),
      hiddenIdeas: measure.ideaIds.length - Math.min(shown.length, RESULTS_LIMITS.measureIdeas),
      noteCount: notes.length,
      ...(measure.lastNote && { lastNote: measure.lastNote.text }),
    },
  };
}
