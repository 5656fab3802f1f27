import type { Slot } from '../core/campaigns/schedule';
import { keyPart } from './tables';

// Row shapes and keys of the ScheduleLedger table; ScheduleLedger (schedule-ledger.ts) is the only user.

/** one post the scheduler owes: a campaign item's slot in one team channel. */
export interface SlotRef {
  campaignId: string;
  /** the campaign item's id (not the posted item's). */
  itemId: string;
  teamId: string;
  channelId: string;
  slot: Slot;
}

/** claimed: someone is posting it (or crashed doing so); posted and skipped are final. */
export type LedgerStatus = 'claimed' | 'posted' | 'skipped';

/** what the ledger knows about one slot in one channel; the admin's history lists these. */
export interface LedgerEntry extends SlotRef {
  status: LedgerStatus;
  claimedBy: string;
  claimedAt: Date;
  /** how often it was claimed: 1, plus one per resume after a crash or failure. */
  attempts: number;
  postedItemId?: string;
  postedAt?: Date;
  reason?: string;
}

/** a posted item that must be closed at `closesAt`. */
export interface OpenPost {
  itemId: string;
  campaignId: string;
  closesAt: Date;
}

/** a reminder due at `remindAt` for an item that closes at `closesAt`. */
export interface DueReminder extends OpenPost {
  remindAt: Date;
}

/** a slot row as stored. */
export interface EntryEntity {
  campaignId: string;
  itemId: string;
  teamId: string;
  channelId: string;
  slotKey: string;
  slotAt: string;
  status: string;
  claimedBy: string;
  claimedAt: string;
  attempts: number;
  postedItemId?: string;
  postedAt?: string;
  reason?: string;
}

/** an open-post or reminder index row as stored. */
export interface IndexEntity {
  itemId: string;
  campaignId: string;
  closesAt: string;
  remindAt?: string;
}

/** partitions of the ScheduleLedger table; the `slots|` prefix keeps campaign partitions apart from the fixed ones. */
export const PK = {
  lease: 'lease',
  slots: (campaignId: string) => `slots|${part(campaignId)}`,
  pending: 'pending',
  open: 'open',
  remind: 'remind',
  reminded: 'reminded',
  cursor: 'cursor',
};
export const LEASE_ROW = 'scheduler';

/** encodeKey plus '|', the separator of composite keys, so distinct parts never run together. */
export const part = keyPart;

/** the row key of a slot inside its campaign's partition. */
export function slotRow(ref: SlotRef): string {
  return [ref.itemId, ref.teamId, ref.channelId, ref.slot.key].map(part).join('|');
}

/** the deterministic key of a slot post: campaignId|itemId|teamId|channelId|slot key (local wall-clock time). */
export function slotLedgerKey(ref: SlotRef): string {
  return `${part(ref.campaignId)}|${slotRow(ref)}`;
}

/** row keys that sort by time: ISO instant, then the item id. `~` sorts after `|`, so `lt timeKey(t, '~')` includes t. */
export function timeKey(at: Date, itemId: string): string {
  return `${at.toISOString()}|${part(itemId)}`;
}

/** a stored slot row as the domain sees it. */
export function toEntry(e: EntryEntity): LedgerEntry {
  return {
    campaignId: e.campaignId,
    itemId: e.itemId,
    teamId: e.teamId,
    channelId: e.channelId,
    slot: { key: e.slotKey, at: new Date(e.slotAt) },
    status: e.status as LedgerStatus,
    claimedBy: e.claimedBy,
    claimedAt: new Date(e.claimedAt),
    attempts: e.attempts,
    ...(e.postedItemId != null && { postedItemId: e.postedItemId }),
    ...(e.postedAt != null && { postedAt: new Date(e.postedAt) }),
    ...(e.reason != null && { reason: e.reason }),
  };
}

/** a fresh slot row: claimed (first attempt), posted or skipped. */
export function newEntry(ref: SlotRef, status: LedgerStatus, now: Date, by: string, reason?: string): EntryEntity {
  return {
    campaignId: ref.campaignId,
    itemId: ref.itemId,
    teamId: ref.teamId,
    channelId: ref.channelId,
    slotKey: ref.slot.key,
    slotAt: ref.slot.at.toISOString(),
    status,
    claimedBy: by,
    claimedAt: now.toISOString(),
    attempts: status === 'claimed' ? 1 : 0,
    ...(reason !== undefined && { reason }),
  };
}
