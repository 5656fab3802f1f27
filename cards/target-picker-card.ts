import { VERBS } from '../core/card-actions';
import type { ItemDraft } from '../core/items';
import type { Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import template from './templates/target-picker.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** a team channel the bot may post into. */
export interface PostTarget {
  teamId: string;
  channelId: string;
  label: string;
}

/** asks, in the personal chat, which team and channel an item should be posted into. */
export function buildTargetPickerCard(locale: Locale, draft: ItemDraft, targets: PostTarget[]): AdaptiveCard {
  const m = messages(locale);
  const badge = draft.kind === 'idea' ? m.ideaBadge : draft.pollKind === 'rating' ? m.ratingBadge : m.pollBadge;
  const choices = targets.map((t) => ({ title: t.label, value: `${t.teamId}|${t.channelId}` }));
  return expandTemplate(template, {
    title: m.pickTargetTitle,
    badge: draft.anonymous ? `${badge} · ${m.anonymousBadge}` : badge,
    question: plainText(draft.question),
    optionLines: draft.options.map(plainText),
    label: m.pickTargetLabel,
    firstValue: choices[0]?.value ?? '',
    targets: choices,
    submitTitle: m.pickTargetSubmit,
    verb: VERBS.postTo,
    payload: { draft },
  });
}
