import { MessageFactory } from 'botbuilder';
import { messages } from '../../core/messages';
import type { CommandHandler } from './command-turn';

/** `kampagne neu` / `new campaign`: starts the campaign wizard (personal chat only, where forms are private). */
export const newCampaignCommand: CommandHandler<'newCampaign'> = async ({ ctx, facts, s, personId }) => {
  if (!facts.isPersonal) {
    await ctx.sendActivity(messages(facts.locale).wizardPersonalOnly);
    return;
  }
  const view = await s.wizard.start(ctx, facts.locale, personId);
  await ctx.sendActivity(MessageFactory.attachment(view.card));
};
