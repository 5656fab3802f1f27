import { MessageFactory } from 'botbuilder';
import { VERBS } from '../../core/card-actions';
import { fail, ok } from '../../core/problems';
import type { ActionHandler } from './action-turn';

/** a click on a campaign wizard card: the dialog validates the form and answers with the next step (or the same, with errors). */
export const wizardAction: ActionHandler<typeof VERBS.wizard> = async (turn, payload) => {
  const { s, facts, ctx } = turn;
  if (!(await s.isAdmin(turn.personId))) return fail('errNotAdmin');
  const view = await s.wizard.submit(ctx, facts.locale, payload);
  if (view.extra.length > 0) await ctx.sendActivity(MessageFactory.carousel(view.extra));
  return ok(view.card);
};
