import { LIMITS as ITEM_LIMITS } from '../items';
import type { Schedule } from './schedule';

/** A campaign's life cycle: drafts are never posted; paused and ended campaigns post nothing new. */
export type CampaignStatus = 'draft' | 'scheduled' | 'running' | 'paused' | 'ended';

/** The statuses a campaign file may declare; the others are reached by admin actions. */
export const FILE_STATUSES = ['draft', 'scheduled'] as const;

/**
 * Which teams a campaign posts to: every team the bot is installed in, or the teams named by name or id together with
 * every team below the units named by id or name (the organisation file's units, resolved when posting).
 */
export type Targets = { kind: 'all' } | { kind: 'teams'; teams: string[]; units?: string[] };

/** The channel name used when a campaign names none. */
export const DEFAULT_CHANNEL = 'General';

/** Limits on campaign texts; question and option bounds come from core/items LIMITS, shared with commands and cards. */
export const CAMPAIGN_LIMITS = {
  questionLength: ITEM_LIMITS.questionMax,
  optionLength: ITEM_LIMITS.optionMax,
  minOptions: ITEM_LIMITS.optionsMin,
  maxOptions: ITEM_LIMITS.optionsMax,
  titleLength: 200,
  descriptionLength: 2000,
} as const;

/** What every item has: a stable id, the question, anonymity, when it is posted and how long it stays open. */
export interface CampaignItemBase {
  /** unique within the campaign; from the file, or 'item-<1-based index>'. */
  id: string;
  question: string;
  /** answers are stored without any user id (see ARCHITECTURE.md, anonymity). */
  anonymous: boolean;
  schedule: Schedule;
  /** ISO duration (weeks, days, hours, minutes, seconds) each post stays open; default P7D. */
  openFor: string;
  /** ISO duration before closing at which a reminder goes out; always shorter than openFor. */
  remindBefore?: string;
}

/** An open question collecting ideas as free text. */
export interface IdeaItem extends CampaignItemBase {
  type: 'idea';
}

/** A poll with 2–10 options; single choice unless `multiple`, then at most `maxChoices` (default: all). */
export interface PollItem extends CampaignItemBase {
  type: 'poll';
  options: string[];
  multiple: boolean;
  maxChoices?: number;
}

/** A rating on a 1–5 scale. */
export interface RatingItem extends CampaignItemBase {
  type: 'rating';
}

/** A yes/no question. */
export interface YesNoItem extends CampaignItemBase {
  type: 'yesno';
}

/** One prompt of a campaign. */
export type CampaignItem = IdeaItem | PollItem | RatingItem | YesNoItem;

/** The item types, in the order the file format documents them. */
export const ITEM_TYPES = ['idea', 'poll', 'rating', 'yesno'] as const satisfies readonly CampaignItem['type'][];

/** A prompt campaign: what to ask, whom, where and when. Times in `schedule` are wall-clock times in `timeZone`. */
export interface Campaign {
  /** slug: lowercase letters, digits and hyphens. */
  id: string;
  title: string;
  description?: string;
  targets: Targets;
  /** channel name in each target team; 'General' by default. */
  channel: string;
  /** IANA zone name, e.g. 'Europe/Berlin'. */
  timeZone: string;
  status: CampaignStatus;
  /** days answers are kept after an item closes; undefined means the deployment's default. */
  retentionDays?: number;
  items: CampaignItem[];
}
