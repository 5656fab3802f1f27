import { VERBS } from '../core/card-actions';
import type { CampaignStatus } from '../core/campaigns/campaign';
import { formatDateTime, type Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import template from './templates/campaign-list.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** one campaign as the admin sees it in the list. */
export interface CampaignSummary {
  id: string;
  title: string;
  status: CampaignStatus;
  nextPost?: Date;
  /** slots posted and skipped so far (one per channel), and the newest skip. */
  posted?: number;
  skipped?: number;
  lastSkip?: { at: Date; reason: string };
  /** it posted and has nothing left to post: its results may be posted (the handler checks that every item closed). */
  finished?: boolean;
  /** where it stands with the staff council, in words ("zur Freigabe (1 von 2)"); absent when no approval is needed. */
  approval?: string;
}

/** the admin's campaign list: status, next post time, and buttons to schedule a draft, pause, resume, end, duplicate or delete a draft. */
export function buildCampaignListCard(
  locale: Locale,
  campaigns: CampaignSummary[],
  options: { timeZone: string; notice?: string },
): AdaptiveCard {
  const m = messages(locale);
  const status = (c: CampaignSummary, title: string, to: 'paused' | 'scheduled' | 'ended') => ({
    title,
    verb: VERBS.campaignStatus,
    payload: { campaignId: c.id, status: to },
  });
  const about = (c: CampaignSummary, title: string, verb: typeof VERBS.campaignCopy | typeof VERBS.campaignDelete) => ({
    title,
    verb,
    payload: { campaignId: c.id },
  });
  return expandTemplate(template, {
    title: m.campaignsTitle,
    notice: plainText(options.notice ?? ''),
    empty: m.campaignsNone,
    campaigns: campaigns.map((c) => ({
      title: plainText(`${c.title} (${c.id})`),
      line: m.campaignLine(
        (m.campaignStatus[c.status] ?? c.status) + (c.approval ? ` · ${c.approval}` : ''),
        c.nextPost ? formatDateTime(locale, c.nextPost, options.timeZone) : m.campaignNoNext,
      ),
      history: [
        ...((c.posted ?? 0) + (c.skipped ?? 0) > 0 ? [m.campaignCounts(c.posted ?? 0, c.skipped ?? 0)] : []),
        ...(c.lastSkip
          ? [m.campaignLastSkip(formatDateTime(locale, c.lastSkip.at, options.timeZone), plainText(c.lastSkip.reason))]
          : []),
      ],
      actions: [
        ...(c.status === 'draft' ? [status(c, m.campaignSchedule, 'scheduled')] : []),
        ...(c.status === 'scheduled' || c.status === 'running' ? [status(c, m.campaignPause, 'paused')] : []),
        ...(c.status === 'paused' ? [status(c, m.campaignResume, 'scheduled')] : []),
        ...(c.status !== 'ended' && c.status !== 'draft' ? [status(c, m.campaignEnd, 'ended')] : []),
        about(c, m.campaignDuplicate, VERBS.campaignCopy),
        ...(c.status === 'draft' ? [about(c, m.campaignDelete, VERBS.campaignDelete)] : []),
        ...(c.finished
          ? [{ title: m.resultsPostButton, verb: VERBS.postResults, payload: { kind: 'campaign', id: c.id } }]
          : []),
        { title: m.planButton, verb: VERBS.campaignPlan, payload: { campaignId: c.id } },
      ],
    })),
  });
}
