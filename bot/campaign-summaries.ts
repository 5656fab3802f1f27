import { buildCampaignListCard } from '../cards/campaign-list-card';
import { asAttachment, type CardAttachment } from '../cards/render';
import { nextSlots } from '../core/campaigns/schedule';
import type { Locale } from '../core/locale';
import type { BotServices } from './services';

/** the admin's campaign list card, with each campaign's next post time. */
export async function campaignListCard(s: BotServices, locale: Locale, notice?: string): Promise<CardAttachment> {
  const now = s.now();
  const campaigns = await s.storage.campaigns.list();
  const summaries = campaigns.map((c) => {
    const posting = c.status === 'scheduled' || c.status === 'running';
    const next = posting
      ? c.items
          .flatMap((item) => nextSlots(item.schedule, c.timeZone, now, 1))
          .map((slot) => slot.at)
          .sort((a, b) => a.getTime() - b.getTime())[0]
      : undefined;
    return { id: c.id, title: c.title, status: c.status, nextPost: next };
  });
  return asAttachment(buildCampaignListCard(locale, summaries, { timeZone: s.config.timeZone, notice }));
}
