import type { Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import template from './templates/fanout-progress.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** one channel a fan-out did not reach. */
export interface FanoutCardFailure {
  /** "Team › Kanal". */
  label: string;
  kind: 'skipped' | 'gone' | 'failed';
  /** the ledger's reason, shown for skipped channels. */
  reason: string;
}

/** what the admin's progress card shows. */
export interface FanoutCardView {
  campaignTitle: string;
  question: string;
  total: number;
  posted: number;
  failures: FanoutCardFailure[];
  /** false while posting (progress), true for the summary. */
  done: boolean;
}

/** failures listed by name on the card; the rest are counted (keeps the card far below Teams' 80 KB). */
export const MAX_LISTED_FAILURES = 25;

/** the admin's fan-out card: "37 von 120 Kanälen gepostet" while posting, then a summary naming the channels not reached. */
export function buildFanoutProgressCard(locale: Locale, view: FanoutCardView): AdaptiveCard {
  const m = messages(locale);
  const reasonOf = (f: FanoutCardFailure) =>
    f.kind === 'gone'
      ? m.fanoutFailureGone
      : f.kind === 'failed'
        ? m.fanoutFailureFailed
        : m.fanoutFailureSkipped(plainText(f.reason));
  const failures = view.done ? view.failures : [];
  const listed = failures.slice(0, MAX_LISTED_FAILURES);
  const allReached = view.done && failures.length === 0;
  return expandTemplate(template, {
    title: view.done ? m.fanoutDoneTitle(plainText(view.campaignTitle)) : m.fanoutTitle(plainText(view.campaignTitle)),
    question: m.fanoutQuestion(plainText(view.question)),
    progress: m.fanoutProgress(view.posted, view.total),
    progressColor: allReached ? 'Good' : view.done ? 'Warning' : 'Default',
    hint: view.done ? (allReached ? m.fanoutAllReached : '') : m.fanoutRunningHint,
    failuresTitle: m.fanoutFailuresTitle(failures.length),
    failures: listed.map((f) => ({ label: plainText(f.label), reason: reasonOf(f) })),
    more: failures.length > listed.length ? m.fanoutMoreFailures(failures.length - listed.length) : '',
  });
}
