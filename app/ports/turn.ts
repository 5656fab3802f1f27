import type { CardAttachment } from '../../cards/render';
import type { PayloadOf, Verb } from '../../core/card-actions';
import type { Command } from '../../core/commands';
import type { Outcome } from '../../core/problems';
import type { TeamRecord } from '../../core/installations';
import type { Locale } from '../../core/locale';
import type { AppServices } from './services';

/** what a handler needs to know about the incoming activity, read in one place. */
export interface TurnFacts {
  locale: Locale;
  /** the person: `from.aadObjectId` of the activity (never card data, never `from.id`); undefined when missing or empty. */
  aadObjectId?: string;
  userName: string;
  /** the person's Teams user id (`from.id`), only to address them in Teams (a card's user-specific refresh); never an identity. */
  userId: string;
  teamId?: string;
  channelId?: string;
  tenantId?: string;
  conversationType?: string;
  conversationId: string;
  isPersonal: boolean;
  /** an id for this delivery, stable across retries of the same activity. */
  deliveryKey: string;
}

/** what a handler may send back into the conversation it was asked in: a text, a card, or several cards as a list. */
export type ReplyMessage = string | CardAttachment | readonly CardAttachment[];

/**
 * one chat command or card action being handled, as features see it: who acts and where (facts), the product's
 * ports (s), and the two things a handler may do with the conversation. The Teams edge (bot/) builds it from the
 * activity; features never see the Bot Framework's TurnContext.
 */
export interface Turn<S = AppServices> {
  facts: TurnFacts;
  /** the ports: a feature's handlers name the part they use (its `ports.ts`). */
  s: S;
  /** the acting person: the AAD object id from the activity (a turn without one is refused before any handler runs). */
  personId: string;
  /** sends a message into this turn's conversation (for a card action: besides the card it answers with). */
  reply(message: ReplyMessage): Promise<void>;
  /** the team a channel turn comes from, stored (or refreshed) from what Teams sent with it; rejects outside a team. */
  team(): Promise<TeamRecord>;
}

/** a handler for one command name. */
export type CommandHandler<N extends Command['name'], S = AppServices> = (
  turn: Turn<S>,
  command: Extract<Command, { name: N }>,
) => Promise<void>;

/** a handler for one card verb: returns the card the person sees next, or the problem to show on it. */
export type ActionHandler<V extends Verb, S = AppServices> = (
  turn: Turn<S>,
  payload: PayloadOf[V],
) => Promise<Outcome<CardAttachment>>;
