import { MessageFactory, type TurnContext } from 'botbuilder';
import type { Turn } from '../app/ports/turn';
import type { CardAttachment } from '../cards/render';
import type { WizardPayload } from '../core/card-actions';
import { messages } from '../core/messages';
import { fail, ok, type Outcome } from '../core/problems';
import type { CampaignWizard } from '../dialogs/campaign-wizard';

/**
 * the campaign wizard's two entries, which run a Bot Framework dialog on the turn itself and so stay at the Teams
 * edge: `kampagne neu` starts it (personal chat only, where forms are private), a click on a wizard card moves it on.
 */
export class CampaignWizardTurns {
  constructor(private readonly wizard: CampaignWizard) {}

  /** `kampagne neu` / `new campaign`. */
  async start(ctx: TurnContext, turn: Turn): Promise<void> {
    const { facts } = turn;
    if (!facts.isPersonal) {
      await turn.reply(messages(facts.locale).wizardPersonalOnly);
      return;
    }
    const view = await this.wizard.start(ctx, facts.locale, turn.personId);
    await turn.reply(view.card);
  }

  /** a click on a wizard card: the dialog validates the form and answers with the next step (or the same, with errors). */
  async submit(ctx: TurnContext, turn: Turn, payload: WizardPayload): Promise<Outcome<CardAttachment>> {
    if (!(await turn.s.isAdmin(turn.personId))) return fail('errNotAdmin');
    const view = await this.wizard.submit(ctx, turn.facts.locale, payload);
    if (view.extra.length > 0) await ctx.sendActivity(MessageFactory.carousel(view.extra));
    return ok(view.card);
  }
}
