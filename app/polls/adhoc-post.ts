import { randomUUID } from 'node:crypto';
import type { TeamRecord } from '../../core/installations';
import type { Item, ItemDraft } from '../../core/items';
import type { Locale } from '../../core/locale';
import { publishItem } from './publish-item';
import type { PollsPorts } from './ports';

/** who posts an ad-hoc item, and how. */
export interface AdhocAuthor {
  personId: string;
  userName?: string;
  locale: Locale;
}

/**
 * posts an ad-hoc item (not part of a campaign) into a team channel and records it in the audit log: the one path
 * of the chat commands, the personal chat's target picker and the posting form. Callers have checked `mayPostIn`.
 * With `closesAt`, the due-close job closes it then (due-close-job.ts).
 */
export async function postAdhocItem(
  s: PollsPorts,
  draft: ItemDraft,
  target: { team: TeamRecord; channelId: string },
  by: AdhocAuthor,
  options: { closesAt?: Date } = {},
): Promise<Item> {
  const itemId = randomUUID();
  // noted before posting: a crash in between leaves a row naming no open item, never an item that stays open.
  if (options.closesAt) await s.storage.items.markDueToClose(itemId, options.closesAt);
  const item = await publishItem(s, draft, target, {
    aadObjectId: by.personId,
    locale: by.locale,
    itemId,
    ...(options.closesAt && { closesAt: options.closesAt }),
  });
  await s.storage.audit.record({
    actorId: by.personId,
    actorName: by.userName || undefined,
    action: 'item.post',
    target: item.id,
    details: { team: target.team.teamId, kind: item.kind, anonymous: item.anonymous },
    at: s.now(),
  });
  return item;
}
