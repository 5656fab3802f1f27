import { VERBS } from '../core/card-actions';
import type { ApprovalSubjectKind } from '../core/approvals/approval-payload';
import { APPROVAL_COMMENT_MAX, type ApprovalState } from '../core/approvals/approval-rule';
import type { PlanSection } from '../core/campaigns/campaign-plan';
import type { Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import template from './templates/approval.json';
import { expandTemplate, type AdaptiveCard } from './render';
import { noticeView } from './card-notice';

/** what the staff council's approval card shows. */
export interface ApprovalCardInput {
  subject: { kind: ApprovalSubjectKind; id: string; version: string };
  /** the campaign's title, or undefined for a held ad-hoc item. */
  campaignTitle?: string;
  /** the readable plan (core/campaigns/campaign-plan) or the held item, as sections. */
  sections: PlanSection[];
  /** what changed since the last approved version, one line each (core/campaigns/campaign-changes). */
  changes: string[];
  state: ApprovalState;
  requestedByName?: string;
  /** the reader's own decision on this version, when they made one: the buttons are gone then. */
  own?: { kind: 'approve' | 'changes'; comment?: string };
  /** a problem or confirmation shown on top. */
  notice?: { text: string; kind: 'good' | 'attention' };
  /** shown to someone who may not decide (an admin outside the council): the card without its buttons. */
  readOnly?: boolean;
}

/** the state of a version in words: "zur Freigabe (1 von 2)", "freigegeben", "Änderungen erbeten". */
export function approvalStateLabel(locale: Locale, state: ApprovalState): string {
  const m = messages(locale);
  if (state.kind === 'approved') return m.approvalStateApproved;
  if (state.kind === 'changes-requested') return m.approvalStateChanges;
  return m.approvalStatePending(state.approvals, state.needed);
}

/**
 * the approval card a staff council member gets in their personal chat: the plan, what changed since the last
 * approval, the state, and "Freigeben" / "Änderungen erbitten" with a comment field (needed for a request for changes).
 * The buttons carry the version they were shown for, so a decision never applies to content the member did not see.
 */
export function buildApprovalCard(locale: Locale, input: ApprovalCardInput): AdaptiveCard {
  const m = messages(locale);
  const base = { kind: input.subject.kind, id: input.subject.id, version: input.subject.version };
  const open = !input.own && !input.readOnly && input.state.kind !== 'changes-requested';
  return expandTemplate(template, {
    notice: noticeView(input.notice) ?? undefined,
    title: plainText(
      input.campaignTitle === undefined ? m.approvalItemTitle : m.approvalCampaignTitle(input.campaignTitle),
    ),
    intro: m.approvalIntro,
    state: m.approvalStateLine(approvalStateLabel(locale, input.state)),
    requestedBy: input.requestedByName ? plainText(m.approvalRequestedBy(input.requestedByName)) : '',
    changesHeading: m.approvalChangedHeading,
    changes: input.changes.map(plainText),
    sections: input.sections.map((s) => ({ heading: plainText(s.heading), lines: s.lines.map(plainText) })),
    decided: input.own
      ? plainText(
          input.own.kind === 'approve' ? m.approvalYouApproved : m.approvalYouRequested(input.own.comment ?? ''),
        )
      : '',
    // the plan as a printable document and as a campaign file (the same links as on the campaign list).
    plan:
      input.subject.kind === 'campaign'
        ? { title: m.approvalPlanDownload, verb: VERBS.campaignPlan, data: { campaignId: input.subject.id } }
        : undefined,
    decide: open
      ? {
          verb: VERBS.approval,
          commentLabel: m.approvalCommentLabel,
          commentMax: APPROVAL_COMMENT_MAX,
          approve: m.approvalApprove,
          changes: m.approvalRequestChanges,
          approveData: { ...base, decision: 'approve' },
          changesData: { ...base, decision: 'changes' },
        }
      : undefined,
  });
}
