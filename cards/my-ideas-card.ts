import type { MeasureStatus } from '../core/measures/measure';
import { shorten, statusLabel, type IdeaStatus } from '../core/ideas/idea-status';
import type { Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import template from './templates/my-ideas.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** a measure an idea is part of, as `meine ideen` shows it. */
export interface MyIdeaMeasure {
  title: string;
  status: MeasureStatus;
  ownerName: string;
  /** the target date, `YYYY-MM-DD`. */
  dueDate: string;
}

/** one of the person's named ideas with what became of it. */
export interface MyIdea {
  text: string;
  teamName: string;
  createdAt: Date;
  status: IdeaStatus;
  measures: MyIdeaMeasure[];
  /** the latest note: the measure's latest progress note, else the note of the idea's last status change. */
  latestNote?: string;
}

/** how long texts get on the card, which keeps a long list of ideas well under Teams' message size. */
const LIMITS = { text: 300, title: 120, note: 300, name: 60 } as const;

/** a calendar day `YYYY-MM-DD` as people read it (dd.MM.yyyy in German). */
export function formatDay(locale: Locale, day: string): string {
  const [y, m, d] = day.split('-');
  return locale === 'de' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}

/**
 * the answer to `meine ideen`: each named idea of the person, newest first, with team, date, status, the measures it
 * is part of (title, status, owner, target date) and the latest note; `more` older ideas are counted, not listed.
 * Texts show as typed (plainText).
 */
export function buildMyIdeasCard(
  locale: Locale,
  input: { ideas: MyIdea[]; more: number; timeZone: string },
): AdaptiveCard {
  const m = messages(locale);
  const day = (at: Date) =>
    new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
      timeZone: input.timeZone,
      dateStyle: 'medium',
    }).format(at);
  return expandTemplate(template, {
    title: m.myIdeasTitle,
    intro: m.myIdeasIntro,
    empty: m.myIdeasNone,
    ideas: input.ideas.map((idea) => ({
      text: plainText(shorten(idea.text, LIMITS.text)),
      meta: m.myIdeasMeta(plainText(idea.teamName), day(idea.createdAt), statusLabel(locale, idea.status)),
      measures: idea.measures.map((x) =>
        m.myIdeasMeasure(
          plainText(shorten(x.title, LIMITS.title)),
          m.measureStatusLabels[x.status],
          plainText(shorten(x.ownerName, LIMITS.name)),
          formatDay(locale, x.dueDate),
        ),
      ),
      note: idea.latestNote ? m.myIdeasNote(plainText(shorten(idea.latestNote, LIMITS.note))) : '',
    })),
    more: input.more > 0 ? m.myIdeasMore(input.more) : '',
    footnote: m.myIdeasAnonymousNote,
  });
}
