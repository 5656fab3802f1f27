import { randomUUID } from 'node:crypto';
import { targetLabel, type TeamRecord } from '../../core/installations';
import type { Item, ItemDraft } from '../../core/items';
import type { Locale } from '../../core/locale';
import { holdForApproval } from '../approvals';
import { publishItem } from './publish-item';
import type { PollsPorts } from './ports';

/** who posts an ad-hoc item, and how. */
export interface AdhocAuthor {
  personId: string;
  userName?: string;
  locale: Locale;
}

/** where an ad-hoc item goes: the team, the channel, and how the channel is named to the staff council. */
export interface AdhocTarget {
  team: TeamRecord;
  channelId: string;
  label: string;
}

/** the target of a channel of an installed team, named as the staff council sees it (the team's name if the channel is unknown). */
export async function adhocTarget(s: PollsPorts, team: TeamRecord, channelId: string): Promise<AdhocTarget> {
  const channel = await s.storage.installations.getChannel(team.teamId, channelId);
  return {
    team,
    channelId,
    label: channel ? targetLabel(team, channel, s.config.defaultLocale) : team.name || team.teamId,
  };
}

/** posted now, or held for the staff council's approval (that many members were told). */
export type AdhocOutcome = { posted: true; item: Item } | { posted: false; notified: number };

/**
 * posts an ad-hoc item (not part of a campaign) into a team channel and records it in the audit log: the one path
 * of the chat commands, the personal chat's target picker and the posting form. Callers have checked `mayPostIn`.
 * When APPROVAL_FOR_ADHOC asks for it, the item is held for the staff council instead (approvals/adhoc-hold.ts;
 * the caller tells the poster `adhocHeld(notified)`; a held item keeps its open-until and gets it when posted). With `closesAt`, the
 * due-close job closes it then (due-close-job.ts).
 */
export async function postAdhocItem(
  s: PollsPorts,
  draft: ItemDraft,
  target: AdhocTarget,
  by: AdhocAuthor,
  options: { closesAt?: Date } = {},
): Promise<AdhocOutcome> {
  const hold = await holdForApproval(s, {
    draft,
    target: { teamId: target.team.teamId, channelId: target.channelId, label: target.label },
    by: { aadObjectId: by.personId, ...(by.userName && { name: by.userName }), locale: by.locale },
    ...(options.closesAt && { closesAt: options.closesAt.toISOString() }),
  });
  if (hold.held) return { posted: false, notified: hold.notified };
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
  return { posted: true, item };
}
