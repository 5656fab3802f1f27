import { CloudAdapter, MessageFactory, type Activity, type ConversationReference, type ConversationResourceResponse, type TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { CardAttachment } from '../cards/render';
import type { ConversationRef, TeamRecord } from '../core/installations';

/** where a card was posted: the thread's conversation id and the card's activity id. */
export interface PostedCard {
  conversationId: string;
  activityId: string;
}

/** the thread id Teams gives a new channel post: `<channel>;messageid=<activity id>`. */
export function threadOf(channelId: string, activityId: string): string {
  return `${channelId};messageid=${activityId}`;
}

/** the channel part of a thread's conversation id. */
export function channelOfConversation(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}

/**
 * proactive delivery into Teams: new channel posts, in-place card updates and texts into stored conversations.
 * Works in local mode (no app id) and in production alike, through the CloudAdapter.
 */
export class ChannelPoster {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  /** posts a card as a new post (thread) into a team channel. */
  async postCard(team: TeamRecord, channelId: string, card: CardAttachment): Promise<PostedCard> {
    let posted: PostedCard | undefined;
    await this.continueIn(team.reference, async (ctx) => {
      const client = ctx.turnState.get<ConnectorClient>(this.adapter.ConnectorClientKey);
      const result: ConversationResourceResponse = await client.conversations.createConversation({
        isGroup: true,
        bot: ctx.activity.recipient,
        tenantId: team.tenantId,
        channelData: { channel: { id: channelId }, tenant: team.tenantId ? { id: team.tenantId } : undefined },
        activity: MessageFactory.attachment(card) as Activity,
        members: [],
      } as Parameters<ConnectorClient['conversations']['createConversation']>[0]);
      const activityId = result.activityId ?? result.id.split(';messageid=')[1] ?? '';
      const conversationId = result.id.includes(';messageid=') ? result.id : threadOf(channelId, activityId);
      posted = { conversationId, activityId };
    });
    if (!posted) throw new Error('posting produced no conversation');
    return posted;
  }

  /** replaces a posted card in place (everyone sees the new state). */
  async updateCard(reference: ConversationRef, conversationId: string, activityId: string, card: CardAttachment): Promise<void> {
    await this.continueIn({ ...reference, conversation: { ...reference.conversation, id: conversationId } }, async (ctx) => {
      await ctx.updateActivity({ ...MessageFactory.attachment(card), id: activityId, conversation: { ...ctx.activity.conversation, id: conversationId } });
    });
  }

  /** sends a text or card into a stored conversation (a channel, a channel thread or a personal chat) as a new message. */
  async send(reference: ConversationRef, conversationId: string, message: string | CardAttachment): Promise<string | undefined> {
    let id: string | undefined;
    await this.continueIn({ ...reference, conversation: { ...reference.conversation, id: conversationId } }, async (ctx) => {
      const client = ctx.turnState.get<ConnectorClient>(this.adapter.ConnectorClientKey);
      const activity = typeof message === 'string' ? MessageFactory.text(message) : MessageFactory.attachment(message);
      const sent = await client.conversations.sendToConversation(conversationId, {
        ...activity,
        from: ctx.activity.recipient,
        conversation: ctx.activity.conversation,
      } as Activity);
      id = (sent as { id?: string }).id;
    });
    return id;
  }

  private async continueIn(reference: ConversationRef, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
    await this.adapter.continueConversationAsync(this.appId, reference as unknown as Partial<ConversationReference>, logic);
  }
}
