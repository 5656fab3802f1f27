import { randomUUID } from 'node:crypto';
import type { ItemDraft, Item } from '../core/items';
import type { TeamRecord } from '../core/installations';
import type { Locale } from '../core/locale';
import { channelOfConversation } from './channel-poster';
import { renderItemCard } from './item-view';
import type { BotServices } from './services';

/** stores a new item and posts its card as a new post into a team channel; with a known `itemId`, at most once. */
export async function publishItem(
  s: BotServices,
  draft: ItemDraft,
  target: { team: TeamRecord; channelId: string },
  by: { aadObjectId: string; locale: Locale; closesAt?: Date; itemId?: string },
): Promise<Item> {
  // A known id (scheduled posts derive it from their ledger row) makes a repeated publish post once.
  const existing = by.itemId ? await s.storage.items.get(by.itemId) : undefined;
  if (existing?.activityId) return existing;
  const item: Item = existing ?? {
    ...draft,
    id: by.itemId ?? randomUUID(),
    teamId: target.team.teamId,
    channelId: target.channelId,
    status: 'open',
    createdBy: by.aadObjectId,
    createdAt: s.now(),
    closesAt: by.closesAt,
    locale: by.locale,
  };
  if (!existing) await s.storage.items.create(item);
  const card = await renderItemCard(s.storage, item, { locale: item.locale, minGroupSize: s.config.minGroupSize, timeZone: s.config.timeZone });
  const posted = await s.poster.postCard(target.team, target.channelId, card);
  s.log.info({ itemId: item.id, teamId: item.teamId, channelId: item.channelId, kind: item.kind, anonymous: item.anonymous }, 'item posted');
  const base = channelOfConversation(posted.conversationId);
  return s.storage.items.markPosted(item.id, posted.conversationId, posted.activityId, base !== posted.conversationId ? [base] : []);
}
