import type { CardAttachment } from '../../cards/render';
import type { ConversationRef, TeamRecord } from '../../core/installations';
import type { Member } from '../../core/people';

// What the product's features ask of Teams, as ports: the Teams edge (bot/) implements them with the Bot Framework
// connector; features never see its types.

/** where a card was posted: the thread's conversation id and the card's activity id. */
export interface PostedCard {
  conversationId: string;
  activityId: string;
}

/** posting into Teams, paced and retried per tenant and conversation (bot/channel-poster.ts). */
export interface TeamsPoster {
  /** posts a card as a new post (thread) into a team channel. */
  postCard(team: TeamRecord, channelId: string, card: CardAttachment): Promise<PostedCard>;
  /** replaces a posted card in place (everyone sees the new state). */
  updateCard(
    reference: ConversationRef,
    conversationId: string,
    activityId: string,
    card: CardAttachment,
  ): Promise<void>;
  /** sends a text or card into a stored conversation (a channel, a channel thread or a personal chat) as a new message. */
  send(
    reference: ConversationRef,
    conversationId: string,
    message: string | CardAttachment,
  ): Promise<string | undefined>;
  /** opens (or finds) the 1:1 chat with a member of an installed team and sends the first message into it. */
  openPersonalChat(team: TeamRecord, userId: string, message: string | CardAttachment): Promise<PostedCard>;
}

/** the members of a team or of one of its channels, read from Teams (bot/team-roster.ts); rejects rather than give a partial list. */
export interface TeamsRosters {
  members(team: TeamRecord): Promise<Member[]>;
  channelMembers(team: TeamRecord, channelId: string): Promise<Member[]>;
}
