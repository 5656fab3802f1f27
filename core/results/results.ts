import type { IdeaStatus } from '../ideas/idea-status';
import { IDEA_STATUSES } from '../ideas/idea-status';
import { topIdeas } from '../ideas/ranking';
import type { Item, PollKind } from '../items';
import type { Measure, MeasureStatus } from '../measures/measure';
import { effectiveMinGroupSize, ideaTextsVisible, pollResults, type PollResults, type Tally } from '../tally';

// What a results card ("Ihr habt gesagt – wir tun") may say about a closed item, a campaign or a done measure:
// the same thresholds as every other view (core/tally.ts). Storage is read by app/results; this only decides.

/** how many of a prompt's ideas, of a campaign's items and of the related measures a card lists. */
export const RESULTS_LIMITS = { topIdeas: 5, items: 8, measures: 8, measureIdeas: 8 } as const;

/** one idea as a results card may show it. */
export interface ResultIdea {
  text: string;
  status: IdeaStatus;
  supportCount: number;
}

/** the results of one closed item. */
export type ItemResults =
  | {
      kind: 'poll';
      itemId: string;
      /** opens the item's thread in Teams, when known. */
      threadUrl?: string;
      question: string;
      pollKind?: PollKind;
      anonymous: boolean;
      closedAt: Date;
      results: PollResults;
    }
  | {
      kind: 'idea';
      itemId: string;
      /** opens the item's thread in Teams, when known. */
      threadUrl?: string;
      question: string;
      anonymous: boolean;
      closedAt: Date;
      /** people who sent ideas; undefined below the minimum group size (then "fewer than"). */
      participants?: number;
      ideaCount: number;
      /** false: an anonymous prompt below MIN_GROUP_SIZE_TEXT; then neither texts nor decisions show. */
      visible: boolean;
      topIdeas: ResultIdea[];
      /** how many ideas have each decided status (accepted, in progress, done, declined); empty when none. */
      decisions: { status: IdeaStatus; count: number }[];
    };

/** the thresholds a results card applies (MIN_GROUP_SIZE, MIN_GROUP_SIZE_TEXT). */
export interface Thresholds {
  minGroupSize: number;
  minGroupSizeText: number;
}

/** the statuses that count as a decision about an idea. */
export const DECIDED_STATUSES: ReadonlySet<IdeaStatus> = new Set(['accepted', 'inProgress', 'done', 'declined']);

/** a closed poll's results, as far as they may be shown (pollResults: from MIN_GROUP_SIZE voters). */
export function pollItemResults(item: Item, tally: Tally, t: Thresholds): ItemResults {
  return {
    kind: 'poll',
    itemId: item.id,
    question: item.question,
    ...(item.pollKind && { pollKind: item.pollKind }),
    anonymous: item.anonymous,
    closedAt: item.closedAt ?? item.createdAt,
    results: pollResults({ ...item, status: 'closed' }, tally, t.minGroupSize),
  };
}

/**
 * a closed idea prompt's results: its participants from MIN_GROUP_SIZE on, its ideas' texts and decisions only as
 * far as ideaTextsVisible allows (anonymous prompts from MIN_GROUP_SIZE_TEXT participants), the most supported first.
 */
export function promptItemResults(
  item: Item,
  stats: {
    participants: number;
    ideas: readonly (ResultIdea & { ideaId: string; anonymous: boolean; createdAt: Date })[];
  },
  t: Thresholds,
): ItemResults {
  const min = effectiveMinGroupSize(t.minGroupSize);
  const visible = ideaTextsVisible(
    { anonymous: item.anonymous, closed: true, participants: stats.participants },
    t.minGroupSizeText,
  );
  const counts = new Map<IdeaStatus, number>();
  for (const idea of stats.ideas)
    if (DECIDED_STATUSES.has(idea.status)) counts.set(idea.status, (counts.get(idea.status) ?? 0) + 1);
  return {
    kind: 'idea',
    itemId: item.id,
    question: item.question,
    anonymous: item.anonymous,
    closedAt: item.closedAt ?? item.createdAt,
    ...(stats.participants >= min && { participants: stats.participants }),
    ideaCount: stats.ideas.length,
    visible,
    topIdeas: visible
      ? topIdeas(stats.ideas, RESULTS_LIMITS.topIdeas).map((i) => ({
          text: i.text,
          status: i.status,
          supportCount: i.supportCount,
        }))
      : [],
    decisions: visible
      ? IDEA_STATUSES.filter((s) => counts.has(s)).map((status) => ({ status, count: counts.get(status)! }))
      : [],
  };
}

/** a measure as a results card lists it. */
export interface MeasureLine {
  title: string;
  status: MeasureStatus;
  dueDate: string;
}

/** the measures that came of items or ideas: those made from one of the items or implementing one of the ideas. */
export function measuresOf(
  measures: readonly Measure[],
  from: { itemIds: Iterable<string>; ideaIds: Iterable<string> },
): Measure[] {
  const items = new Set(from.itemIds);
  const ideas = new Set(from.ideaIds);
  return measures.filter(
    (m) => (m.itemId !== undefined && items.has(m.itemId)) || m.ideaIds.some((id) => ideas.has(id)),
  );
}

/** what a results card shows, before it is put into words. */
export type ResultsReport =
  | { variant: 'item'; item: ItemResults; measures: MeasureLine[] }
  | { variant: 'campaign'; title: string; items: ItemResults[]; itemsMore: number; measures: MeasureLine[] }
  | {
      variant: 'measure';
      title: string;
      description: string;
      ownerName: string;
      doneAt: Date;
      /** the closed item it came from, when it came from one and it may be shown where the card goes. */
      item?: ItemResults;
      /** its ideas that may be shown where the card goes, and how many others it has. */
      ideas: ResultIdea[];
      hiddenIdeas: number;
      noteCount: number;
      lastNote?: string;
    };

/** the lines of a card's measures, open ones first, at most RESULTS_LIMITS.measures. */
export function measureLines(measures: readonly Measure[]): MeasureLine[] {
  const rank: Record<MeasureStatus, number> = { inProgress: 0, planned: 1, done: 2, deferred: 3, dropped: 4 };
  return [...measures]
    .sort((a, b) => rank[a.status] - rank[b.status] || a.dueDate.localeCompare(b.dueDate))
    .slice(0, RESULTS_LIMITS.measures)
    .map((m) => ({ title: m.title, status: m.status, dueDate: m.dueDate }));
}
