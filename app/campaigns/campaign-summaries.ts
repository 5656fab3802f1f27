import { buildCampaignListCard } from '../../cards/campaign-list-card';
import { asAttachment, type CardAttachment } from '../../cards/render';
import { nextSlots } from '../../core/campaigns/schedule';
import type { Locale } from '../../core/locale';
import type { CampaignsPorts } from './ports';
import { campaignApprovalLabel } from '../approvals';

/** the admin's campaign list card, with each campaign's next post time. */
export async function campaignListCard(s: CampaignsPorts, locale: Locale, notice?: string): Promise<CardAttachment> {
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
  // where each campaign stands with the staff council: "zur Freigabe (1 von 2)", "Änderungen erbeten", "freigegeben".
  await Promise.all(
    summaries.map(async (summary, i) => {
      const campaign = campaigns[i];
      const approval = campaign && (await campaignApprovalLabel(s, campaign, locale));
      if (approval) Object.assign(summary, { approval });
    }),
  );
  // what happened so far, so missed (skipped) slots are visible to the admin; drafts have no history.
  await Promise.all(
    summaries.map(async (summary, i) => {
      if (campaigns[i]?.status === 'draft') return;
      const history = await s.storage.scheduleLedger.history(summary.id);
      const skips = history.filter((e) => e.status === 'skipped');
      const last = skips.reduce<(typeof skips)[number] | undefined>(
        (a, b) => (!a || b.slot.at > a.slot.at ? b : a),
        undefined,
      );
      Object.assign(summary, {
        posted: history.filter((e) => e.status === 'posted').length,
        skipped: skips.length,
        ...(last && { lastSkip: { at: last.slot.at, reason: last.reason ?? '' } }),
        finished: summary.nextPost === undefined && history.some((e) => e.status === 'posted'),
      });
    }),
  );
  return asAttachment(buildCampaignListCard(locale, summaries, { timeZone: s.config.timeZone, notice }));
}
