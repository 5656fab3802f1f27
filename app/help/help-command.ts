import { buildHelpCard } from '../../cards/help-card';
import type { HelpPorts } from './ports';
import { asAttachment } from '../../cards/render';
import type { CommandHandler } from '../ports/turn';

/** `hilfe` / `help`: the command overview for this person. */
export const helpCommand: CommandHandler<'help', HelpPorts> = async ({ reply, facts, s, personId }) => {
  const card = buildHelpCard(facts.locale, {
    isAdmin: await s.isAdmin(facts.aadObjectId),
    localMode: s.config.localMode,
    isCouncil: await s.storage.roles.isCouncil(personId),
  });
  await reply(asAttachment(card));
};
