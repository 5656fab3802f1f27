import { Document, isMap, isSeq, visit } from 'yaml';
import type { Campaign, CampaignItem } from './campaign';

/**
 * a campaign as a campaign file (YAML, the format of docs/campaigns.md that campaign-file.ts reads), so a campaign made
 * in chat can be kept under version control, reviewed and loaded again. Everything is written explicitly (channel,
 * time zone, item ids, anonymity, openFor), so the file means the same under any deployment's defaults. A file knows
 * only the statuses draft and scheduled: a draft stays a draft, every other status is written as scheduled.
 */
export function writeCampaignFile(campaign: Campaign): string {
  const { targets } = campaign;
  const data = {
    id: campaign.id,
    title: campaign.title,
    ...(campaign.description !== undefined && { description: campaign.description }),
    ...(targets.kind === 'all' ? { teams: 'all' } : targets.teams.length > 0 ? { teams: [...targets.teams] } : {}),
    ...(targets.kind === 'teams' && targets.units !== undefined && { units: [...targets.units] }),
    channel: campaign.channel,
    timezone: campaign.timeZone,
    status: campaign.status === 'draft' ? 'draft' : 'scheduled',
    ...(campaign.retentionDays !== undefined && { retentionDays: campaign.retentionDays }),
    items: campaign.items.map(itemData),
  };
  const doc = new Document(data, { version: '1.2' });
  // a schedule and a list of options read best on one line, as in the documentation's example.
  visit(doc, {
    Pair(_, pair) {
      const key = (pair.key as { value?: unknown } | null)?.value;
      if ((key === 'schedule' && isMap(pair.value)) || (key === 'options' && isSeq(pair.value))) pair.value.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

function itemData(item: CampaignItem): Record<string, unknown> {
  return {
    id: item.id,
    type: item.type,
    question: item.question,
    ...(item.type === 'poll' && {
      options: [...item.options],
      multiple: item.multiple,
      ...(item.maxChoices !== undefined && { maxChoices: item.maxChoices }),
    }),
    anonymous: item.anonymous,
    schedule: {
      start: item.schedule.start,
      ...(item.schedule.every !== undefined && { every: item.schedule.every }),
      ...(item.schedule.until !== undefined && { until: item.schedule.until }),
    },
    openFor: item.openFor,
    ...(item.remindBefore !== undefined && { remindBefore: item.remindBefore }),
  };
}
