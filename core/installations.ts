import { generalChannelLabel } from './reader-words';
import type { Locale } from './locale';
/** where a proactive message can go: the parts of a Bot Framework conversation reference we keep. */
export interface ConversationRef {
  serviceUrl: string;
  channelId: string;
  conversation: { id: string; tenantId?: string; conversationType?: string; isGroup?: boolean; name?: string };
  bot: { id: string; name?: string };
  user?: { id: string; name?: string; aadObjectId?: string };
  locale?: string;
}

/** a team the bot is installed in. */
export interface TeamRecord {
  teamId: string;
  name: string;
  aadGroupId?: string;
  tenantId?: string;
  serviceUrl: string;
  active: boolean;
  /** a reference to the team's General channel. */
  reference: ConversationRef;
  updatedAt: Date;
}

/** how a channel's members are given: all of the team (standard), chosen team members (private), or chosen people of any team (shared). */
export type ChannelKind = 'standard' | 'private' | 'shared';

/** a channel of an installed team; General's id equals the team id. */
export interface ChannelRecord {
  teamId: string;
  channelId: string;
  name: string;
  active: boolean;
  /** the channel's kind as Teams last reported it (`channelData.channel.type`); unknown for channels seen before that. */
  kind?: ChannelKind;
}

/** the channel kind Teams reports (`standard`, `private`, `shared`, any case); undefined for anything else. */
export function channelKindOf(type: unknown): ChannelKind | undefined {
  const t = typeof type === 'string' ? type.toLowerCase() : undefined;
  return t === 'standard' || t === 'private' || t === 'shared' ? t : undefined;
}

/**
 * whether a channel has members of its own, so that who may answer and see what is posted there is read from the
 * channel's roster, not the team's: every channel except General and those Teams reported as standard. A channel of
 * unknown kind counts as having its own members; for a standard channel its roster is the team's, so that is only a
 * second read, never a wrong answer.
 */
export function hasOwnMembers(channel: Pick<ChannelRecord, 'teamId' | 'channelId' | 'kind'>): boolean {
  return channel.channelId !== channel.teamId && channel.kind !== 'standard';
}

/** the channel a conversation id belongs to: a thread id `<channel>;messageid=<id>` or the channel id itself. */
export function channelOfConversation(conversationId: string): string {
  return conversationId.split(';messageid=')[0] ?? conversationId;
}

/** a person with a personal (1:1) chat with the bot. */
export interface PersonRecord {
  aadObjectId: string;
  name: string;
  locale?: string;
  tenantId?: string;
  active: boolean;
  reference: ConversationRef;
  updatedAt: Date;
}

/**
 * the name of a channel as a reader sees it. Teams reports General without a name (or as "General"): it is called
 * "Allgemein" for German readers and "General" for English ones (the default, where no reader's language is known).
 */
export function channelDisplayName(
  channel: Pick<ChannelRecord, 'name' | 'channelId' | 'teamId'>,
  locale: Locale = 'en',
): string {
  if (channel.channelId === channel.teamId) return generalChannelLabel(locale);
  return channel.name || channel.channelId;
}

/** how a team channel is named to a person: "Team › Kanal". */
export function targetLabel(
  team: Pick<TeamRecord, 'name' | 'teamId'>,
  channel: Pick<ChannelRecord, 'name' | 'channelId' | 'teamId'>,
  locale: Locale = 'en',
): string {
  return `${team.name || team.teamId} › ${channelDisplayName(channel, locale)}`;
}

/**
 * the Teams link that opens a channel thread (a post and its replies), as Teams builds it for "copy link":
 * `https://teams.microsoft.com/l/message/<channel>/<message>?tenantId=…&groupId=…&parentMessageId=<message>&…`.
 * Undefined for a conversation that is no channel thread.
 */
export function threadLink(thread: {
  conversationId: string;
  tenantId?: string;
  groupId?: string;
  teamName?: string;
}): string | undefined {
  const [channelId, messageId] = thread.conversationId.split(';messageid=');
  if (!channelId || !messageId) return undefined;
  const query = new URLSearchParams({
    ...(thread.tenantId && { tenantId: thread.tenantId }),
    ...(thread.groupId && { groupId: thread.groupId }),
    parentMessageId: messageId,
    ...(thread.teamName && { teamName: thread.teamName }),
    createdTime: messageId,
  });
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(channelId)}/${encodeURIComponent(messageId)}?${query.toString()}`;
}
