import { campaignPlan } from '../../core/campaigns/campaign-plan';
import { planContext } from '../approvals';
import { writeCampaignFile } from '../../core/campaigns/campaign-file-writer';
import { planDocument } from '../../core/campaigns/plan-document';
import type { PlanRequest } from '../../core/campaigns/plan-request';
import { formatDateTime } from '../../core/locale';
import { messages } from '../../core/messages';
import type { DownloadFile } from '../exports';
import { mayReadPlans } from './plan-access';
import type { PlanPorts } from './ports';

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
