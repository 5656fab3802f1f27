import { buildCampaignPlanCard } from '../../cards/campaign-plan-card';
import { asAttachment } from '../../cards/render';
import type { VERBS } from '../../core/card-actions';
import { fail, ok } from '../../core/problems';
import type { ActionHandler } from '../ports/turn';
import { mayReadPlans } from './plan-access';
import type { PlanPorts } from './ports';

/**
 * "Plan" on the campaign list: answers with a card offering two short-lived links, the readable plan (HTML, in the
 * person's language) and the campaign file (YAML). Only for people who may read plans (plan-access.ts).
 */
export const campaignPlanAction: ActionHandler<typeof VERBS.campaignPlan, PlanPorts> = async (turn, payload) => {
  const { s, facts } = turn;
  if (!(await mayReadPlans(s, turn.personId))) return fail('errPlanNotAllowed');
  const campaign = await s.storage.campaigns.get(payload.campaignId);
  if (!campaign) return fail('errCampaignNotFound');
  const request = { campaignId: campaign.id, personId: turn.personId, locale: facts.locale };
  const html = s.planLinks.link({ ...request, format: 'html' });
  const yaml = s.planLinks.link({ ...request, format: 'yaml' });
  if (!html || !yaml) {
    s.log.warn({ campaignId: campaign.id }, 'plan links not made: PUBLIC_BASE_URL is not set');
    return fail('errExportNotConfigured');
  }
  s.log.info({ campaignId: campaign.id, by: turn.personId }, 'campaign plan offered');
  return ok(
    asAttachment(
      buildCampaignPlanCard(facts.locale, { title: campaign.title, html, yaml, linkMinutes: s.planLinks.minutes }),
    ),
  );
};
