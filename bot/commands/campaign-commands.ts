import { MessageFactory } from 'botbuilder';
import { messages } from '../../core/messages';
import { formatCampaignFileError } from '../../core/campaigns/campaign-file';
import { reloadCampaigns } from '../campaign-runtime';
import { campaignListCard } from '../campaign-summaries';
import type { CommandHandler } from './command-turn';

/** `kampagnen` / `campaigns`: lists campaigns with status, next post and pause/resume/end buttons. */
export const campaignsCommand: CommandHandler<'campaigns'> = async ({ ctx, facts, s }) => {
  await ctx.sendActivity(MessageFactory.attachment(await campaignListCard(s, facts.locale)));
};

/** `kampagnen laden` / `reload campaigns`: reads CAMPAIGNS_DIR again; each rejected file is named with line and problem. */
export const reloadCampaignsCommand: CommandHandler<'reloadCampaigns'> = async ({ ctx, facts, s }) => {
  const result = await reloadCampaigns(s);
  const lines = [messages(facts.locale).campaignsReloaded(result.loaded.length, result.errors.length), ...result.errors.map((e) => `• ${formatCampaignFileError(e)}`)];
  await ctx.sendActivity(lines.join('\n\n'));
  await ctx.sendActivity(MessageFactory.attachment(await campaignListCard(s, facts.locale)));
};
