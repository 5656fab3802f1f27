import { VERBS } from '../core/card-actions';
import { optionsOf, type Item } from '../core/items';
import { formatDateTime, formatNumber, type Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import { effectiveMinGroupSize, pollResults, type Tally } from '../core/tally';
import template from './templates/item.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** a line shown on top of the card: a confirmation (good) or a refusal (attention); plain text, shown as given (it may quote a person's idea or vote). */
export interface CardNotice {
  kind: 'good' | 'attention';
  text: string;
}

/** everything a poll or idea prompt card shows. */
export interface ItemCardInput {
  item: Item;
  locale: Locale;
  /** the poll's tally (polls only). */
  tally?: Tally;
  /** ideas received (idea prompts only). */
  ideaCount?: number;
  /** distinct people who answered. */
  participants: number;
  minGroupSize: number;
  timeZone: string;
  notice?: CardNotice;
  /** the viewer's own current vote, to preselect it in a choice list. */
  ownChoices?: number[];
}

/** single-choice polls with up to this many options get one button per option; more get a list. */
const MAX_BUTTONS = 5;

/** builds the card of a poll or idea prompt in its current state: open with inputs, or closed with results. */
export function buildItemCard(input: ItemCardInput): AdaptiveCard {
  const { item, locale } = input;
  const m = messages(locale);
  const closed = item.status === 'closed';
  const options = optionsOf(item);
  const payload = (extra: object) => ({ itemId: item.id, ...extra });

  const badge = item.kind === 'idea' ? m.ideaBadge : item.pollKind === 'rating' ? m.ratingBadge : m.pollBadge;
  const useButtons = !closed && item.kind === 'poll' && item.pollKind !== 'multi' && options.length <= MAX_BUTTONS;
  const useList = !closed && item.kind === 'poll' && !useButtons;

  let rows: { label: string; figure: string; filled: number; empty: number }[] = [];
  let average = '';
  let status: string;
  let statusDetail = '';
  if (item.kind === 'poll') {
    const results = pollResults(item, input.tally ?? { counts: [], voters: 0 }, input.minGroupSize);
    status = m.answeredCount(results.voters);
    if (results.visible) {
      rows = results.rows.map((r) => ({
        label: plainText(r.label),
        figure: `${formatNumber(locale, r.count)} · ${formatNumber(locale, r.percent)} %`,
        filled: Math.max(1, r.percent),
        empty: Math.max(1, 100 - r.percent),
      }));
      if (results.average !== undefined) average = m.ratingAverage(formatNumber(locale, results.average, 1));
    } else if (closed) {
      statusDetail = m.closedTooFew(effectiveMinGroupSize(input.minGroupSize));
    } else if (results.reason === 'anonymous-open') {
      statusDetail = m.anonymousResultsAfterClose;
    } else {
      statusDetail = m.neededCount(results.needed);
    }
  } else {
    status = m.ideasCount(input.ideaCount ?? 0);
    statusDetail = closed || item.anonymous ? '' : m.answeredCount(input.participants);
  }

  return expandTemplate(template, {
    notice: input.notice
      ? { text: plainText(input.notice.text), style: input.notice.kind === 'good' ? 'good' : 'attention', color: input.notice.kind === 'good' ? 'Good' : 'Attention' }
      : null,
    badge,
    anonymous: item.anonymous,
    anonymousBadge: m.anonymousBadge,
    closed,
    closedBadge: m.closedBadge,
    question: plainText(item.question),
    privacyNotice: item.anonymous ? m.anonymousNotice : m.namedNotice,
    hint: !closed && item.pollKind === 'multi' ? (item.maxChoices ? m.multiHintMax(item.maxChoices) : m.multiHint) : '',
    verb: item.kind === 'idea' ? VERBS.submitIdea : VERBS.vote,
    buttons: useButtons ? options.map((title, i) => ({ title, payload: payload({ choice: i }) })) : [],
    choiceSet: useList
      ? {
          id: item.pollKind === 'multi' ? 'choices' : 'choice',
          label: m.multiLabel,
          errorMessage: m.errNoChoice,
          isMultiSelect: item.pollKind === 'multi',
          value: (input.ownChoices ?? []).join(','),
          choices: options.map((title, i) => ({ title, value: String(i) })),
        }
      : null,
    textInput: !closed && item.kind === 'idea' ? { label: m.ideaLabel, placeholder: m.ideaPlaceholder, errorMessage: m.errIdeaEmpty } : null,
    submit: useList ? { title: m.submitChoices, payload: payload({}) } : !closed && item.kind === 'idea' ? { title: m.submitIdea, payload: payload({}) } : null,
    rows,
    average,
    status,
    statusDetail,
    closesAt: !closed && item.closesAt ? m.closesAt(formatDateTime(locale, item.closesAt, input.timeZone)) : '',
  });
}
