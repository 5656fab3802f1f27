/** the failures a send to Teams can end in, as the product's features see them (bot/delivery raises them). */

/** where a send goes: the tenant (rate per app and tenant) and the conversation or channel (rate per thread). */
export interface DeliveryTarget {
  tenantId?: string;
  conversationId: string;
}

/** Teams answered 403 or 404: the bot was removed or the conversation deleted; mark it inactive, do not retry. */
export class ConversationGoneError extends Error {
  override readonly name = 'ConversationGoneError';
  constructor(
    readonly target: DeliveryTarget,
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    super(`Teams answered ${status} for conversation ${target.conversationId}`, options);
  }
}

/** a send failed for good: not retryable, or still failing after the last attempt. */
export class DeliveryFailedError extends Error {
  override readonly name = 'DeliveryFailedError';
  constructor(
    readonly target: DeliveryTarget,
    readonly attempts: number,
    readonly status: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      `delivery to ${target.conversationId} failed after ${attempts} attempt(s)${status ? ` (last status ${status})` : ''}`,
      options,
    );
  }
}
