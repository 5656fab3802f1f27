import { asAttachment } from '../../cards/render';
import type { PrivacyPorts } from './ports';
import { buildMyDataCard } from '../../cards/my-data-card';
import { describeProblem } from '../../core/problems';
import { gatherMyData } from './personal-data';
import type { CommandHandler } from '../ports/turn';

/**
 * `meine daten` / `my data`: a card with everything stored with the person's name or id, and buttons to export
 * it (JSON) or erase it. Only in the personal chat (a channel would show it to the team) and only with the
 * person's Entra id from the activity.
 */
export const myDataCommand: CommandHandler<'myData', PrivacyPorts> = async ({ reply, facts, s }) => {
  if (!facts.isPersonal) {
    await reply(describeProblem(facts.locale, { key: 'errPersonalChatOnly' }));
    return;
  }
  if (!facts.aadObjectId) {
    await reply(describeProblem(facts.locale, { key: 'errNoIdentity' }));
    return;
  }
  const data = await gatherMyData(s, facts.aadObjectId, facts.userName);
  await reply(asAttachment(buildMyDataCard(facts.locale, data, { timeZone: s.config.timeZone })));
};
