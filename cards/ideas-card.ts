import { FOLLOW_UP_LIMITS, IDEA_VERBS } from '../core/ideas/idea-actions';
import { nextStatuses } from '../core/ideas/idea-status';
import type { IdeaView } from '../core/ideas/idea-view';
import { topIdeas } from '../core/ideas/ranking';
import type { Locale } from '../core/locale';
import { MEASURE_VERBS } from '../core/measures/measure-actions';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import { effectiveMinGroupSize, ideaTextsVisible } from '../core/tally';
import { VERBS } from '../core/card-actions';
import { followUpTeamForm } from './follow-up-team-form';
import { ideaLines, statusForm } from './idea-parts';
import type { CardNotice } from './item-card';
import template from './templates/ideas.json';
import { expandTemplate, type AdaptiveCard } from './render';
import { noticeView } from './card-notice';

/** what the ideas card shows to one viewer. */
export interface IdeasCardInput {
  locale: Locale;
  teamName: string;
  /** the team's ideas; the card shows the most supported (ties: older first). */
  ideas: IdeaView[];
  /** participants an anonymous prompt needs before its texts are shown (MIN_GROUP_SIZE_TEXT). */
  minGroupSizeText: number;
  viewer: {
    /** ids of the ideas the viewer supports. */
    supported: readonly string[];
    /** ids of the ideas the viewer volunteered for. */
    volunteered: readonly string[];
    /** a leader of the team or an admin: sees the status form and the follow-up poll button. */
    canManage: boolean;
  };
  /** set when all ideas come from one idea prompt: managers may then start a follow-up poll over it. */
  promptItemId?: string;
  /**
   * set for a team's ideas from several prompts (no single prompt): managers may then put ideas to a vote in the
   * team's General channel; `eligible` names the ideas that may be offered (those everyone in General may see).
   */
  teamFollowUp?: { teamId: string; eligible: readonly string[] };
  /** how many ideas the card lists; default 10. */
  limit?: number;
  notice?: CardNotice;
}

/**
 * a team's top ideas with support counts and the viewer's own buttons (support / withdraw support,
 * count me in / out); managers also get a status form per idea and, for one prompt, a follow-up poll
 * form. Ideas of anonymous prompts appear only once the prompt is closed, from the minimum group size, never with names.
 */
export function buildIdeasCard(input: IdeasCardInput): AdaptiveCard {
  const { locale, viewer } = input;
  const m = messages(locale);
  const min = effectiveMinGroupSize(input.minGroupSizeText);
  const visible = topIdeas(
    input.ideas.filter((i) =>
      ideaTextsVisible({ anonymous: i.anonymous, closed: i.promptClosed, participants: i.promptParticipants }, min),
    ),
    input.limit ?? 10,
  );
  const supported = new Set(viewer.supported);
  const volunteered = new Set(viewer.volunteered);
  const open = visible.filter((i) => i.status !== 'declined' && i.status !== 'done');
  return expandTemplate(template, {
    notice: noticeView(input.notice),
    title: m.ideasTitle(plainText(input.teamName)),
    empty: m.ideasNone,
    ideas: visible.map((idea, position) => {
      const line = {
        ...idea,
        nextStatuses: nextStatuses(idea.status),
        volunteerNames: idea.anonymous ? [] : idea.volunteers.map((v) => v.name),
        volunteerCount: idea.volunteers.length,
        ...(idea.anonymous ? { authorName: undefined } : {}),
      };
      const supports = supported.has(idea.ideaId);
      const helps = volunteered.has(idea.ideaId);
      return {
        ...ideaLines(locale, line),
        buttons: [
          {
            title: supports ? m.ideaUnsupport : m.ideaSupport,
            verb: IDEA_VERBS.ideaSupport,
            data: { ideaId: idea.ideaId, on: !supports },
          },
          {
            title: helps ? m.ideaUnvolunteer : m.ideaVolunteer,
            verb: IDEA_VERBS.ideaVolunteer,
            data: { ideaId: idea.ideaId, on: !helps },
          },
          // an accepted idea becomes a measure: the form, with this idea ticked (leaders and admins).
          ...(viewer.canManage && (idea.status === 'accepted' || idea.status === 'inProgress')
            ? [{ title: m.measureNewButton, verb: MEASURE_VERBS.measureForm, data: { ideaId: idea.ideaId } }]
            : []),
        ],
        form: viewer.canManage ? statusForm(locale, line, position) : null,
      };
    }),
    followUp:
      viewer.canManage && input.promptItemId !== undefined && open.length >= 2
        ? {
            title: m.ideaFollowUp,
            topNLabel: m.ideaFollowUpTopN,
            topN: Math.min(5, Math.max(2, open.length)),
            maxPicksLabel: m.ideaFollowUpMaxPicks,
            topNError: m.errFollowUpTopN(FOLLOW_UP_LIMITS.topNMin, FOLLOW_UP_LIMITS.topNMax),
            maxPicksError: m.errFollowUpMaxPicks(FOLLOW_UP_LIMITS.topNMax),
            maxPicks: Math.min(3, open.length),
            submit: m.ideaFollowUpCreate,
            verb: IDEA_VERBS.followUpPoll,
            data: { itemId: input.promptItemId },
          }
        : null,
    teamFollowUp:
      viewer.canManage && input.promptItemId === undefined && input.teamFollowUp
        ? followUpTeamForm(
            locale,
            VERBS.followUpPollTeam,
            input.teamFollowUp.teamId,
            open.filter((i) => input.teamFollowUp!.eligible.includes(i.ideaId)),
            0,
          )
        : null,
  });
}
