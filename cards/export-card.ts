import { VERBS } from '../core/card-actions';
import type { CampaignStatus } from '../core/campaigns/campaign';
import type { Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import template from './templates/export.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** a campaign that may be exported, with how many of its posts the requester may see. */
export interface ExportableCampaign {
  id: string;
  title: string;
  status: CampaignStatus;
  posts: number;
}

/** the `export` answer: one "create CSV" button per campaign; leaders are told that only their teams are in it. */
export function buildExportListCard(
  locale: Locale,
  campaigns: ExportableCampaign[],
  options: { leaderOnly: boolean; linkMinutes: number },
): AdaptiveCard {
  const m = messages(locale);
  const paragraphs =
    campaigns.length === 0
      ? [m.exportNone]
      : [m.exportIntro(options.linkMinutes), ...(options.leaderOnly ? [m.exportIntroLeader] : [])];
  return expandTemplate(template, {
    title: m.exportTitle,
    paragraphs,
    campaigns: campaigns.map((c) => ({
      title: plainText(`${c.title} (${c.id})`),
      line: m.exportCampaignLine(m.campaignStatus[c.status] ?? c.status, c.posts),
      button: m.exportButton,
      verb: VERBS.exportCampaign,
      payload: { campaignId: c.id },
    })),
    download: '',
    downloadTitle: '',
  });
}

/** the card after "create CSV": what the file holds, the anonymity rule, and a short-lived download link. */
export function buildExportReadyCard(
  locale: Locale,
  input: { campaignTitle: string; items: number; url: string; linkMinutes: number; minGroupSize: number },
): AdaptiveCard {
  const m = messages(locale);
  return expandTemplate(template, {
    title: m.exportReadyTitle(plainText(input.campaignTitle)),
    paragraphs: [m.exportReady(input.items, input.linkMinutes), m.exportAnonymity(input.minGroupSize)],
    campaigns: [],
    download: input.url,
    downloadTitle: m.exportDownload,
  });
}
