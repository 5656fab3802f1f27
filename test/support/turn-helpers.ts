import { ADMIN, type BotHarness, type HttpResult, type TEAM } from './bot-harness';
import { cardTexts } from './card-nodes';
import type { TeamsDelivery } from './teams-connector';
import type { Item } from '../../core/items';

/** the card an Action.Execute invoke answered with. */
export function invokeCard(result: HttpResult): Record<string, unknown> {
  const body = result.body as { statusCode?: number; value?: Record<string, unknown> } | undefined;
  if (result.status !== 200 || body?.statusCode !== 200 || !body.value)
    throw new Error(`no card in response: ${JSON.stringify(result).slice(0, 300)}`);
  return body.value;
}

/** the first card of a delivered activity. */
export function deliveredCard(d: TeamsDelivery | undefined): Record<string, unknown> {
  const content = (d?.activity.attachments as { content: Record<string, unknown> }[] | undefined)?.[0]?.content;
  if (!content) throw new Error('delivery without a card');
  return content;
}

export interface PostedItem {
  item: Item;
  /** the thread (conversation id) the card was posted as. */
  thread: string;
  activityId: string;
}

/** an admin posts an item with a channel command (in the test team unless another is given); returns the stored item and where its card lives. */
export async function postItem(h: BotHarness, command: string, team?: typeof TEAM): Promise<PostedItem> {
  const before = h.connector.delivered.length;
  const res = await h.channelMessage(command, ADMIN, team ? { team } : {});
  if (res.status !== 200) throw new Error(`posting failed with ${res.status}`);
  const created = h.connector.delivered.slice(before).find((d) => d.kind === 'create');
  if (!created) throw new Error(`no channel post for "${command}": ${JSON.stringify(h.connector.texts().slice(-1))}`);
  const item = await h.storage.items.latestOpenInConversation(created.conversationId);
  if (!item) throw new Error('posted item not stored');
  return { item, thread: created.conversationId, activityId: created.activityId };
}

/** the newest texts replied since a point in the delivery log. */
export function textsSince(h: BotHarness, index: number): string[] {
  return h.connector.delivered
    .slice(index)
    .map((d) => d.activity.text)
    .filter((t): t is string => typeof t === 'string');
}

/** waits for an in-place update of an item's card whose texts satisfy a check; returns that card. */
export async function waitForUpdate(
  h: BotHarness,
  posted: PostedItem,
  check: (texts: string[]) => boolean,
): Promise<Record<string, unknown>> {
  const match = () =>
    h.connector.delivered.find(
      (d) =>
        d.kind === 'update' &&
        d.conversationId === posted.thread &&
        d.activityId === posted.activityId &&
        check(cardTexts(deliveredCard(d))),
    );
  await h.connector.waitFor(() => match() !== undefined);
  return deliveredCard(match());
}
