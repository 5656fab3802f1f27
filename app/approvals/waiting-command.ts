import { asAttachment } from '../../cards/render';
import { messages } from '../../core/messages';
import type { CommandHandler } from '../ports/turn';
import type { ApprovalsPorts } from './ports';
import { waitingApprovals } from './waiting-approvals';

/**
 * `freigaben` / `approvals` (staff council members and admins, checked by the router): the approval cards of every
 * version still waiting for this member's decision, one message each, or a short text when nothing waits. An admin
 * outside the council sees what waits for the council, without buttons.
 */
export const approvalsCommand: CommandHandler<'approvals', ApprovalsPorts> = async ({ reply, facts, s, personId }) => {
  const m = messages(facts.locale);
  const council = await s.storage.roles.isCouncil(personId);
  const cards = await waitingApprovals(s, council ? { personId } : { readOnly: true });
  if (cards.length === 0) return reply(council ? m.approvalsNoneWaiting : m.approvalsNoneWaitingCouncil);
  await reply(council ? m.approvalsWaiting(cards.length) : m.approvalsWaitingCouncil(cards.length));
  for (const card of cards) await reply(asAttachment(card(facts.locale)));
};
