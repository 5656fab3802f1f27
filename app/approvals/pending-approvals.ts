import { sendToPerson } from './council-reach';
import type { HoldPorts } from './ports';
import { waitingApprovals } from './waiting-approvals';

/**
 * sends a new council member (granted in chat or by the organisation file) the approval cards of every version still
 * waiting for the council, campaigns and held ad-hoc items, so nothing waits for a member who was not there when it
 * was sent. Returns how many cards went out.
 */
export async function pendingCardsFor(s: HoldPorts, personId: string): Promise<number> {
  let sent = 0;
  for (const card of await waitingApprovals(s, { personId })) if (await sendToPerson(s, personId, card)) sent++;
  return sent;
}
