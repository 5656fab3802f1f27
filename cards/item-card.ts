import { randomUUID } from 'node:crypto';
import { VERBS } from '../core/card-actions';
import type { Item } from '../core/items';
import { optionLabels } from '../core/reader-words';
import { formatDateTime, formatNumber, type Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import { effectiveMinGroupSize, pollResults, type Tally } from '../core/tally';
import template from './templates/item.json';
import { expandTemplate, type AdaptiveCard } from './render';
import { noticeView, type CardNotice } from './card-notice';

export type { CardNotice } from './card-notice';

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
  /** the viewer's own view: whether "Schließen" is offered in the card's overflow menu (leaders and admins, open items). */
  viewer?: { canClose: boolean };
}

/** single-choice polls with up to this many options get one button per option; more get a list. */
const MAX_BUTTONS = 5;

/** builds the card of a poll or idea prompt in its current state: open with inputs, or closed with results. */
export function buildItemCard(input: ItemCardInput): AdaptiveCard {
  return expandItemCard(itemCardData(input));
}

/** what the item template is bound to for a card (exported for the spec that checks the memoised expansion). */
export function itemCardData(input: ItemCardInput): ItemCardData {
  const { item, locale } = input;
  const m = messages(locale);
  const closed = item.status === 'closed';
  const options = optionLabels(item, locale);
  const payload = (extra: object) => ({ itemId: item.id, ...extra });

  const badge = item.kind === 'idea' ? m.ideaBadge : item.pollKind === 'rating' ? m.ratingBadge : m.pollBadge;
  const useButtons = !closed && item.kind === 'poll' && item.pollKind !== 'multi' && options.length <= MAX_BUTTONS;
  const useList = !closed && item.kind === 'poll' && !useButtons;

  let rows: { label: string; figure: string; filled: number; empty: number }[] = [];
  let average = '';
  let status: string;
  let statusDetail = '';
  if (item.kind === 'poll') {
    const results = pollResults(item, input.tally ?? { counts: [], voters: 0 }, input.minGroupSize, locale);
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

  return {
    notice: noticeView(input.notice),
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
    textInput:
      !closed && item.kind === 'idea'
        ? { label: m.ideaLabel, placeholder: m.ideaPlaceholder, errorMessage: m.errIdeaEmpty }
        : null,
    submit: useList
      ? { title: m.submitChoices, payload: payload({}) }
      : !closed && item.kind === 'idea'
        ? { title: m.submitIdea, payload: payload({}) }
        : null,
    rows,
    average,
    status,
    statusDetail,
    closesAt: !closed && item.closesAt ? m.closesAt(formatDateTime(locale, item.closesAt, input.timeZone)) : '',
    // a closed item: leaders and admins post its results to the team (the handler checks who clicks).
    results: closed
      ? { title: m.resultsPostButton, verb: VERBS.postResults, payload: { kind: 'item', id: item.id, itemId: item.id } }
      : null,
    // an idea prompt: its ideas, in the person's own view, in place of the card.
    ideas:
      item.kind === 'idea' ? { title: m.viewIdeasButton, verb: VERBS.promptIdeas, payload: { itemId: item.id } } : null,
    // only in the own view of someone who may close it, in the overflow menu; never on the shared card.
    close:
      !closed && input.viewer?.canClose
        ? { title: m.closeItemButton, verb: VERBS.closeItem, payload: { itemId: item.id } }
        : null,
  };
}

/** what the item template is bound to. */
export interface ItemCardData {
  notice: { text: string; style: string; color: string } | null;
  status: string;
  statusDetail: string;
  average: string;
  rows: { label: string; figure: string; filled: number; empty: number }[];
  choiceSet: { value: string; [field: string]: unknown } | null;
  [field: string]: unknown;
}

/** marks a slot in a card's JSON; a UUID per process cannot occur in real content. */
const SLOT = `slot-${randomUUID()}-`;
const SLOT_IN_JSON = new RegExp(`"${SLOT}(\\d+)"`, 'g');
const SHAPES_KEPT = 200;
/** expanded cards per shape, as JSON with slots; null: this shape is always expanded in full. */
const shapes = new Map<string, string | null>();

/**
 * the data with every value that changes from answer to answer (the notice, the counts and the figures of the rows,
 * the status lines, the preselected choices) replaced by a numbered slot, and those values. A slot stands only for
 * a text that is not empty (and for numbers): whether a text is empty decides what the card shows, so it stays part
 * of the shape.
 */
function slotted(data: ItemCardData): { shape: ItemCardData; values: (string | number)[] } {
  const values: (string | number)[] = [];
  const slot = <T extends string | number>(value: T): T | string => {
    if (value === '') return value;
    values.push(value);
    return `${SLOT}${values.length - 1}`;
  };
  const shape = {
    ...data,
    notice: data.notice && { ...data.notice, text: slot(data.notice.text) },
    status: slot(data.status),
    statusDetail: slot(data.statusDetail),
    average: slot(data.average),
    rows: data.rows.map((r) => ({
      label: r.label,
      figure: slot(r.figure),
      filled: slot(r.filled),
      empty: slot(r.empty),
    })),
    choiceSet: data.choiceSet && { ...data.choiceSet, value: slot(data.choiceSet.value) },
  } as ItemCardData;
  return { shape, values };
}

/**
 * binds the item template to its data. A card after every vote differs from the one before only in its counts and
 * texts: the template is expanded once per shape (the item, the language, which parts show) with slots for those
 * values, kept as JSON, and each card is that JSON with the values filled in (a pure function, memoised). The first
 * card of a shape is also expanded in full and compared; a shape whose slots do not reproduce it (a template
 * condition on a slotted value) is always expanded in full.
 */
function expandItemCard(data: ItemCardData): AdaptiveCard {
  const { shape, values } = slotted(data);
  const key = JSON.stringify(shape);
  let json = shapes.get(key);
  if (json === null) return expandTemplate(template, data);
  const fill = (withSlots: string) =>
    withSlots.replace(SLOT_IN_JSON, (_, i: string) => JSON.stringify(values[Number(i)]));
  if (json === undefined) {
    const direct = expandTemplate(template, data);
    json = JSON.stringify(expandTemplate(template, shape));
    const filled = fill(json);
    const reproduces = !filled.includes(SLOT) && filled === JSON.stringify(direct);
    if (shapes.size >= SHAPES_KEPT) shapes.delete(shapes.keys().next().value as string);
    shapes.set(key, reproduces ? json : null);
    return direct;
  }
  return JSON.parse(fill(json)) as AdaptiveCard;
}
