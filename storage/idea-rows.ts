import type { IdeaRecord } from '../core/ideas/idea-record';
import type { IdeaStatus } from '../core/ideas/idea-status';
import { definedOnly, keyPart } from './tables';

// Row shapes and keys of the Ideas table; IdeaRepository (idea-repository.ts) is the only user.

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
  /** the ISO week of a team-week idea; absent for an anonymous prompt's idea, whose id names no time. */
  week?: string;
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
  /** the ideas of an anonymous idea prompt, written together when it closes (never cut by week). */
  prompt: (itemId: string) => `prompt|${keyPart(itemId)}`,
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

const ID_PATTERN = /^([A-Za-z0-9_-]+)\.(\d{4}-W\d{2}|p[A-Za-z0-9_-]+)\.([0-9a-f]{16,64})$/;

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
/** decodes base64url, or undefined unless it encodes exactly this text back (ids are untrusted). */
function unbase64(encoded: string): string | undefined {
  const text = Buffer.from(encoded, 'base64url').toString('utf8');
  return base64(text) === encoded ? text : undefined;
}

/** an idea id of a team week: base64url(team id) . ISO week . key — only [A-Za-z0-9_.-]. */
export function ideaIdOf(teamId: string, week: string, key: string): string {
  return `${base64(teamId)}.${week}.${key}`;
}

/** an idea id of an anonymous prompt's idea: base64url(team id) . p + base64url(item id) . key — it names no time. */
export function promptIdeaIdOf(teamId: string, itemId: string, key: string): string {
  return `${base64(teamId)}.p${base64(itemId)}.${key}`;
}

/** whether an idea id is one of an anonymous prompt's ideas (written when the prompt closed). */
export const isPromptIdeaId = (ideaId: string): boolean =>
  addressOf(ideaId)?.week === undefined && addressOf(ideaId) !== undefined;

/** decodes an idea id; undefined for anything that is not one (ids come back from cards: untrusted). */
export function addressOf(ideaId: string): IdeaAddress | undefined {
  const m = ID_PATTERN.exec(ideaId);
  if (!m) return undefined;
  const [, team64 = '', where = '', key = ''] = m;
  const teamId = unbase64(team64);
  if (teamId === undefined) return undefined;
  if (!where.startsWith('p')) return { ideaId, teamId, week: where, key, pk: PK.week(teamId, where), rk: RK.idea(key) };
  const itemId = unbase64(where.slice(1));
  return itemId === undefined ? undefined : { ideaId, teamId, key, pk: PK.prompt(itemId), rk: RK.idea(key) };
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
