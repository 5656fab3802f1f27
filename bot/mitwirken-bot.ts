import {
  MessageFactory,
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type TaskModuleRequest,
  type TaskModuleResponse,
  type TurnContext,
} from 'botbuilder';
import { buildMessageCard } from '../cards/message-card';
import { asAttachment, type CardAttachment } from '../cards/render';
import { isItemId, isVerb, parsePayload, VERBS, type PayloadOf, type Verb } from '../core/card-actions';
import { ADMIN_COMMANDS, COUNCIL_COMMANDS, parseCommand, type Command } from '../core/commands';
import { messages } from '../core/messages';
import { describeProblem, type Problem } from '../core/problems';
import { PREVIEW_ITEM_PREFIX } from '../dialogs/campaign-wizard';
import { isStorageUnavailable } from '../storage/tables';
import type { ActionHandler, CommandHandler, ReplyMessage, Turn, TurnFacts } from '../app/ports/turn';
import { CampaignWizardTurns } from './campaign-wizard-turns';
import {
  onChannelChanged,
  onMembersChanged,
  onPersonalInstalled,
  onTeamInstalled,
  onTeamRenamed,
  onUninstalled,
  learnChannelKind,
  rememberTeamFromActivity,
} from './installation-events';
import { AnswerThrottle } from '../app/polls';
import { renderItemCard } from '../app/polls';
import type { AppServices } from '../app/ports/services';
import { teamAccess } from '../app/teams';
import { commandText, turnFacts } from './turn-facts';
import type { CampaignWizard } from '../dialogs/campaign-wizard';
import { ideasCardWithProblem } from '../app/ideas';
import { ComposeDialogs } from './compose-extension';

import { ACTIONS, COMMANDS } from './routes';

const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';

/**
 * routes Teams activities: chat commands by name, card actions by verb, install events to bookkeeping.
 * Handlers get their capabilities from AppServices; nothing here parses text beyond the command word.
 */
export class MitwirkenBot extends TeamsActivityHandler {
  /** at most one answer per person and item per second is processed. */
  private readonly throttle: AnswerThrottle;
  private readonly wizard: CampaignWizardTurns;
  /** the posting form: message extension and dialogs. */
  private readonly compose: ComposeDialogs;

  constructor(
    private readonly s: AppServices,
    options: { wizard: CampaignWizard; answerIntervalMs?: number },
  ) {
    super();
    this.wizard = new CampaignWizardTurns(options.wizard);
    this.compose = new ComposeDialogs(s.log);
    this.throttle = new AnswerThrottle({ intervalMs: options.answerIntervalMs, now: () => this.s.now().getTime() });
    this.onMessage(async (ctx, next) => {
      await this.guard(ctx, () => this.handleMessage(ctx));
      await next();
    });
    this.onInstallationUpdateAdd(async (ctx, next) => {
      await this.guard(ctx, () => this.installed(ctx), false);
      await next();
    });
    this.onInstallationUpdateRemove(async (ctx, next) => {
      await this.guard(ctx, () => onUninstalled(ctx, this.s), false);
      await next();
    });
    this.onMembersAdded(async (ctx, next) => {
      if (ctx.activity.membersAdded?.some((m) => m.id === ctx.activity.recipient.id))
        await this.guard(ctx, () => this.installed(ctx), false);
      await next();
    });
    this.onMembersRemoved(async (ctx, next) => {
      if (ctx.activity.membersRemoved?.some((m) => m.id === ctx.activity.recipient.id))
        await this.guard(ctx, () => onUninstalled(ctx, this.s), false);
      await next();
    });
    const channelChanged = async (_c: unknown, _t: unknown, ctx: TurnContext, next: () => Promise<void>) => {
      await this.guard(ctx, () => onChannelChanged(ctx, this.s), false);
      await next();
    };
    this.onTeamsChannelCreatedEvent(channelChanged);
    this.onTeamsChannelRenamedEvent(channelChanged);
    this.onTeamsChannelDeletedEvent(channelChanged);
    this.onTeamsChannelRestoredEvent(channelChanged);
    this.onTeamsTeamRenamedEvent(async (teamInfo, ctx, next) => {
      await this.guard(ctx, () => onTeamRenamed(this.s, teamInfo.id, teamInfo.name), false);
      await next();
    });
    this.onConversationUpdate(async (ctx, next) => {
      await this.guard(ctx, () => onMembersChanged(ctx, this.s), false);
      await next();
    });
  }

  /** the turn as features see it: who and where, the ports, and replying into this conversation. */
  private turn(ctx: TurnContext, facts: TurnFacts, personId: string): Turn {
    return {
      facts,
      s: this.s,
      personId,
      reply: async (message: ReplyMessage) => {
        await ctx.sendActivity(
          typeof message === 'string'
            ? message
            : Array.isArray(message)
              ? MessageFactory.list([...message])
              : MessageFactory.attachment(message as CardAttachment),
        );
      },
      team: () => rememberTeamFromActivity(this.s, ctx.activity),
    };
  }

  private facts(ctx: TurnContext): TurnFacts {
    const facts = turnFacts(ctx.activity, this.s.config.defaultLocale);
    // The Agents Playground always reports en-US; with it, the configured language wins.
    return this.s.config.playground ? { ...facts, locale: this.s.config.defaultLocale } : facts;
  }

  private async installed(ctx: TurnContext): Promise<void> {
    const facts = this.facts(ctx);
    if (facts.teamId) await onTeamInstalled(ctx, this.s, facts.locale);
    else if (facts.isPersonal) await onPersonalInstalled(ctx, this.s, facts);
  }

  private async handleMessage(ctx: TurnContext): Promise<void> {
    const facts = this.facts(ctx);
    await learnChannelKind(this.s, ctx.activity);
    if (!facts.teamId && !facts.isPersonal) {
      // a group chat (Mitwirken does not offer itself there): say where it works instead of refusing each command.
      this.s.log.info({ conversationType: facts.conversationType }, 'message outside a team or personal chat');
      await ctx.sendActivity(messages(facts.locale).groupChatNotSupported);
      return;
    }
    const text = commandText(ctx.activity);
    const parsed = parseCommand(text);
    const reject = async (problem: Problem) => {
      this.s.log.info({ problem: problem.key, conversationType: facts.conversationType }, 'command refused');
      await ctx.sendActivity(describeProblem(facts.locale, problem));
    };
    // in the personal chat, a message that is no command may be an idea: it is offered, never dropped.
    const free = !parsed.ok && parsed.problem.key === 'errUnknownCommand' && facts.isPersonal;
    if (!parsed.ok && !free) return reject(parsed.problem);
    const command: Command = parsed.ok ? parsed.value : { name: 'offerIdea', text, from: 'free' };
    if (command.name === 'demo' && !this.s.config.localMode)
      return reject({ key: 'errUnknownCommand', args: ['demo'] });
    // a person is the AAD object id Teams sends with every user's activity; `from.id` never stands in for it.
    const personId = facts.aadObjectId;
    if (!personId) return reject({ key: 'errNoIdentity' });
    if (
      ADMIN_COMMANDS.has(command.name) &&
      !(await this.s.isAdmin(personId)) &&
      !(COUNCIL_COMMANDS.has(command.name) && (await this.s.storage.roles.isCouncil(personId)))
    )
      return reject({ key: 'errNotAdmin' });
    const turn = this.turn(ctx, facts, personId);
    if (command.name === 'newCampaign') await this.wizard.start(ctx, turn);
    else await (COMMANDS[command.name] as CommandHandler<Command['name']>)(turn, command);
  }

  /** Action.Execute: answers with the card the person sees next; problems are shown on the card. */
  protected override async onAdaptiveCardInvoke(
    ctx: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const facts = this.facts(ctx);
    await learnChannelKind(this.s, ctx.activity);
    const respond = (card: CardAttachment): AdaptiveCardInvokeResponse => ({
      statusCode: 200,
      type: CARD_RESPONSE,
      value: card.content as unknown as Record<string, unknown>,
    });
    const verb = invokeValue?.action?.verb;
    const data = invokeValue?.action?.data;
    const hint = (data as { itemId?: unknown } | undefined)?.itemId;
    const itemIdHint = isItemId(hint) ? hint : undefined;
    const problemCard = async (problem: Problem): Promise<AdaptiveCardInvokeResponse> => {
      this.s.log.info({ verb, problem: problem.key }, 'card action refused');
      return respond(
        (await ideasCardWithProblem(this.s, facts, verb, data, problem)) ??
          (await this.problemCard(facts, problem, itemIdHint)),
      );
    };
    try {
      if (!isVerb(verb)) return await problemCard({ key: 'errUnknownAction' });
      if (typeof hint === 'string' && hint.startsWith(PREVIEW_ITEM_PREFIX))
        return respond(
          asAttachment(buildMessageCard(messages(facts.locale).appName, [messages(facts.locale).previewOnly])),
        );
      const personId = facts.aadObjectId;
      if (!personId) return await problemCard({ key: 'errNoIdentity' });
      const payload = parsePayload(verb, data);
      if (!payload.ok) return await problemCard(payload.problem);
      const answered =
        verb === VERBS.vote || verb === VERBS.submitIdea ? (payload.value as { itemId: string }).itemId : undefined;
      if (answered !== undefined && !this.throttle.tryAcquire(personId, answered))
        return await problemCard({ key: 'errSlowDown' });
      const turn = this.turn(ctx, facts, personId);
      const outcome =
        verb === VERBS.wizard
          ? await this.wizard.submit(ctx, turn, payload.value as PayloadOf[typeof VERBS.wizard])
          : await (ACTIONS[verb] as ActionHandler<Verb>)(turn, payload.value as never);
      return outcome.ok ? respond(outcome.value) : await problemCard(outcome.problem);
    } catch (err) {
      const down = isStorageUnavailable(err);
      this.s.log.error({ err, verb }, down ? 'storage unavailable' : 'card action failed');
      return respond(
        asAttachment(
          buildMessageCard(messages(facts.locale).appName, [
            describeProblem(facts.locale, { key: down ? 'errStorageDown' : 'errUnexpected' }),
          ]),
        ),
      );
    }
  }

  /** the turn of a dialog invoke (message extension, task module), or undefined without a person. */
  private dialogTurn(ctx: TurnContext, facts: TurnFacts) {
    return () => (facts.aadObjectId ? this.turn(ctx, facts, facts.aadObjectId) : undefined);
  }

  protected override async handleTeamsMessagingExtensionFetchTask(
    ctx: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    const facts = this.facts(ctx);
    return this.compose.extensionFetch(facts, this.dialogTurn(ctx, facts), action);
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(
    ctx: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    const facts = this.facts(ctx);
    return this.compose.extensionSubmit(facts, this.dialogTurn(ctx, facts), action);
  }

  protected override async handleTeamsTaskModuleFetch(
    ctx: TurnContext,
    request: TaskModuleRequest,
  ): Promise<TaskModuleResponse> {
    const facts = this.facts(ctx);
    return this.compose.taskFetch(facts, this.dialogTurn(ctx, facts), request);
  }

  protected override async handleTeamsTaskModuleSubmit(
    ctx: TurnContext,
    request: TaskModuleRequest,
  ): Promise<TaskModuleResponse> {
    const facts = this.facts(ctx);
    return this.compose.taskSubmit(facts, this.dialogTurn(ctx, facts), request);
  }

  /** the item card with the problem on top when the item can be shown to the person (teamAccess), else a small message card. */
  private async problemCard(facts: TurnFacts, problem: Problem, itemId: string | undefined): Promise<CardAttachment> {
    const text = describeProblem(facts.locale, problem);
    const personId = facts.aadObjectId;
    const item = itemId && personId ? await this.s.storage.items.get(itemId).catch(() => undefined) : undefined;
    const shown =
      item && personId ? await teamAccess(this.s, facts, item, personId, 'item').catch(() => undefined) : undefined;
    if (item && shown?.ok) {
      return renderItemCard(this.s.storage, item, {
        locale: facts.locale,
        minGroupSize: this.s.config.minGroupSize,
        timeZone: this.s.config.timeZone,
        notice: { kind: 'attention', text },
      });
    }
    return asAttachment(buildMessageCard(messages(facts.locale).appName, [text]));
  }

  /** runs a handler; a failure gets a clear message to the person (when replying makes sense) and a log line. */
  private async guard(ctx: TurnContext, work: () => Promise<unknown>, reply = true): Promise<void> {
    try {
      await work();
    } catch (err) {
      const down = isStorageUnavailable(err);
      this.s.log.error({ err, type: ctx.activity.type }, down ? 'storage unavailable' : 'turn failed');
      if (reply) {
        const locale = this.facts(ctx).locale;
        await ctx
          .sendActivity(describeProblem(locale, { key: down ? 'errStorageDown' : 'errUnexpected' }))
          .catch(() => undefined);
      }
    }
  }
}
