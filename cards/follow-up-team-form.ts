import { FOLLOW_UP_LIMITS } from '../core/ideas/idea-actions';
import { followUpTeamInputIds } from '../core/ideas/follow-up-team';
import { shorten } from '../core/ideas/idea-status';
import type { Locale } from '../core/locale';
import { messages } from '../core/messages';

/** an idea that may be put to a team-wide vote, as the form offers it (never with a name). */
export interface FollowUpCandidate {
  ideaId: string;
  text: string;
}

/** how long an idea's text gets as a choice of the form. */
const CHOICE_TEXT_MAX = 80;
/** how many ideas the form preselects. */
const PRESELECTED = 5;

/**
 * the data of the "vote on selected ideas" form of one team at a card position: a multi-select of the candidate ideas
 * (the first five preselected), how many each person may pick, and a button whose data names the team and the inputs
 * (ids unique per card). Null when fewer than two ideas can be offered. The verb is passed in by the card, which
 * imports it from core/card-actions.
 */
export function followUpTeamForm(
  locale: Locale,
  verb: string,
  teamId: string,
  candidates: readonly FollowUpCandidate[],
  position: number,
): object | null {
  const unique = [...new Map(candidates.map((c) => [c.ideaId, c])).values()].slice(0, 20);
  if (unique.length < FOLLOW_UP_LIMITS.topNMin) return null;
  const m = messages(locale);
  const ids = followUpTeamInputIds(position);
  const preselected = unique.slice(0, Math.min(PRESELECTED, FOLLOW_UP_LIMITS.topNMax));
  return {
    title: m.followUpTeamTitle,
    where: m.followUpTeamWhere,
    ideasId: ids.ideas,
    ideasLabel: m.followUpTeamIdeasLabel,
    ideasError: m.errFollowUpPickIdeas,
    ideasValue: preselected.map((c) => c.ideaId).join(','),
    choices: unique.map((c) => ({ title: shorten(c.text, CHOICE_TEXT_MAX), value: c.ideaId })),
    picksId: ids.picks,
    picksLabel: m.followUpTeamPicksLabel,
    picksError: m.errFollowUpTeamMaxPicks,
    picks: Math.min(3, preselected.length),
    submit: m.followUpTeamSubmit,
    verb,
    data: { teamId, input: ids.input },
  };
}
