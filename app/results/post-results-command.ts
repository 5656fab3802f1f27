import { messages } from '../../core/messages';
import { describeProblem } from '../../core/problems';
import type { CommandHandler } from '../ports/turn';
import type { ResultsPorts } from './ports';
import { postItemResults } from './post-results';

/** `ergebnis posten` / `post results` in the thread of a closed item: its results card goes into the item's channel. */
export const postResultsCommand: CommandHandler<'postResults', ResultsPorts> = async ({
  reply,
  facts,
  s,
  personId,
}) => {
  if (!facts.teamId) {
    await reply(describeProblem(facts.locale, { key: 'errChannelOnly' }));
    return;
  }
  const item = await s.storage.items.latestInConversation(facts.conversationId);
  if (!item || item.teamId !== facts.teamId) {
    await reply(describeProblem(facts.locale, { key: 'errResultsNoItemHere' }));
    return;
  }
  const posted = await postItemResults(s, item, { personId, ...(facts.userName && { name: facts.userName }) });
  await reply(
    posted.ok
      ? messages(facts.locale).resultsPosted(posted.value.channels)
      : describeProblem(facts.locale, posted.problem),
  );
};
