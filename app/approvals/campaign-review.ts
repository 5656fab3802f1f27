import { approvalStateLabel, buildApprovalCard } from '../../cards/approval-card';
import { approvalState, type ApprovalState } from '../../core/approvals/approval-rule';
import type { Campaign } from '../../core/campaigns/campaign';
import { describeCampaignChanges } from '../../core/campaigns/campaign-changes';
import { campaignPlan, type PlanContext } from '../../core/campaigns/campaign-plan';
import type { Locale } from '../../core/locale';
import type { ApprovalRecord } from '../../storage/approval-repository';
import { campaignVersion, type StoredCampaign } from '../../storage/campaign-repository';
import { tellCouncil } from './council-reach';
import type { HoldPorts } from './ports';

/** who sent a version for approval: an admin (AAD object id and name) or a campaign file (`file:<name>`). */
export interface Requester {
  id: string;
  name?: string;
}

/** the content of a campaign without its bookkeeping, as kept with an approval. */
function contentOf(c: Campaign): Campaign {
  return {
    id: c.id,
    title: c.title,
    ...(c.description !== undefined && { description: c.description }),
    targets: c.targets,
    channel: c.channel,
    timeZone: c.timeZone,
    status: c.status,
    ...(c.retentionDays !== undefined && { retentionDays: c.retentionDays }),
    items: c.items,
  };
}

/** whether a campaign in this status needs the council's approval before it posts (drafts and ended ones never post). */
const awaitsPosting = (c: Campaign) => c.status !== 'draft' && c.status !== 'ended';

/** the newest approved version among records, other than `except`. */
function lastApproved(records: readonly ApprovalRecord[], needed: number, except?: string): ApprovalRecord | undefined {
  return [...records]
    .reverse()
    .find((r) => r.request.version !== except && approvalState(r.decisions, needed).kind === 'approved');
}

/** the deployment's thresholds and names, for a readable plan. */
export async function planContext(s: Pick<HoldPorts, 'config' | 'storage'>): Promise<PlanContext> {
  const [org, teams] = await Promise.all([s.storage.org.organisation(), s.storage.installations.activeTeams()]);
  return {
    minGroupSize: s.config.minGroupSize,
    minGroupSizeText: s.config.minGroupSizeText,
    retentionDays: s.config.retentionDays,
    unitNames: new Map(org.units.map((u) => [u.id, u.name])),
    teamNames: new Map(teams.map((t) => [t.teamId, t.name || t.teamId])),
  };
}

/** what changed since the last approved version, in the reader's language; empty for a first version. */
export function changesSinceApproval(
  records: readonly ApprovalRecord[],
  campaign: Campaign,
  needed: number,
  locale: Locale,
): string[] {
  const previous = lastApproved(records, needed, campaignVersion(campaign));
  return previous ? describeCampaignChanges(JSON.parse(previous.request.content) as Campaign, campaign, locale) : [];
}

/** the approval card of a campaign's version for one reader. */
export function campaignApprovalCard(
  locale: Locale,
  campaign: Campaign,
  record: ApprovalRecord,
  records: readonly ApprovalRecord[],
  context: PlanContext,
  needed: number,
  extra: Pick<Parameters<typeof buildApprovalCard>[1], 'own' | 'notice' | 'readOnly'> = {},
) {
  const plan = campaignPlan(campaign, locale, context);
  return buildApprovalCard(locale, {
    subject: { kind: 'campaign', id: campaign.id, version: record.request.version },
    campaignTitle: plan.title,
    sections: plan.sections,
    changes: changesSinceApproval(records, campaign, needed, locale),
    state: approvalState(record.decisions, needed),
    ...(record.request.requestedByName && { requestedByName: record.request.requestedByName }),
    ...extra,
  });
}

/**
 * sends a campaign's current version to the staff council when approval is required and it would post: stores the
 * version with its content (once per version; a version sent before is not sent again), audits `campaign.review` with
 * the number of change lines since the last approved version, and sends every council member the approval card. Call it
 * whenever a campaign was made, changed or scheduled (wizard, file reload, "planen"). Returns whether a new version went out.
 */
export async function reviewCampaign(s: HoldPorts, campaign: StoredCampaign, by: Requester): Promise<boolean> {
  if (!s.config.approvalRequired || !awaitsPosting(campaign)) return false;
  const version = campaignVersion(campaign);
  const at = s.now();
  const created = await s.storage.approvals.request({
    kind: 'campaign',
    subjectId: campaign.id,
    version,
    content: JSON.stringify(contentOf(campaign)),
    requestedAt: at,
    requestedBy: by.id,
    ...(by.name && { requestedByName: by.name }),
  });
  if (created === 'exists') return false;
  const needed = s.config.approvalsNeeded;
  const records = await s.storage.approvals.records('campaign', campaign.id);
  const record = records.find((r) => r.request.version === version);
  if (!record) return false;
  const changes = changesSinceApproval(records, campaign, needed, s.config.defaultLocale);
  const context = await planContext(s);
  const reached = await tellCouncil(s, (locale) =>
    campaignApprovalCard(locale, campaign, record, records, context, needed),
  );
  await s.storage.audit.record({
    actorId: by.id,
    ...(by.name && { actorName: by.name }),
    action: 'campaign.review',
    target: campaign.id,
    details: { version: version.slice(0, 12), changes: changes.length, councilNotified: reached },
    at,
  });
  s.log.info({ campaignId: campaign.id, changes: changes.length, reached }, 'campaign sent for approval');
  return true;
}

/** where a campaign's current version stands with the council; undefined when no approval is needed (or a draft). */
export async function campaignApproval(s: HoldPorts, campaign: Campaign): Promise<ApprovalState | undefined> {
  if (!s.config.approvalRequired || !awaitsPosting(campaign)) return undefined;
  const record = await s.storage.approvals.record('campaign', campaign.id, campaignVersion(campaign));
  return approvalState(record?.decisions ?? [], s.config.approvalsNeeded);
}

/** the scheduler's gate: a campaign posts only when approval is not required or its current content is approved. */
export async function mayPostCampaign(s: HoldPorts, campaign: Campaign): Promise<boolean> {
  if (!s.config.approvalRequired) return true;
  return (await campaignApproval(s, campaign))?.kind === 'approved';
}

/** the approval state as the campaign list shows it, or undefined. */
export async function campaignApprovalLabel(
  s: HoldPorts,
  campaign: Campaign,
  locale: Locale,
): Promise<string | undefined> {
  const state = await campaignApproval(s, campaign);
  return state && approvalStateLabel(locale, state);
}
