import type { AdaptiveCard } from '../../cards/render';
import { approvalState } from '../../core/approvals/approval-rule';
import type { Locale } from '../../core/locale';
import { campaignVersion } from '../../storage/campaign-repository';
import type { ApprovalRecord } from '../../storage/approval-repository';
import { heldItemCard } from './adhoc-hold';
import { campaignApprovalCard, planContext } from './campaign-review';
import type { HoldPorts } from './ports';

/** one version waiting for the staff council, as the approval card for a reader's language. */
export type WaitingCard = (locale: Locale) => AdaptiveCard;

const decidedBy = (record: ApprovalRecord, personId: string | undefined) =>
  personId !== undefined && record.decisions.some((d) => d.memberId === personId);

/**
 * every version still waiting for the staff council, as approval cards: the current version of each campaign that would
 * post, and each held ad-hoc item not yet approved or stopped. With `personId`, only those this member has not decided
 * on yet. `readOnly` cards have no buttons (for an admin outside the council). Campaigns first, oldest request first.
 */
export async function waitingApprovals(
  s: HoldPorts,
  options: { personId?: string; readOnly?: boolean } = {},
): Promise<WaitingCard[]> {
  const needed = s.config.approvalsNeeded;
  const extra = options.readOnly ? { readOnly: true } : {};
  const waiting = (r: ApprovalRecord) =>
    approvalState(r.decisions, needed).kind === 'pending' && !decidedBy(r, options.personId);
  const cards: Array<{ at: number; card: WaitingCard }> = [];

  if (s.config.approvalRequired) {
    const context = await planContext(s);
    for (const campaign of await s.storage.campaigns.list()) {
      if (campaign.status === 'draft' || campaign.status === 'ended') continue;
      const records = await s.storage.approvals.records('campaign', campaign.id);
      const record = records.find((r) => r.request.version === campaignVersion(campaign));
      if (!record || !waiting(record)) continue;
      cards.push({
        at: record.request.requestedAt.getTime(),
        card: (l) => campaignApprovalCard(l, campaign, record, records, context, needed, extra),
      });
    }
  }
  const items: Array<{ at: number; card: WaitingCard }> = [];
  const clock = { now: s.now(), timeZone: s.config.timeZone };
  for (const holdId of await s.storage.approvals.subjects('item')) {
    for (const record of await s.storage.approvals.records('item', holdId)) {
      if (!waiting(record)) continue;
      items.push({
        at: record.request.requestedAt.getTime(),
        card: (l) => heldItemCard(l, holdId, record, needed, clock, extra),
      });
    }
  }
  const byAge = (a: { at: number }, b: { at: number }) => a.at - b.at;
  return [...cards.sort(byAge), ...items.sort(byAge)].map((c) => c.card);
}
