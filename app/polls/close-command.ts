import { describeProblem } from '../../core/problems';
import type { PollsPorts } from './ports';
import { messages } from '../../core/messages';
import { channelOfConversation } from '../../core/installations';
import { closeItemAs } from './close-item';
import { mayPostIn } from './post-permission';
import type { CommandHandler } from '../ports/turn';

/**
 * `schließen` / `close` in a thread: closes its open item and shows the final results on the card. Those who may post
 * in the team may close (mayPostIn).
 */
export const closeCommand: CommandHandler<'close', PollsPorts> = async ({ reply, facts, s, personId }) => {
  if (!facts.teamId) {
    await reply(describeProblem(facts.locale, { key: 'errChannelOnly' }));
    return;
  }
  if (!(await mayPostIn(s, facts.teamId, personId))) {
    await reply(describeProblem(facts.locale, { key: 'errNotAllowedToPost' }));
    return;
  }
  const items = s.storage.items;
  // In an item's own thread only that item counts; elsewhere in the channel, its newest open item.
  const own = await items.latestInConversation(facts.conversationId);
  const item = own
    ? own.status === 'open'
      ? own
      : undefined
    : await items.latestOpenInConversation(channelOfConversation(facts.conversationId));
  if (!item || item.teamId !== facts.teamId) {
    await reply(describeProblem(facts.locale, { key: 'errNoOpenItemHere' }));
    return;
  }
  await closeItemAs(s, item, { id: personId, name: facts.userName });
  await reply(messages(facts.locale).closed);
};
