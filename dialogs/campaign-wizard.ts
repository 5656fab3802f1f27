import { randomBytes } from 'node:crypto';
import { ConversationState, type Storage as BotStorage, type TurnContext } from 'botbuilder';
import { Dialog, DialogSet, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import { buildWizardCard, type WizardTeam, type WizardUnit } from '../cards/campaign-wizard-card';
import { buildItemCard } from '../cards/item-card';
import { buildMessageCard } from '../cards/message-card';
import { asAttachment, type CardAttachment } from '../cards/render';
import type { WizardPayload, WizardStep } from '../core/card-actions';
import {
  campaignSlug,
  defaultSchedule,
  isBlankItem,
  readBasics,
  readItem,
  readSchedules,
  readTargets,
  upcomingPosts,
  wizardCampaign,
  type FieldErrors,
  type FormValues,
  type WizardDraft,
} from '../core/campaigns/campaign-form';
import { draftOf, postTimes } from '../core/campaigns/campaign-posts';
import type { Campaign } from '../core/campaigns/campaign';
import { formatDateTime, type Locale } from '../core/locale';
import { messages } from '../core/messages';
import { CampaignStoreError, type CampaignRepository } from '../storage/campaign-repository';

/** the id prefix of preview items; their buttons answer "this is a preview". */
export const PREVIEW_ITEM_PREFIX = 'vorschau-';

/** what the wizard needs from the bot. */
export interface CampaignWizardDeps {
  /** conversation state storage (Azure Tables), in botbuilder's Storage shape. */
  state: BotStorage;
  campaigns: CampaignRepository;
  /** the teams the bot is installed in, with channel names. */
  listTeams(): Promise<WizardTeam[]>;
  /** the units of the organisation file a campaign may target (none without units). */
  listUnits?(): Promise<WizardUnit[]>;
  /** the deployment's TIMEZONE, the default of a campaign. */
  timeZone: string;
  minGroupSize: number;
  now(): Date;
  log: Logger;
  /** called after a campaign was saved (audit log). */
  onSaved?(campaign: Campaign, by: string): Promise<void>;
}

/** what a wizard turn shows: the card replacing the one clicked, and further cards (the preview's item cards). */
export interface WizardView {
  card: CardAttachment;
  extra: CardAttachment[];
}

interface WizardState {
  wizardId: string;
  ownerId: string;
  step: WizardStep;
  draft: WizardDraft;
}

interface Shown {
  values?: FormValues;
  errors?: FieldErrors;
  notice?: { kind: 'good' | 'attention'; text: string };
}

const DIALOG_ID = 'campaignWizard';
const ORDER: readonly WizardStep[] = ['basics', 'items', 'schedule', 'targets', 'preview'];
const VIEW = Symbol('wizardView');
const SUBMISSION = Symbol('wizardSubmission');
const LOCALE = Symbol('wizardLocale');

/**
 * `kampagne neu` as a botbuilder dialog: basics → questions (several) → schedule → teams and channel → preview
 * (the exact cards and the next five post times) → schedule or save as draft. Each step is one form card that the
 * next click replaces (Action.Execute); errors come back on the form, field by field. State lives in Azure Tables.
 */
class CampaignWizardDialog extends Dialog<{ ownerId: string }> {
  constructor(private readonly deps: CampaignWizardDeps) {
    super(DIALOG_ID);
  }

  override async beginDialog(dc: DialogContext, options?: { ownerId: string }): Promise<DialogTurnResult> {
    const state: WizardState = {
      wizardId: randomBytes(6).toString('hex'),
      ownerId: options?.ownerId ?? '',
      step: 'basics',
      draft: { items: [], schedules: [] },
    };
    dc.activeDialog!.state = state;
    await this.show(dc, state);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as WizardState;
    const submission = dc.context.turnState.get(SUBMISSION) as WizardPayload | undefined;
    const m = messages(localeOf(dc));
    if (!submission) return Dialog.EndOfTurn;
    if (submission.wizardId !== state.wizardId || submission.step !== state.step) {
      await this.show(dc, state, { notice: { kind: 'attention', text: m.wizardStale } });
      return Dialog.EndOfTurn;
    }
    if (submission.action === 'cancel') {
      setView(dc, buildMessageCard(m.wizardTitle, [m.wizardCancelled]));
      return dc.endDialog();
    }
    if (submission.action === 'back') {
      state.step = ORDER[Math.max(0, ORDER.indexOf(state.step) - 1)] ?? 'basics';
      await this.show(dc, state);
      return Dialog.EndOfTurn;
    }
    const values = submission.values;
    const fail = async (errors: FieldErrors) => {
      await this.show(dc, state, { values, errors });
      return Dialog.EndOfTurn;
    };
    const advance = async (shown: Shown = {}) => {
      await this.show(dc, state, shown);
      return Dialog.EndOfTurn;
    };
    const { draft } = state;
    switch (state.step) {
      case 'basics': {
        const basics = readBasics(values);
        if (!basics.ok) return fail(basics.errors);
        draft.basics = basics.value;
        state.step = 'items';
        return advance();
      }
      case 'items': {
        if (submission.action === 'removeLast') {
          draft.items.pop();
          draft.schedules = draft.schedules.slice(0, draft.items.length);
          return advance();
        }
        if (submission.action === 'next' && isBlankItem(values)) {
          if (draft.items.length === 0) return fail({ question: { key: 'errNoItems' } });
          state.step = 'schedule';
          return advance();
        }
        const item = readItem(values);
        if (!item.ok) return fail(item.errors);
        draft.items.push(item.value);
        if (submission.action === 'next') state.step = 'schedule';
        return advance();
      }
      case 'schedule': {
        const schedules = readSchedules(
          values,
          draft.items.length,
          draft.basics?.timeZone ?? this.deps.timeZone,
          this.deps.now(),
        );
        if (!schedules.ok) return fail(schedules.errors);
        draft.schedules = schedules.value;
        state.step = 'targets';
        return advance();
      }
      case 'targets': {
        const teams = await this.deps.listTeams();
        const units = (await this.deps.listUnits?.()) ?? [];
        const targets = readTargets(
          values,
          teams.map((t) => t.teamId),
          units.map((u) => u.unitId),
        );
        if (!targets.ok) return fail(targets.errors);
        draft.targets = targets.value;
        state.step = 'preview';
        return advance();
      }
      case 'preview': {
        if (submission.action !== 'confirm' && submission.action !== 'draft') return advance();
        return this.save(dc, state, submission.action === 'confirm' ? 'scheduled' : 'draft');
      }
    }
  }

  /** stores the campaign (scheduled or draft) and ends the wizard with a confirmation. */
  private async save(dc: DialogContext, state: WizardState, status: 'scheduled' | 'draft'): Promise<DialogTurnResult> {
    const m = messages(localeOf(dc));
    const title = state.draft.basics?.title ?? '';
    const built = wizardCampaign(state.draft, campaignSlug(title, state.wizardId), status);
    if (!built.ok) {
      this.deps.log.warn({ problems: built.errors }, 'wizard campaign incomplete');
      state.step = 'schedule';
      await this.show(dc, state, { notice: { kind: 'attention', text: m.wizardFixErrors } });
      return Dialog.EndOfTurn;
    }
    try {
      await this.deps.campaigns.saveFromChat(built.campaign, state.ownerId);
    } catch (err) {
      if (!(err instanceof CampaignStoreError)) throw err;
      this.deps.log.warn({ err }, 'wizard campaign not stored');
      await this.show(dc, state, { notice: { kind: 'attention', text: err.message } });
      return Dialog.EndOfTurn;
    }
    await this.deps.onSaved?.(built.campaign, state.ownerId);
    this.deps.log.info(
      { campaignId: built.campaign.id, status, items: built.campaign.items.length, by: state.ownerId },
      'campaign created in chat',
    );
    const next = status === 'scheduled' ? upcomingPosts(built.campaign, this.deps.now()) : [];
    const locale = localeOf(dc);
    const lines = [
      status === 'scheduled' ? m.campaignCreated(title) : m.campaignDraftSaved(title),
      ...(next.length
        ? [
            m.previewNextPosts + ':',
            ...next.map(
              (p) =>
                `• ${formatDateTime(locale, p.at, built.campaign.timeZone)} – ${built.campaign.items[p.itemIndex]?.question ?? ''}`,
            ),
          ]
        : []),
    ];
    setView(dc, buildMessageCard(m.wizardTitle, lines));
    return dc.endDialog(built.campaign.id);
  }

  /** renders the current step; entering the preview also renders the item cards exactly as they will be posted. */
  private async show(dc: DialogContext, state: WizardState, shown: Shown = {}): Promise<void> {
    const locale = localeOf(dc);
    const now = this.deps.now();
    const timeZone = state.draft.basics?.timeZone ?? this.deps.timeZone;
    const teams = state.step === 'targets' || state.step === 'preview' ? await this.deps.listTeams() : [];
    const units = state.step === 'targets' || state.step === 'preview' ? ((await this.deps.listUnits?.()) ?? []) : [];
    let extra: CardAttachment[] = [];
    let upcoming: { itemIndex: number; at: Date }[] | undefined;
    if (state.step === 'preview') {
      const built = wizardCampaign(
        state.draft,
        campaignSlug(state.draft.basics?.title ?? '', state.wizardId),
        'scheduled',
      );
      if (built.ok) {
        upcoming = upcomingPosts(built.campaign, now);
        extra = previewCards(built.campaign, now, locale, this.deps.minGroupSize);
      }
    }
    const card = buildWizardCard({
      locale,
      wizardId: state.wizardId,
      step: state.step,
      draft: state.draft,
      timeZone,
      defaultSchedule: defaultSchedule(now, timeZone),
      teams,
      units,
      upcoming,
      ...shown,
    });
    dc.context.turnState.set(VIEW, { card: asAttachment(card), extra } satisfies WizardView);
  }
}

/** the item cards of a campaign as they will look when posted (ids marked as previews). */
function previewCards(campaign: Campaign, now: Date, locale: Locale, minGroupSize: number): CardAttachment[] {
  return campaign.items.map((item, i) => {
    const first = upcomingPosts({ items: [item], timeZone: campaign.timeZone }, now, 1)[0]?.at ?? now;
    const card = buildItemCard({
      item: {
        ...draftOf(item),
        id: `${PREVIEW_ITEM_PREFIX}${i + 1}`,
        teamId: '',
        channelId: '',
        status: 'open',
        createdBy: '',
        createdAt: now,
        closesAt: postTimes(item, first, campaign.timeZone).closesAt,
        locale,
      },
      locale,
      participants: 0,
      minGroupSize,
      timeZone: campaign.timeZone,
    });
    return asAttachment(card);
  });
}

function localeOf(dc: DialogContext): Locale {
  return (dc.context.turnState.get(LOCALE) as Locale | undefined) ?? 'de';
}

function setView(dc: DialogContext, card: ReturnType<typeof buildMessageCard>): void {
  dc.context.turnState.set(VIEW, { card: asAttachment(card), extra: [] } satisfies WizardView);
}

/** runs the campaign wizard dialog over conversation state kept in Azure Tables. */
export class CampaignWizard {
  private readonly conversationState: ConversationState;
  private readonly dialogs: DialogSet;

  constructor(deps: CampaignWizardDeps) {
    this.conversationState = new ConversationState(deps.state);
    this.dialogs = new DialogSet(this.conversationState.createProperty('dialogState'));
    this.dialogs.add(new CampaignWizardDialog(deps));
  }

  /** starts a new wizard in this (personal) conversation, replacing one that was running. */
  async start(ctx: TurnContext, locale: Locale, ownerId: string): Promise<WizardView> {
    return this.turn(ctx, locale, async (dc) => {
      await dc.cancelAllDialogs();
      await dc.beginDialog(DIALOG_ID, { ownerId });
    });
  }

  /** handles a click on a wizard card; without a running wizard, says so. */
  async submit(ctx: TurnContext, locale: Locale, payload: WizardPayload): Promise<WizardView> {
    return this.turn(ctx, locale, async (dc) => {
      ctx.turnState.set(SUBMISSION, payload);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) {
        const m = messages(locale);
        ctx.turnState.set(VIEW, {
          card: asAttachment(buildMessageCard(m.wizardTitle, [m.wizardNotRunning])),
          extra: [],
        } satisfies WizardView);
      }
    });
  }

  private async turn(
    ctx: TurnContext,
    locale: Locale,
    work: (dc: DialogContext) => Promise<void>,
  ): Promise<WizardView> {
    ctx.turnState.set(LOCALE, locale);
    const dc = await this.dialogs.createContext(ctx);
    await work(dc);
    await this.conversationState.saveChanges(ctx);
    const view = ctx.turnState.get(VIEW) as WizardView | undefined;
    if (!view) throw new Error('the campaign wizard produced no card');
    return view;
  }
}
