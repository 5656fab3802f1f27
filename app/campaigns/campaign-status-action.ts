import { VERBS } from '../../core/card-actions';
import type { CampaignsPorts } from './ports';
import { fail, ok } from '../../core/problems';
import { campaignListCard } from './campaign-summaries';
import type { ActionHandler } from '../ports/turn';
import { reviewCampaign } from '../approvals';

/** an admin pauses, resumes or ends a campaign from the list card; the admin check is here, never in card data. */
export const campaignStatusAction: ActionHandler<typeof VERBS.campaignStatus, CampaignsPorts> = async (
  turn,
  payload,
) => {
  const { s, facts } = turn;
  if (!(await s.isAdmin(turn.personId))) return fail('errNotAdmin');
  const updated = await s.storage.campaigns.setStatus(payload.campaignId, payload.status, turn.personId);
  if (!updated) return fail('errInvalidPayload');
  await s.storage.audit.record({
    actorId: turn.personId,
    actorName: facts.userName,
    action: 'campaign.status',
    target: payload.campaignId,
    details: { status: payload.status },
    at: s.now(),
  });
  s.log.info({ campaignId: payload.campaignId, status: payload.status, by: turn.personId }, 'campaign status changed');
  await reviewCampaign(s, updated, { id: turn.personId, name: facts.userName || undefined });
  return ok(await campaignListCard(s, facts.locale));
};
