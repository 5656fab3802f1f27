import type { TurnContext } from 'botbuilder';
import type { Command } from '../../core/commands';
import type { BotServices } from '../services';
import type { TurnFacts } from '../turn-facts';

/** one chat command being handled: the turn, what we know about it, and the bot's capabilities. */
export interface CommandTurn {
  ctx: TurnContext;
  facts: TurnFacts;
  s: BotServices;
  /** the acting person: the AAD object id from the activity (a command without one is refused before its handler runs). */
  personId: string;
}

/** a handler for one command name. */
export type CommandHandler<N extends Command['name']> = (turn: CommandTurn, command: Extract<Command, { name: N }>) => Promise<void>;
