import { MessageFactory } from 'botbuilder';
import { messages } from '../../core/messages';
import { formatCampaignFileError } from '../../core/campaigns/campaign-file';
import { reloadCampaigns } from '../campaign-runtime';
import { campaignListCard } from '../campaign-summaries';
import { orgFileReportLines, reloadOrgFile } from '../org-file-loader';
import type { CommandHandler } from './command-turn';

/** `kampagnen` / `campaigns`: lists campaigns with status, next post and pause/resume/end buttons. */
export const campaignsCommand: CommandHandler<'campaigns'> = async ({ ctx, facts, s }) => {
  await ctx.sendActivity(MessageFactory.attachment(await campaignListCard(s, facts.locale)));
};

/**
 * `kampagnen laden` / `reload campaigns`: reads CAMPAIGNS_DIR and the organisation file (ORG_FILE) again; each rejected
 * file is named with line and problem, and unresolved leaders are listed.
 */
export const reloadCampaignsCommand: CommandHandler<'reloadCampaigns'> = async ({ ctx, facts, s, personId }) => {
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
  await ctx.sendActivity(lines.join('\n\n'));
  await ctx.sendActivity(MessageFactory.attachment(await campaignListCard(s, facts.locale)));
};
