import { randomUUID } from 'node:crypto';
import type { ItemDraft, Item } from '../../core/items';
import type { TeamRecord } from '../../core/installations';
import type { Locale } from '../../core/locale';
import { channelOfConversation } from '../../core/installations';
import { renderSharedItemCard } from './own-view';
import type { PollsPorts } from './ports';

/** stores a new item and posts its card as a new post into a team channel; with a known `itemId`, at most once. */
export async function publishItem(
  s: PollsPorts,
  draft: ItemDraft,
  target: { team: TeamRecord; channelId: string },
  by: { aadObjectId: string; locale: Locale; closesAt?: Date; itemId?: string },
): Promise<Item> {
  const fresh: Item = {
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
  // Insert first: a known id (scheduled posts derive it from their ledger row) stored before means a repeated publish.
  let item = fresh;
  if ((await s.storage.items.createOnce(fresh)) === 'exists') {
    const existing = await s.storage.items.get(fresh.id);
    if (!existing) throw new Error(`item ${fresh.id} vanished while being published`);
    if (existing.activityId) return existing;
    item = existing;
  }
  const card = await renderSharedItemCard(s.storage, item, {
    locale: item.locale,
    minGroupSize: s.config.minGroupSize,
    timeZone: s.config.timeZone,
    unanswered: item === fresh,
  });
  const posted = await s.poster.postCard(target.team, target.channelId, card);
  s.log.info(
    { itemId: item.id, teamId: item.teamId, channelId: item.channelId, kind: item.kind, anonymous: item.anonymous },
    'item posted',
  );
  const base = channelOfConversation(posted.conversationId);
  const alsoFoundIn = base !== posted.conversationId ? [base] : [];
  return item === fresh
    ? s.storage.items.markPostedFresh(item, posted.conversationId, posted.activityId, alsoFoundIn)
    : s.storage.items.markPosted(item.id, posted.conversationId, posted.activityId, alsoFoundIn);
}
