import type { Locale } from '../../core/locale';
import type { CardAttachment } from '../render';

/** one card in one state, built with the real builder from realistic data. */
export interface CardSample {
  /** kebab-case; names the pictures docs/images/cards/<id>-<locale>.png. */
  id: string;
  /** a short English title for the gallery. */
  title: string;
  /** one line: when a person sees this card and what it is for. */
  purpose: string;
  /** the file name in cards/templates/ (without .json) the builder expands; every template needs a sample. */
  template: string;
  build(locale: Locale): CardAttachment;
}
