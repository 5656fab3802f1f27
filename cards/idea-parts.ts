import { IDEA_VERBS, statusInputIds } from '../core/ideas/idea-actions';
import type { DigestIdea } from '../core/digest/digest';
import { shorten, statusLabel } from '../core/ideas/idea-status';
import type { Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';

/** an idea as the idea parts of cards need it (the digest's view of an idea); anonymous ideas never carry names. */
export type IdeaLine = Omit<DigestIdea, 'itemId'>;

/** how long an idea's texts may get on a card: the idea, and how many volunteer names of what length. */
export interface IdeaLineLimits {
  text: number;
  names: number;
  nameMax: number;
  /** one text block for idea, status and volunteers, and a short note label: the smallest form. */
  compact?: boolean;
}

export const DEFAULT_IDEA_LINE_LIMITS: IdeaLineLimits = { text: 300, names: 5, nameMax: 40 };

/** the text, status line and volunteer line of an idea; names only for named ideas. The idea and the names show as typed (plainText). */
export function ideaLines(
  locale: Locale,
  idea: IdeaLine,
  limits: IdeaLineLimits = DEFAULT_IDEA_LINE_LIMITS,
): { text: string; meta: string; volunteers: string } {
  const m = messages(locale);
  const by = idea.anonymous
    ? m.ideaAnonymous
    : idea.authorName
      ? m.ideaByAuthor(plainText(shorten(idea.authorName, Math.max(limits.nameMax, 20))))
      : '';
  const meta = [m.ideaStatusLine(statusLabel(locale, idea.status)), m.ideaSupportCount(idea.supportCount), by]
    .filter((s) => s !== '')
    .join(' · ');
  let volunteers = '';
  if (!idea.anonymous && idea.volunteerNames.length > 0 && limits.names > 0) {
    const names = idea.volunteerNames.slice(0, limits.names).map((n) => plainText(shorten(n, limits.nameMax)));
    const more = idea.volunteerNames.length - names.length;
    volunteers = m.ideaVolunteerNames(more > 0 ? `${names.join(', ')} ${m.ideaMoreNames(more)}` : names.join(', '));
  } else if (idea.volunteerCount > 0) volunteers = m.ideaVolunteerCount(idea.volunteerCount);
  const text = plainText(shorten(idea.text, limits.text));
  if (limits.compact)
    return { text: [text, meta, volunteers].filter((s) => s !== '').join(' · '), meta: '', volunteers: '' };
  return { text, meta, volunteers };
}

/**
 * the data of the "change status" form of the idea at a card position: a choice of the allowed next
 * statuses, a note, and an ideaStatus button whose data names the inputs (ids are unique per card).
 */
export function statusForm(
  locale: Locale,
  idea: Pick<IdeaLine, 'ideaId' | 'nextStatuses'>,
  position: number,
  compact = false,
): object | null {
  if (idea.nextStatuses.length === 0) return null;
  const m = messages(locale);
  const ids = statusInputIds(position);
  return {
    title: m.ideaChangeStatus,
    statusId: ids.status,
    statusLabel: m.ideaNewStatus,
    statusError: m.errFieldRequired,
    value: idea.nextStatuses[0],
    choices: idea.nextStatuses.map((s) => ({ title: statusLabel(locale, s), value: s })),
    noteId: ids.note,
    noteLabel: compact ? m.ideaNoteLabelShort : m.ideaNoteLabel,
    save: m.ideaSaveStatus,
    verb: IDEA_VERBS.ideaStatus,
    data: { ideaId: idea.ideaId, input: ids.input },
  };
}
