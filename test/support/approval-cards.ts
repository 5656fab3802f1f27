import { VERBS } from '../../core/card-actions';
import type { BotHarness, Person } from './bot-harness';
import { cardTexts, interactive } from './card-nodes';
import { deliveredCard, invokeCard } from './turn-helpers';

/** the newest approval card for a subject (campaign id or hold id) in a person's personal chat. */
export function approvalCard(h: BotHarness, who: Person, id: string): Record<string, unknown> {
  const found = [...h.connector.delivered]
    .reverse()
    .find(
      (d) =>
        d.conversationId === `a:personal-${who.id}` &&
        d.activity.attachments &&
        interactive(deliveredCard(d)).some((a) => a.verb === VERBS.approval && (a.data as { id?: string }).id === id),
    );
  if (!found) throw new Error(`no approval card for ${id} in the chat of ${who.name}`);
  return deliveredCard(found);
}

/** clicks "Freigeben" or "Änderungen erbitten" on an approval card as a person, with the comment field's value. */
export async function decide(
  h: BotHarness,
  who: Person,
  card: unknown,
  decision: 'approve' | 'changes',
  comment = '',
): Promise<string[]> {
  const button = interactive(card).find(
    (a) => a.verb === VERBS.approval && (a.data as { decision?: string }).decision === decision,
  );
  if (!button) throw new Error(`no ${decision} button on the card`);
  return cardTexts(
    invokeCard(await h.invoke(VERBS.approval, { ...(button.data as object), comment }, who, { personal: true })),
  );
}
