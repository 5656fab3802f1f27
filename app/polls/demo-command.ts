import { describeProblem } from '../../core/problems';
import type { PollsPorts } from './ports';
import { messages } from '../../core/messages';
import type { CommandHandler } from '../ports/turn';

/** `demo` (local mode only): the Playground's mock users answer the newest item this person posted. */
export const demoCommand: CommandHandler<'demo', PollsPorts> = async ({ reply, facts, s }) => {
  if (!s.demo || !facts.aadObjectId) {
    await reply(describeProblem(facts.locale, { key: 'errUnknownCommand', args: ['demo'] }));
    return;
  }
  const item = await s.storage.items.latestByCreator(facts.aadObjectId);
  if (!item || item.status !== 'open') {
    await reply(messages(facts.locale).demoNothing);
    return;
  }
  const answered = await s.demo.answer(item);
  await s.refresher.refreshNow(item.id);
  await reply(messages(facts.locale).demoDone(answered));
};
