import { VERBS } from '../core/card-actions';
import type { CampaignStatus } from '../core/campaigns/campaign';
import { formatDateTime, type Locale } from '../core/locale';
import { messages } from '../core/messages';
import template from './templates/campaign-list.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** one campaign as the admin sees it in the list. */
export interface CampaignSummary {
  id: string;
  title: string;
  status: CampaignStatus;
  nextPost?: Date;
}

/** the admin's campaign list: status, next post time, and buttons to pause, resume or end. */
export function buildCampaignListCard(locale: Locale, campaigns: CampaignSummary[], options: { timeZone: string; notice?: string }): AdaptiveCard {
  const m = messages(locale);
  const action = (c: CampaignSummary, title: string, status: 'paused' | 'scheduled' | 'ended') => ({ title, payload: { campaignId: c.id, status } });
  return expandTemplate(template, {
    title: m.campaignsTitle,
    notice: options.notice ?? '',
    empty: m.campaignsNone,
    verb: VERBS.campaignStatus,
    campaigns: campaigns.map((c) => ({
      title: `${c.title} (${c.id})`,
      line: m.campaignLine(m.campaignStatus[c.status] ?? c.status, c.nextPost ? formatDateTime(locale, c.nextPost, options.timeZone) : m.campaignNoNext),
      actions: [
        ...(c.status === 'scheduled' || c.status === 'running' ? [action(c, m.campaignPause, 'paused')] : []),
        ...(c.status === 'paused' ? [action(c, m.campaignResume, 'scheduled')] : []),
        ...(c.status !== 'ended' && c.status !== 'draft' ? [action(c, m.campaignEnd, 'ended')] : []),
      ],
    })),
  });
}
