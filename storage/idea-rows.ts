import { definedOnly, keyPart } from './tables';

// Row shapes and keys of the Ideas table; IdeaRepository (idea-repository.ts) is the only user.

/** where an idea stands; 'new' until a leader sets it. */
export type IdeaStatus = 'new' | 'review' | 'accepted' | 'inProgress' | 'done' | 'declined';

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

/** one status change, as `history` lists it, oldest first. */
export interface StatusChange {
  status: IdeaStatus;
  note?: string;
  by: string;
  at: Date;
}

export interface IdeaEntity {
  teamId: string;
  week: string;
  itemId?: string;
  conversationId?: string;
  text: string;
  anonymous: boolean;
  authorId?: string;
  authorName?: string;
  status: string;
  statusNote?: string;
  statusBy?: string;
  statusAt?: string;
  supportCount: number;
  volunteerCount: number;
  createdAt: string;
}

/** the partition and row of an idea, decoded from its id. */
export interface IdeaAddress {
  ideaId: string;
  teamId: string;
  week: string;
  key: string;
  pk: string;
  rk: string;
}

/**
 * partitions of the Ideas table. `week|team|week` holds the ideas of a team week with their supports,
 * volunteers and status history (one partition, so counts change in a batch with the row that causes them);
 * the others are small index partitions holding idea ids.
 */
export const PK = {
  week: (teamId: string, week: string) => `week|${keyPart(teamId)}|${week}`,
  item: (itemId: string) => `item|${keyPart(itemId)}`,
  direct: 'direct',
  author: (personId: string) => `author|${keyPart(personId)}`,
  backer: (personId: string) => `backer|${keyPart(personId)}`,
};

/** rows inside a team-week partition, all prefixed by kind and idea key. */
export const RK = {
  idea: (key: string) => `idea|${key}`,
  support: (key: string, personId?: string) => `support|${key}|${personId === undefined ? '' : keyPart(personId)}`,
  volunteer: (key: string, personId?: string) => `volunteer|${key}|${personId === undefined ? '' : keyPart(personId)}`,
  history: (key: string, at?: Date, nonce = '') => `history|${key}|${at ? `${at.toISOString()}|${nonce}` : ''}`,
};

const ID_PATTERN = /^([A-Za-z0-9_-]+)\.(\d{4}-W\d{2})\.([0-9a-f]{16,64})$/;

/** an idea id: base64url(team id) . ISO week . key — only [A-Za-z0-9_.-]. */
export function ideaIdOf(teamId: string, week: string, key: string): string {
  return `${Buffer.from(teamId, 'utf8').toString('base64url')}.${week}.${key}`;
}

/** decodes an idea id; undefined for anything that is not one (ids come back from cards: untrusted). */
export function addressOf(ideaId: string): IdeaAddress | undefined {
  const m = ID_PATTERN.exec(ideaId);
  if (!m) return undefined;
  const [, team64 = '', week = '', key = ''] = m;
  const teamId = Buffer.from(team64, 'base64url').toString('utf8');
  if (Buffer.from(teamId, 'utf8').toString('base64url') !== team64) return undefined;
  return { ideaId, teamId, week, key, pk: PK.week(teamId, week), rk: RK.idea(key) };
}

export function toRecord(ideaId: string, e: IdeaEntity): IdeaRecord {
  return definedOnly({
    ideaId,
    teamId: e.teamId,
    week: e.week,
    itemId: e.itemId,
    conversationId: e.conversationId,
    text: e.text,
    anonymous: e.anonymous,
    authorId: e.authorId,
    authorName: e.authorName,
    status: e.status as IdeaStatus,
    statusNote: e.statusNote,
    statusBy: e.statusBy,
    statusAt: e.statusAt ? new Date(e.statusAt) : undefined,
    supportCount: e.supportCount,
    volunteerCount: e.volunteerCount,
    createdAt: new Date(e.createdAt),
  });
}

export function toEntity(r: IdeaRecord): IdeaEntity {
  return definedOnly({
    teamId: r.teamId,
    week: r.week,
    itemId: r.itemId,
    conversationId: r.conversationId,
    text: r.text,
    anonymous: r.anonymous,
    authorId: r.anonymous ? undefined : r.authorId,
    authorName: r.anonymous ? undefined : r.authorName,
    status: r.status,
    statusNote: r.statusNote,
    statusBy: r.statusBy,
    statusAt: r.statusAt?.toISOString(),
    supportCount: r.supportCount,
    volunteerCount: r.volunteerCount,
    createdAt: r.createdAt.toISOString(),
  });
}
