import { shorten, statusLabel, QUOTE_MAX, type IdeaStatus } from '../core/ideas/idea-status';
import type { Locale } from '../core/locale';
import { MEASURE_VERBS } from '../core/measures/measure-actions';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import template from './templates/status-change-result.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** what happened after a leader changed an idea's status. */
export interface StatusChangeResult {
  ideaText: string;
  status: IdeaStatus;
  note: string;
  anonymous: boolean;
  /** whether a reply went into the prompt's thread. */
  threadReplied: boolean;
  /** how many supporters are told. */
  supportersNotified: number;
  /** false when a named author could not be reached in a 1:1 chat (default: reached). */
  authorReached?: boolean;
  /** the idea, when it was accepted: the card offers to create a measure from it. */
  measureFromIdeaId?: string;
}

/** the small confirmation a leader sees after saving a status: the new status, the note and who is told. */
export function buildStatusChangeResultCard(locale: Locale, result: StatusChangeResult): AdaptiveCard {
  const m = messages(locale);
  const notified = [
    ...(result.threadReplied ? [m.ideaNotifiedThread] : []),
    result.anonymous
      ? m.ideaNotifiedAnonymous
      : result.authorReached === false
        ? m.ideaNotifiedAuthorUnreachable
        : m.ideaNotifiedAuthor,
    ...(result.supportersNotified > 0 ? [m.ideaNotifiedSupporters(result.supportersNotified)] : []),
  ];
  return expandTemplate(template, {
    title: m.ideaStatusChangedTitle,
    changed: m.ideaStatusChanged(plainText(shorten(result.ideaText, QUOTE_MAX)), statusLabel(locale, result.status)),
    note: result.note.trim() === '' ? '' : m.ideaStatusNote(plainText(result.note.trim())),
    notified,
    actions:
      result.measureFromIdeaId !== undefined
        ? [{ title: m.measureNewButton, verb: MEASURE_VERBS.measureForm, data: { ideaId: result.measureFromIdeaId } }]
        : [],
  });
}
