import { campaignPlan, type PlanContext } from '../../core/campaigns/campaign-plan';
import { writeCampaignFile } from '../../core/campaigns/campaign-file-writer';
import { planDocument } from '../../core/campaigns/plan-document';
import type { PlanRequest } from '../../core/campaigns/plan-request';
import { formatDateTime } from '../../core/locale';
import { messages } from '../../core/messages';
import type { DownloadFile } from '../exports';
import { mayReadPlans } from './plan-access';
import type { PlanPorts } from './ports';

/** the deployment's thresholds and retention, and the names of the teams and units a plan may name by id. */
export async function planContext(s: PlanPorts): Promise<PlanContext> {
  const [teams, organisation] = await Promise.all([
    s.storage.installations.activeTeams(),
    s.storage.org.organisation(),
  ]);
  return {
    minGroupSize: s.config.minGroupSize,
    minGroupSizeText: s.config.minGroupSizeText,
    retentionDays: s.config.retentionDays,
    teamNames: new Map(teams.map((t) => [t.teamId, t.name])),
    unitNames: new Map(organisation.units.map((u) => [u.id, u.name])),
  };
}

/**
 * the file behind a plan link: the readable plan as HTML in the requester's language, or the campaign file as YAML;
 * built at download time from the stored campaign, with the person's permission checked again.
 */
export async function planFileFor(s: PlanPorts, request: PlanRequest): Promise<DownloadFile | 'forbidden' | 'missing'> {
  if (!(await mayReadPlans(s, request.personId))) return 'forbidden';
  const campaign = await s.storage.campaigns.get(request.campaignId);
  if (!campaign) return 'missing';
  if (request.format === 'yaml')
    return {
      fileName: `${campaign.id}.yml`,
      contentType: 'application/yaml; charset=utf-8',
      body: writeCampaignFile(campaign),
    };
  const m = messages(request.locale);
  const plan = campaignPlan(campaign, request.locale, await planContext(s));
  return {
    fileName: m.planHtmlFileName(campaign.id),
    contentType: 'text/html; charset=utf-8',
    body: planDocument(plan, request.locale, {
      campaignId: campaign.id,
      status: m.campaignStatus[campaign.status] ?? campaign.status,
      madeAt: formatDateTime(request.locale, s.now(), s.config.timeZone),
    }),
  };
}
