import { LIMITS, type ItemDraft } from '../items';
import type { Locale } from '../locale';
import { messages } from '../messages';
import { fail, ok, type Outcome } from '../problems';
import { FOLLOW_UP_LIMITS } from './idea-actions';
import { shorten } from './idea-status';
import type { IdeaView } from './idea-view';

type Rankable = Pick<IdeaView, 'supportCount' | 'createdAt' | 'ideaId'> & { anonymous?: boolean };

/** the part of an idea id that does not depend on time: its key (an HMAC), without team and week. */
const timelessKey = (ideaId: string): string => ideaId.slice(ideaId.lastIndexOf('.') + 1);

/**
 * orders ideas by support, most first; ties go to the older idea, then by id so the order is stable.
 * Anonymous ideas never tie-break by time (neither creation time nor the week in their id): an order of
 * submission could be matched with who answered when. On equal support named ideas come first, and ties
 * among anonymous ones go by the idea key, which is an HMAC.
 */
export function compareBySupport(a: Rankable, b: Rankable): number {
  const bySupport = b.supportCount - a.supportCount;
  if (bySupport !== 0) return bySupport;
  if (Boolean(a.anonymous) !== Boolean(b.anonymous)) return a.anonymous ? 1 : -1; // named first: keeps the order total
  if (a.anonymous) {
    const [ka, kb] = [timelessKey(a.ideaId), timelessKey(b.ideaId)];
    return ka < kb ? -1 : ka > kb ? 1 : a.ideaId < b.ideaId ? -1 : a.ideaId > b.ideaId ? 1 : 0;
  }
  return a.createdAt.getTime() - b.createdAt.getTime() || (a.ideaId < b.ideaId ? -1 : a.ideaId > b.ideaId ? 1 : 0);
}

/** the n ideas with the most support (ties: older first; anonymous ideas by key, never by time). */
export function topIdeas<T extends Rankable>(ideas: readonly T[], n: number): T[] {
  return [...ideas].sort(compareBySupport).slice(0, Math.max(0, n));
}

/** a poll draft over the top ideas, plus how many options each person may pick. */
export interface FollowUpPollDraft {
  draft: ItemDraft;
  /** 1 → single choice; otherwise a multi-choice poll whose voters may pick at most this many. */
  maxPicks: number;
  /** the ideas behind the options, in option order. */
  ideaIds: string[];
}

/** statuses whose ideas are no longer up for a vote. */
const NOT_ELIGIBLE = new Set(['declined', 'done']);

/**
 * drafts the follow-up poll "Which {K} measures should we implement first?" over the topN most supported
 * ideas of one prompt that are neither declined nor done. Options are the idea texts (whitespace flattened,
 * shortened to the option limit), without case-insensitive duplicates. maxPicks is capped at the number of
 * options. Fewer than two distinct ideas → errFollowUpTooFewIdeas.
 */
export function followUpPollDraft(
  locale: Locale,
  ideas: readonly IdeaView[],
  request: { topN: number; maxPicks: number; anonymous?: boolean },
): Outcome<FollowUpPollDraft> {
  const { topN } = request;
  if (!Number.isInteger(topN) || topN < FOLLOW_UP_LIMITS.topNMin || topN > FOLLOW_UP_LIMITS.topNMax) {
    return fail('errFollowUpTopN', FOLLOW_UP_LIMITS.topNMin, FOLLOW_UP_LIMITS.topNMax);
  }
  if (!Number.isInteger(request.maxPicks) || request.maxPicks < 1 || request.maxPicks > topN)
    return fail('errFollowUpMaxPicks', topN);
  const options: string[] = [];
  const ideaIds: string[] = [];
  const seen = new Set<string>();
  for (const idea of topIdeas(
    ideas.filter((i) => !NOT_ELIGIBLE.has(i.status)),
    ideas.length,
  )) {
    if (options.length >= Math.min(topN, LIMITS.optionsMax)) break;
    const option = shorten(idea.text, LIMITS.optionMax);
    const key = option.toLocaleLowerCase();
    if (option === '' || seen.has(key)) continue;
    seen.add(key);
    options.push(option);
    ideaIds.push(idea.ideaId);
  }
  if (options.length < LIMITS.optionsMin) return fail('errFollowUpTooFewIdeas');
  const maxPicks = Math.min(request.maxPicks, options.length);
  return ok({
    draft: {
      kind: 'poll',
      pollKind: maxPicks === 1 ? 'single' : 'multi',
      question: messages(locale).ideaFollowUpQuestion(maxPicks),
      options,
      anonymous: request.anonymous ?? false,
    },
    maxPicks,
    ideaIds,
  });
}
