import type {
  MessagingExtensionAction,
  MessagingExtensionActionResponse,
  TaskModuleRequest,
  TaskModuleResponse,
} from 'botbuilder';
import { buildMessageCard } from '../cards/message-card';
import { COMPOSE_DATA } from '../cards/compose-form-card';
import { asAttachment } from '../cards/render';
import { FORM_KINDS, type FormKind } from '../core/compose-form';
import { messages } from '../core/messages';
import { describeProblem, type Problem } from '../core/problems';
import { openComposeForm, submitComposeForm, type DialogAnswer } from '../app/polls';
import type { Turn, TurnFacts } from '../app/ports/turn';
import { isStorageUnavailable } from '../storage/tables';
import type { Logger } from 'pino';

/** the id of the message extension's action command in the manifest (composeExtensions[0].commands[0].id). */
export const COMPOSE_COMMAND_ID = 'compose';

/** how the edge reaches the turn of a dialog invoke: undefined when the activity names no person. */
export type DialogTurn = () => Turn | undefined;

/** the dialog's answer as Teams expects it: a card to show (again), or a message that ends the dialog. */
function taskOf(answer: DialogAnswer): TaskModuleResponse {
  if (answer.kind === 'message') return { task: { type: 'message', value: answer.text } };
  return { task: { type: 'continue', value: { title: answer.title, card: answer.card, width: 'medium' } } };
}

function problemAnswer(facts: TurnFacts, problem: Problem): DialogAnswer {
  const m = messages(facts.locale);
  return {
    kind: 'card',
    title: m.appName,
    card: asAttachment(buildMessageCard(m.appName, [describeProblem(facts.locale, problem)])),
  };
}

/** whether data from a card is one of ours (the posting form's submit, the offer card's button). */
function isOurs(data: unknown): data is { kind?: unknown } {
  return (
    typeof data === 'object' && data !== null && (data as { mitwirken?: unknown }).mitwirken === COMPOSE_DATA.mitwirken
  );
}

/**
 * the posting form in Teams' two dialog flavours: the message extension (`composeExtension/fetchTask`, `submitAction`)
 * and a dialog opened from a card button (`task/fetch`, `task/submit`). Both show the same form and post the same way
 * (app/polls compose-dialog.ts); a failure becomes a card in the dialog, never an error for Teams.
 */
export class ComposeDialogs {
  constructor(private readonly log: Logger) {}

  async extensionFetch(facts: TurnFacts, turn: DialogTurn, action: MessagingExtensionAction) {
    return this.answer(facts, turn, async (t) =>
      action?.commandId === COMPOSE_COMMAND_ID ? openComposeForm(t) : problemAnswer(facts, { key: 'errUnknownAction' }),
    ) as Promise<MessagingExtensionActionResponse>;
  }

  async extensionSubmit(facts: TurnFacts, turn: DialogTurn, action: MessagingExtensionAction) {
    return this.answer(facts, turn, async (t) =>
      action?.commandId === COMPOSE_COMMAND_ID
        ? submitComposeForm(t, action.data)
        : problemAnswer(facts, { key: 'errUnknownAction' }),
    ) as Promise<MessagingExtensionActionResponse>;
  }

  async taskFetch(facts: TurnFacts, turn: DialogTurn, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    return this.answer(facts, turn, async (t) => {
      const data: unknown = request?.data;
      if (!isOurs(data)) return problemAnswer(facts, { key: 'errUnknownAction' });
      const kind = (FORM_KINDS as readonly unknown[]).includes(data.kind) ? (data.kind as FormKind) : undefined;
      return openComposeForm(t, kind);
    });
  }

  async taskSubmit(facts: TurnFacts, turn: DialogTurn, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    return this.answer(facts, turn, async (t) =>
      isOurs(request?.data) ? submitComposeForm(t, request.data) : problemAnswer(facts, { key: 'errUnknownAction' }),
    );
  }

  private async answer(
    facts: TurnFacts,
    turn: DialogTurn,
    work: (turn: Turn) => Promise<DialogAnswer>,
  ): Promise<TaskModuleResponse> {
    try {
      const t = turn();
      return taskOf(t ? await work(t) : problemAnswer(facts, { key: 'errNoIdentity' }));
    } catch (err) {
      const down = isStorageUnavailable(err);
      this.log.error({ err }, down ? 'storage unavailable' : 'posting form failed');
      return taskOf(problemAnswer(facts, { key: down ? 'errStorageDown' : 'errUnexpected' }));
    }
  }
}
