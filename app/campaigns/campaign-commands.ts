import { messages } from '../../core/messages';
import type { CampaignsPorts } from './ports';
import { formatCampaignFileError } from '../../core/campaigns/campaign-file';
import { reloadCampaigns } from './campaign-runtime';
import { campaignListCard } from './campaign-summaries';
import { orgFileReportLines, reloadOrgFile } from '../leaders';
import type { CommandHandler } from '../ports/turn';

/** `kampagnen` / `campaigns`: lists campaigns with status, next post and pause/resume/end buttons. */
export const campaignsCommand: CommandHandler<'campaigns', CampaignsPorts> = async ({ reply, facts, s }) => {
  await reply(await campaignListCard(s, facts.locale));
};

/**
 * `kampagnen laden` / `reload campaigns`: reads CAMPAIGNS_DIR and the organisation file (ORG_FILE) again; each rejected
 * file is named with line and problem, and unresolved leaders are listed.
 */
export const reloadCampaignsCommand: CommandHandler<'reloadCampaigns', CampaignsPorts> = async ({
  reply,
  facts,
  s,
  personId,
}) => {
  const result = await reloadCampaigns(s);
  const org = await reloadOrgFile(s, { id: personId, name: facts.userName || undefined });
  await s.storage.audit.record({
    actorId: personId,
    actorName: facts.userName || undefined,
    action: 'campaigns.reload',
    details: { loaded: result.loaded.length, errors: result.errors.length },
    at: s.now(),
  });
  const lines = [
    messages(facts.locale).campaignsReloaded(result.loaded.length, result.errors.length),
    ...result.errors.map((e) => `• ${formatCampaignFileError(e)}`),
    ...orgFileReportLines(facts.locale, org),
  ];
  await reply(lines.join('\n\n'));
  await reply(await campaignListCard(s, facts.locale));
};
