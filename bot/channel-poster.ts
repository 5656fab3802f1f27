import { CloudAdapter, MessageFactory, type Activity, type ConversationReference, type ConversationResourceResponse, type TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { CardAttachment } from '../cards/render';
import type { ConversationRef, TeamRecord } from '../core/installations';
import type { OutboundQueue } from './delivery/outbound-queue';

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
 * the SDK's own retry policy (up to 3 hidden retries, outside any rate limit, also for non-idempotent posts) is
 * removed from the per-turn connector client, so the outbound queue is the one place that paces and retries.
 */
function withoutSdkRetries(client: ConnectorClient | undefined): void {
  const pipeline = (client as unknown as { client?: { pipeline?: { removePolicy(p: { name: string }): unknown } } } | undefined)?.client?.pipeline;
  pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}

/**
 * proactive delivery into Teams: new channel posts, in-place card updates and texts into stored conversations.
 * Works in local mode (no app id) and in production alike, through the CloudAdapter. Every connector call goes
 * through the outbound queue (rate limits, retries); a conversation that is gone ends in ConversationGoneError.
 */
export class ChannelPoster {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly queue: OutboundQueue,
  ) {}

  /** posts a card as a new post (thread) into a team channel. */
  async postCard(team: TeamRecord, channelId: string, card: CardAttachment): Promise<PostedCard> {
    return this.queue.send({ tenantId: team.tenantId, conversationId: channelId }, () => this.postOnce(team, channelId, card));
  }

  /** replaces a posted card in place (everyone sees the new state). */
  async updateCard(reference: ConversationRef, conversationId: string, activityId: string, card: CardAttachment): Promise<void> {
    await this.queue.send({ tenantId: reference.conversation.tenantId, conversationId }, () => this.updateOnce(reference, conversationId, activityId, card));
  }

  /** sends a text or card into a stored conversation (a channel, a channel thread or a personal chat) as a new message. */
  async send(reference: ConversationRef, conversationId: string, message: string | CardAttachment): Promise<string | undefined> {
    return this.queue.send({ tenantId: reference.conversation.tenantId, conversationId }, () => this.sendOnce(reference, conversationId, message));
  }

  private async postOnce(team: TeamRecord, channelId: string, card: CardAttachment): Promise<PostedCard> {
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

  private async updateOnce(reference: ConversationRef, conversationId: string, activityId: string, card: CardAttachment): Promise<void> {
    await this.continueIn({ ...reference, conversation: { ...reference.conversation, id: conversationId } }, async (ctx) => {
      await ctx.updateActivity({ ...MessageFactory.attachment(card), id: activityId, conversation: { ...ctx.activity.conversation, id: conversationId } });
    });
  }

  private async sendOnce(reference: ConversationRef, conversationId: string, message: string | CardAttachment): Promise<string | undefined> {
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

  /** runs one connector call in a proactive turn; its error reaches the caller (the adapter's onTurnError would swallow it). */
  private async continueIn(reference: ConversationRef, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
    let failure: { err: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.appId, reference as unknown as Partial<ConversationReference>, async (ctx) => {
      try {
        withoutSdkRetries(ctx.turnState.get<ConnectorClient>(this.adapter.ConnectorClientKey));
        await logic(ctx);
      } catch (err) {
        failure = { err };
      }
    });
    if (failure) throw failure.err;
  }
}
