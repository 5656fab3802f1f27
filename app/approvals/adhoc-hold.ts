import { createHash, randomUUID } from 'node:crypto';
import { buildApprovalCard } from '../../cards/approval-card';
import { approvalState } from '../../core/approvals/approval-rule';
import type { ItemDraft } from '../../core/items';
import { formatDateTime, type Locale } from '../../core/locale';
import { messages } from '../../core/messages';
import type { ApprovalRecord } from '../../storage/approval-repository';
import { tellCouncil } from './council-reach';
import type { HoldPorts } from './ports';

/** an ad-hoc item waiting for the staff council: what to post, where, and for whom. */
export interface HeldItem {
  draft: ItemDraft;
  target: { teamId: string; channelId: string; label: string };
  by: { aadObjectId: string; name?: string; locale: Locale };
  /** the "open until" chosen when posting (ISO 8601): applied when the item is posted on approval. */
  closesAt?: string;
}

/** what a held item's card needs to say about time: now, and the deployment's time zone. */
export interface HeldClock {
  now: Date;
  timeZone: string;
}

/** whether a held item's "open until" has passed: it is not posted then (approvals/approval-action.ts). */
export const heldItemExpired = (held: HeldItem, now: Date): boolean =>
  held.closesAt !== undefined && new Date(held.closesAt).getTime() <= now.getTime();

/** whether the configuration holds this draft for approval (APPROVAL_FOR_ADHOC: none, anonymous or all). */
export function needsApproval(s: Pick<HoldPorts, 'config'>, draft: ItemDraft): boolean {
  const rule = s.config.approvalForAdhoc;
  return rule === 'all' || (rule === 'anonymous' && draft.anonymous);
}

/** the held item's plan: the question, its options, anonymity and where it goes. */
export function heldItemSections(locale: Locale, held: HeldItem, clock: HeldClock) {
  const m = messages(locale);
  const until = held.closesAt && formatDateTime(locale, new Date(held.closesAt), clock.timeZone);
  return [
    {
      heading: m.approvalItemQuestion,
      lines: [
        held.draft.question,
        ...(held.draft.options.length > 0 ? [m.approvalItemOptions(held.draft.options.join(' · '))] : []),
        held.draft.anonymous ? m.approvalItemAnonymous : m.approvalItemNamed,
        m.approvalItemWhere(held.target.label),
        ...(until
          ? [heldItemExpired(held, clock.now) ? m.approvalItemOpenUntilExpired(until) : m.approvalItemOpenUntil(until)]
          : []),
      ],
    },
  ];
}

/** the approval card of a held item for one reader. */
export function heldItemCard(
  locale: Locale,
  holdId: string,
  record: ApprovalRecord,
  needed: number,
  clock: HeldClock,
  extra: Pick<Parameters<typeof buildApprovalCard>[1], 'own' | 'notice' | 'readOnly'> = {},
) {
  const held = JSON.parse(record.request.content) as HeldItem;
  return buildApprovalCard(locale, {
    subject: { kind: 'item', id: holdId, version: record.request.version },
    sections: heldItemSections(locale, held, clock),
    changes: [],
    state: approvalState(record.decisions, needed),
    ...(record.request.requestedByName && { requestedByName: record.request.requestedByName }),
    ...extra,
  });
}

/**
 * the one hold of every ad-hoc posting path (post command, target picker, compose box): when APPROVAL_FOR_ADHOC asks
 * for it (all items, or anonymous ones), the item is not posted but stored with its target and sent to the staff
 * council as an approval card; it is posted by the council's final approval (approvals/approval-action.ts). Audited as
 * `item.review`. `{ held: false }` means: post it now as usual. The caller tells the poster `adhocHeld(notified)`.
 */
export async function holdForApproval(
  s: HoldPorts,
  held: HeldItem,
): Promise<{ held: false } | { held: true; holdId: string; notified: number }> {
  if (!needsApproval(s, held.draft)) return { held: false };
  const holdId = randomUUID();
  const content = JSON.stringify(held);
  const version = createHash('sha256').update(content).digest('hex').slice(0, 32);
  const at = s.now();
  await s.storage.approvals.request({
    kind: 'item',
    subjectId: holdId,
    version,
    content,
    requestedAt: at,
    requestedBy: held.by.aadObjectId,
    ...(held.by.name && { requestedByName: held.by.name }),
  });
  const record = await s.storage.approvals.record('item', holdId, version);
  const notified = record
    ? await tellCouncil(s, (locale) =>
        heldItemCard(locale, holdId, record, s.config.approvalsNeeded, { now: at, timeZone: s.config.timeZone }),
      )
    : 0;
  await s.storage.audit.record({
    actorId: held.by.aadObjectId,
    ...(held.by.name && { actorName: held.by.name }),
    action: 'item.review',
    target: holdId,
    details: {
      team: held.target.teamId,
      kind: held.draft.kind,
      anonymous: held.draft.anonymous,
      councilNotified: notified,
    },
    at,
  });
  s.log.info(
    { holdId, teamId: held.target.teamId, anonymous: held.draft.anonymous, notified },
    'ad-hoc item held for approval',
  );
  return { held: true, holdId, notified };
}
