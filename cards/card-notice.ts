import { plainText } from '../core/plain-text';

/** a line shown on top of the card: a confirmation (good) or a refusal (attention); plain text, shown as given (it may quote a person's idea or vote). */
export interface CardNotice {
  kind: 'good' | 'attention';
  text: string;
}

/** a notice as the card templates show it (a coloured line on top), or null; the text as typed, never as Markdown. */
export function noticeView(
  notice: CardNotice | undefined,
): { text: string; style: 'good' | 'attention'; color: 'Good' | 'Attention' } | null {
  if (!notice) return null;
  const good = notice.kind === 'good';
  return { text: plainText(notice.text), style: good ? 'good' : 'attention', color: good ? 'Good' : 'Attention' };
}
