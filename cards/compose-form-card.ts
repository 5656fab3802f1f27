import { FORM_KINDS, type ComposeField, type ComposeValues, type FormKind } from '../core/compose-form';
import { LIMITS } from '../core/items';
import type { Locale } from '../core/locale';
import { messages } from '../core/messages';
import formTemplate from './templates/compose-form.json';
import offerTemplate from './templates/compose-offer.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** what the posting form's submit button and the offer card's button send besides the inputs: marks them as ours. */
export const COMPOSE_DATA = { mitwirken: 'compose' } as const;

/** the posting form, filled with what was typed, a problem under each field that has one. */
export interface ComposeFormInput {
  locale: Locale;
  values: ComposeValues;
  /** the problem under each field, as a sentence. */
  errors?: Partial<Record<ComposeField, string>>;
  /** today, `YYYY-MM-DD` in the configured time zone: the earliest date the date picker offers. */
  today: string;
}

function kindTitle(locale: Locale, kind: FormKind): string {
  const m = messages(locale);
  return {
    single: m.composeKindSingle,
    multi: m.composeKindMulti,
    rating: m.composeKindRating,
    yesno: m.composeKindYesNo,
    idea: m.composeKindIdea,
  }[kind];
}

/**
 * the posting form of the message extension and the dialog: kind, question, options (one per line), anonymous, open
 * until (date and time, optional). Inputs show the values as typed; a problem stands under its field.
 */
export function buildComposeFormCard(input: ComposeFormInput): AdaptiveCard {
  const m = messages(input.locale);
  const errors = input.errors ?? {};
  const hasErrors = Object.values(errors).some((e) => e);
  return expandTemplate(formTemplate, {
    notice: hasErrors ? m.composeCheck : null,
    title: m.composeTitle,
    intro: m.composeIntro,
    kindLabel: m.composeKindLabel,
    kindRequired: m.errFormKindMissing,
    kinds: FORM_KINDS.map((k) => ({ title: kindTitle(input.locale, k), value: k })),
    questionLabel: m.composeQuestionLabel,
    questionPlaceholder: m.composeQuestionPlaceholder,
    questionMax: LIMITS.questionMax,
    questionRequired: m.errFormQuestionMissing,
    optionsLabel: m.composeOptionsLabel,
    optionsPlaceholder: m.composeOptionsPlaceholder,
    anonymousLabel: m.composeAnonymousLabel,
    closesDateLabel: m.composeClosesDateLabel,
    closesTimeLabel: m.composeClosesTimeLabel,
    today: input.today,
    values: { ...input.values, anonymous: input.values.anonymous ? 'true' : 'false' },
    errors: {
      kind: errors.kind ?? '',
      question: errors.question ?? '',
      options: errors.options ?? '',
      closesDate: errors.closesDate ?? '',
      closesTime: errors.closesTime ?? '',
    },
    submit: m.composeSubmit,
    data: COMPOSE_DATA,
  });
}

/** the small card `umfrage` without a question answers with: a button that opens the posting form as a dialog. */
export function buildComposeOfferCard(locale: Locale, kind: FormKind): AdaptiveCard {
  const m = messages(locale);
  return expandTemplate(offerTemplate, {
    title: m.composeOfferTitle,
    text: m.composeOfferText,
    button: m.composeOfferButton,
    data: { msteams: { type: 'task/fetch' }, ...COMPOSE_DATA, kind },
  });
}
