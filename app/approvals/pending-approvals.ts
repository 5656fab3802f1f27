import { approvalState } from '../../core/approvals/approval-rule';
import { campaignVersion } from '../../storage/campaign-repository';
import { campaignApprovalCard, planContext } from './campaign-review';
import { sendToPerson } from './council-reach';
import type { HoldPorts } from './ports';

/**
 * sends a new council member the approval cards of the campaigns whose current version still waits for approval, so
 * nothing waits for a member who was not there when it was sent. Returns how many cards went out.
 */
export async function pendingCardsFor(s: HoldPorts, personId: string): Promise<number> {
  if (!s.config.approvalRequired) return 0;
  const needed = s.config.approvalsNeeded;
  let sent = 0;
  const context = await planContext(s);
  for (const campaign of await s.storage.campaigns.list()) {
    if (campaign.status === 'draft' || campaign.status === 'ended') continue;
    const records = await s.storage.approvals.records('campaign', campaign.id);
    const record = records.find((r) => r.request.version === campaignVersion(campaign));
    if (!record || approvalState(record.decisions, needed).kind !== 'pending') continue;
    if (await sendToPerson(s, personId, (l) => campaignApprovalCard(l, campaign, record, records, context, needed)))
      sent++;
  }
  return sent;
}
