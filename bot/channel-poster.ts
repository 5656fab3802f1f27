import {
  CloudAdapter,
  MessageFactory,
  type Activity,
  type ConversationReference,
  type ConversationResourceResponse,
  type TurnContext,
} from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { CardAttachment } from '../cards/render';
import type { ConversationRef, TeamRecord } from '../core/installations';
import type { PostedCard, TeamsPoster } from '../app/ports/teams';
import type { OnWire, OutboundQueue } from './delivery/outbound-queue';

/** the thread id Teams gives a new channel post: `<channel>;messageid=<activity id>`. */
function threadOf(channelId: string, activityId: string): string {
  return `${channelId};messageid=${activityId}`;
}

/**
 * the SDK's own retry policy (up to 3 hidden retries, outside any rate limit, also for non-idempotent posts) is
 * removed from the per-turn connector client, so the outbound queue is the one place that paces and retries.
 */
function withoutSdkRetries(client: ConnectorClient | undefined): void {
  pipelineOf(client)?.removePolicy({ name: 'defaultRetryPolicy' });
}

/** tells the outbound queue when the turn's first request actually leaves (after signing, right before the transport). */
function reportingWire(client: ConnectorClient | undefined, onWire: OnWire | undefined): void {
  if (!onWire) return;
  pipelineOf(client)?.addPolicy(
    {
      name: 'mitwirkenOnWire',
      sendRequest: (request, next) => {
        onWire();
        return next(request);
      },
    },
    { afterPhase: 'Sign' },
  );
}

interface PerTurnPipeline {
  removePolicy(p: { name: string }): unknown;
  addPolicy(
    policy: {
      name: string;
      sendRequest(request: unknown, next: (request: unknown) => Promise<unknown>): Promise<unknown>;
    },
    options?: { afterPhase?: 'Sign' },
  ): void;
}

/** the per-turn connector client's request pipeline (@azure/core-rest-pipeline), when it has the expected shape. */
function pipelineOf(client: ConnectorClient | undefined): PerTurnPipeline | undefined {
  return (client as unknown as { client?: { pipeline?: PerTurnPipeline } } | undefined)?.client?.pipeline;
}

/**
 * proactive delivery into Teams: new channel posts, in-place card updates and texts into stored conversations.
 * Works in local mode (no app id) and in production alike, through the CloudAdapter. Every connector call goes
 * through the outbound queue (rate limits, retries); a conversation that is gone ends in ConversationGoneError.
 */
export class ChannelPoster implements TeamsPoster {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly queue: OutboundQueue,
  ) {}

  /** posts a card as a new post (thread) into a team channel. */
  async postCard(team: TeamRecord, channelId: string, card: CardAttachment): Promise<PostedCard> {
    return this.queue.send({ tenantId: team.tenantId, conversationId: channelId }, (onWire) =>
      this.postOnce(team, channelId, card, onWire),
    );
  }

  /** replaces a posted card in place (everyone sees the new state). */
  async updateCard(
    reference: ConversationRef,
    conversationId: string,
    activityId: string,
    card: CardAttachment,
  ): Promise<void> {
    await this.queue.send({ tenantId: reference.conversation.tenantId, conversationId }, (onWire) =>
      this.updateOnce(reference, conversationId, activityId, card, onWire),
    );
  }

  /** sends a text or card into a stored conversation (a channel, a channel thread or a personal chat) as a new message. */
  async send(
    reference: ConversationRef,
    conversationId: string,
    message: string | CardAttachment,
  ): Promise<string | undefined> {
    return this.queue.send({ tenantId: reference.conversation.tenantId, conversationId }, (onWire) =>
      this.sendOnce(reference, conversationId, message, onWire),
    );
  }

  /**
   * opens a 1:1 chat with a member of an installed team (a bot in a team may start one with any member; Teams hands
   * back the existing chat when there is one) and sends the first message into it.
   */
  async openPersonalChat(team: TeamRecord, userId: string, message: string | CardAttachment): Promise<PostedCard> {
    return this.queue.send({ tenantId: team.tenantId, conversationId: `user|${userId}` }, (onWire) =>
      this.openPersonalOnce(team, userId, message, onWire),
    );
  }

  private async openPersonalOnce(
    team: TeamRecord,
    userId: string,
    message: string | CardAttachment,
    onWire?: OnWire,
  ): Promise<PostedCard> {
    let posted: PostedCard | undefined;
    await this.continueIn(team.reference, onWire, async (ctx) => {
      const client = ctx.turnState.get<ConnectorClient>(this.adapter.ConnectorClientKey);
      const created: ConversationResourceResponse = await client.conversations.createConversation({
        isGroup: false,
        bot: ctx.activity.recipient,
        members: [{ id: userId }],
        tenantId: team.tenantId,
        channelData: team.tenantId ? { tenant: { id: team.tenantId } } : undefined,
      } as Parameters<ConnectorClient['conversations']['createConversation']>[0]);
      const activity = typeof message === 'string' ? MessageFactory.text(message) : MessageFactory.attachment(message);
      const sent = await client.conversations.sendToConversation(created.id, {
        ...activity,
        from: ctx.activity.recipient,
        conversation: { id: created.id },
      } as Activity);
      posted = { conversationId: created.id, activityId: (sent as { id?: string }).id ?? '' };
    });
    if (!posted) throw new Error('opening the personal chat produced no conversation');
    return posted;
  }

  private async postOnce(
    team: TeamRecord,
    channelId: string,
    card: CardAttachment,
    onWire?: OnWire,
  ): Promise<PostedCard> {
    let posted: PostedCard | undefined;
    await this.continueIn(team.reference, onWire, async (ctx) => {
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

  private async updateOnce(
    reference: ConversationRef,
    conversationId: string,
    activityId: string,
    card: CardAttachment,
    onWire?: OnWire,
  ): Promise<void> {
    await this.continueIn(
      { ...reference, conversation: { ...reference.conversation, id: conversationId } },
      onWire,
      async (ctx) => {
        await ctx.updateActivity({
          ...MessageFactory.attachment(card),
          id: activityId,
          conversation: { ...ctx.activity.conversation, id: conversationId },
        });
      },
    );
  }

  private async sendOnce(
    reference: ConversationRef,
    conversationId: string,
    message: string | CardAttachment,
    onWire?: OnWire,
  ): Promise<string | undefined> {
    let id: string | undefined;
    await this.continueIn(
      { ...reference, conversation: { ...reference.conversation, id: conversationId } },
      onWire,
      async (ctx) => {
        const client = ctx.turnState.get<ConnectorClient>(this.adapter.ConnectorClientKey);
        const activity =
          typeof message === 'string' ? MessageFactory.text(message) : MessageFactory.attachment(message);
        const sent = await client.conversations.sendToConversation(conversationId, {
          ...activity,
          from: ctx.activity.recipient,
          conversation: ctx.activity.conversation,
        } as Activity);
        id = (sent as { id?: string }).id;
      },
    );
    return id;
  }

  /** runs one connector call in a proactive turn; its error reaches the caller (the adapter's onTurnError would swallow it). */
  private async continueIn(
    reference: ConversationRef,
    onWire: OnWire | undefined,
    logic: (ctx: TurnContext) => Promise<void>,
  ): Promise<void> {
    let failure: { err: unknown } | undefined;
    await this.adapter.continueConversationAsync(
      this.appId,
      reference as unknown as Partial<ConversationReference>,
      async (ctx) => {
        try {
          const client = ctx.turnState.get<ConnectorClient>(this.adapter.ConnectorClientKey);
          withoutSdkRetries(client);
          reportingWire(client, onWire);
          await logic(ctx);
        } catch (err) {
          failure = { err };
        }
      },
    );
    if (failure) throw failure.err;
  }
}
