import { DateTime } from 'luxon';
import { buildComposeFormCard, buildComposeOfferCard } from '../../cards/compose-form-card';
import { buildMessageCard } from '../../cards/message-card';
import { asAttachment, type CardAttachment } from '../../cards/render';
import {
  checkComposeForm,
  emptyComposeValues,
  readComposeValues,
  type ComposeField,
  type ComposeValues,
  type FormKind,
} from '../../core/compose-form';
import { messages } from '../../core/messages';
import { describeProblem } from '../../core/problems';
import type { CommandHandler, Turn } from '../ports/turn';
import { adhocTarget, postAdhocItem } from './adhoc-post';
import { mayPostIn } from './post-permission';
import type { PollsPorts } from './ports';

/** what a dialog (task module) shows next: a card (the form, or why not), or a short message that ends it. */
export type DialogAnswer = { kind: 'card'; title: string; card: CardAttachment } | { kind: 'message'; text: string };

/** where a form's item goes: the turn's channel, or General (whose id is the team's) when Teams names no channel. */
function placeOf(turn: Turn<PollsPorts>): { teamId: string; channelId: string } | undefined {
  const { teamId, channelId } = turn.facts;
  return teamId ? { teamId, channelId: channelId || teamId } : undefined;
}

function cardAnswer(turn: Turn<PollsPorts>, card: CardAttachment): DialogAnswer {
  return { kind: 'card', title: messages(turn.facts.locale).composeTitle, card };
}

/** the card instead of the form: outside a team channel, or for someone who may not post there. */
async function refusal(turn: Turn<PollsPorts>): Promise<DialogAnswer | undefined> {
  const { facts, s, personId } = turn;
  const m = messages(facts.locale);
  const place = placeOf(turn);
  if (!place)
    return cardAnswer(
      turn,
      asAttachment(buildMessageCard(m.composeTitle, [describeProblem(facts.locale, { key: 'errFormChannelOnly' })])),
    );
  if (await mayPostIn(s, place.teamId, personId)) return undefined;
  s.log.info({ teamId: place.teamId }, 'posting form refused');
  const leaders = s.config.leadersMayPost;
  return cardAnswer(
    turn,
    asAttachment(
      buildMessageCard(m.composeNotAllowedTitle, [m.composeNotAllowedWho(leaders), m.composeNotAllowedAsk(leaders)]),
    ),
  );
}

function formCard(turn: Turn<PollsPorts>, values: ComposeValues, errors?: Partial<Record<ComposeField, string>>) {
  const { s, facts } = turn;
  const today = DateTime.fromJSDate(s.now()).setZone(s.config.timeZone).toISODate() ?? '';
  return cardAnswer(turn, asAttachment(buildComposeFormCard({ locale: facts.locale, values, errors, today })));
}

/** opens the posting form (message extension or dialog), a kind chosen when given; or explains who may post here. */
export async function openComposeForm(turn: Turn<PollsPorts>, kind?: FormKind): Promise<DialogAnswer> {
  return (await refusal(turn)) ?? formCard(turn, emptyComposeValues(kind ?? 'single'));
}

/**
 * a submitted posting form: checked again on the server (who, and every field); with problems the same form comes
 * back with the values kept and each problem under its field; valid, the item is posted into the turn's channel
 * (postAdhocItem; or held for the staff council) and the dialog ends with a short message saying which.
 */
export async function submitComposeForm(turn: Turn<PollsPorts>, data: unknown): Promise<DialogAnswer> {
  const refused = await refusal(turn);
  const place = placeOf(turn);
  if (refused || !place) return refused ?? { kind: 'message', text: messages(turn.facts.locale).errFormChannelOnly };
  const { s, facts, personId } = turn;
  const values = readComposeValues(data);
  const checked = checkComposeForm(values, s.now(), s.config.timeZone);
  if (!checked.ok) {
    s.log.info({ fields: Object.keys(checked.errors) }, 'posting form refused a field');
    const errors = Object.fromEntries(
      Object.entries(checked.errors).map(([field, problem]) => [field, describeProblem(facts.locale, problem)]),
    );
    return formCard(turn, values, errors);
  }
  const team = await turn.team();
  const outcome = await postAdhocItem(
    s,
    checked.value.draft,
    await adhocTarget(s, team, place.channelId),
    { personId, userName: facts.userName, locale: facts.locale },
    { closesAt: checked.value.closesAt },
  );
  const m = messages(facts.locale);
  return { kind: 'message', text: outcome.posted ? m.composePosted : m.adhocHeld(outcome.notified) };
}

/** `umfrage`, `bewertung`, `ideenabfrage` without a question: a card whose button opens the posting form. */
export const postFormCommand: CommandHandler<'postForm', PollsPorts> = async (turn, command) => {
  const { facts, s, personId, reply } = turn;
  if (!facts.teamId) {
    await reply(describeProblem(facts.locale, { key: 'errFormChannelOnly' }));
    return;
  }
  if (!(await mayPostIn(s, facts.teamId, personId))) {
    await reply(describeProblem(facts.locale, { key: 'errNotAllowedToPost' }));
    return;
  }
  await reply(asAttachment(buildComposeOfferCard(facts.locale, command.kind)));
};
