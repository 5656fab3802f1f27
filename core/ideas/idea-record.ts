import type { IdeaStatus } from './idea-status';

/** one idea: from an idea prompt (itemId) or sent in personal chat. Anonymous ideas carry no author. */
export interface IdeaRecord {
  /** encodes team, week and key: a point read, safe in URLs and card data. */
  ideaId: string;
  teamId: string;
  /** ISO week of createdAt in the configured time zone ('2026-W10'). */
  week: string;
  itemId?: string;
  conversationId?: string;
  text: string;
  anonymous: boolean;
  authorId?: string;
  authorName?: string;
  status: IdeaStatus;
  statusNote?: string;
  statusBy?: string;
  statusAt?: Date;
  supportCount: number;
  volunteerCount: number;
  createdAt: Date;
}

/** one status an idea was given, as its history lists it, oldest first. */
export interface StatusRecord {
  status: IdeaStatus;
  note?: string;
  by: string;
  at: Date;
}
