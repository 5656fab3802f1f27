import { z } from 'zod';
import { itemDraftSchema } from './commands';
import type { ExportCampaignPayload } from './ideas/idea-actions';
import { IDEA_VERBS, parseIdeaPayload, type IdeaPayloadOf } from './ideas/idea-actions';
import { ITEM_ID, LIMITS, isItemId, type ItemDraft } from './items';
import { followUpTeamSchema, type FollowUpTeamPayload } from './ideas/follow-up-team';
import { exportRangeSchema, type ExportRangePayload } from './export/export-range';
import { leaderPickSchema, type LeaderPickPayload } from './leader-pick';
import { MEASURE_ID } from './measures/measure';
import { MEASURE_VERBS, parseMeasurePayload, type MeasurePayloadOf } from './measures/measure-actions';
import { fail, ok, type Outcome, type ProblemKey } from './problems';
import { approvalSchema, type ApprovalPayload } from './approvals/approval-payload';

/** the verbs of every Action.Execute button; card builders and handlers import these same constants. */
export const VERBS = {
  vote: 'mitwirken.vote',
  submitIdea: 'mitwirken.idea',
  postTo: 'mitwirken.postTo',
  refresh: 'mitwirken.refresh',
  campaignStatus: 'mitwirken.campaignStatus',
  campaignCopy: 'mitwirken.campaignCopy',
  campaignDelete: 'mitwirken.campaignDelete',
  wizard: 'mitwirken.wizard',
  exportCampaign: 'mitwirken.exportCampaign',
  leaderPick: 'mitwirken.leaderPick',
  ideaSupport: IDEA_VERBS.ideaSupport,
  ideaVolunteer: IDEA_VERBS.ideaVolunteer,
  ideaStatus: IDEA_VERBS.ideaStatus,
  followUpPoll: IDEA_VERBS.followUpPoll,
  /** an idea typed in the personal chat, for the team the person picked on the team choice card. */
  ideaForTeam: 'mitwirken.ideaForTeam',
  /** a team's top ideas for the person asking (team choice card; personal view of an ideas card in a channel). */
  ideasOfTeam: 'mitwirken.ideas',
  /** the buttons of the "meine daten" card: export, ask to erase, confirm, cancel. */
  myData: 'mitwirken.myData',
  /** a leader or admin posts the results card of a closed item, a finished campaign or a done measure. */
  postResults: 'mitwirken.postResults',
  /** measures: the form, creating, status, notes, details and the filtered board (core/measures/measure-actions.ts). */
  ...MEASURE_VERBS,
  /** a poll over ideas a leader picked from one team (several prompts, `idee` ideas), from the digest or ideas card. */
  followUpPollTeam: 'mitwirken.followUpPollTeam',
  /** the `export` card's date range: ad-hoc polls, prompts, `idee` ideas and measures of that range as CSV. */
  exportRange: 'mitwirken.exportRange',
  /** the `ergebnisse` picker: a campaign (`c:<id>`) or a closed item (`i:<id>`) whose results to show. */
  resultsView: 'mitwirken.resultsView',
  /** the campaign list's "Plan": links to the readable plan (HTML) and the campaign file (YAML). */
  campaignPlan: 'mitwirken.campaignPlan',
  /** the staff council's approval card: approve a version of a campaign or held item, or request changes. */
  approval: 'mitwirken.approval',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];

/** the buttons of the "meine daten" card: export, erase (asks first), confirm erasure, cancel. */
export const MY_DATA_STEPS = ['export', 'eraseAsk', 'eraseConfirm', 'cancel'] as const;
export type MyDataStep = (typeof MY_DATA_STEPS)[number];

/** the steps of the campaign wizard and what a button on its card asks for. */
export const WIZARD_STEPS = ['basics', 'items', 'schedule', 'targets', 'preview'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
export const WIZARD_MOVES = ['next', 'add', 'removeLast', 'back', 'cancel', 'confirm', 'draft'] as const;
export type WizardMove = (typeof WIZARD_MOVES)[number];

const campaignId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'errInvalidPayload' });

const itemId = z.string().regex(ITEM_ID, { message: 'errInvalidPayload' });

/** a Teams team id from a card (a choice value or button data): untrusted, looked up among installed teams by the handler. */
const teamId = z.string({ message: 'errUnknownTarget' }).regex(/^[^\p{Cc}|]{1,200}$/u, { message: 'errUnknownTarget' });

const ideaText = z
  .string({ message: 'errIdeaEmpty' })
  .trim()
  .min(1, { message: 'errIdeaEmpty' })
  .max(LIMITS.ideaMax, { message: 'errIdeaTooLong' });

export { isItemId };
/**
 * an option index as a number, or as the digit string a choice list sends. An empty selection is no
 * choice (never option 0); the range is checked against the poll by the handler.
 */
const optionIndex = z.union([z.number(), z.string()], { message: 'errInvalidPayload' }).transform((v, ctx) => {
  const text = typeof v === 'number' ? String(v) : v.trim();
  if (text === '') ctx.addIssue({ code: 'custom', message: 'errNoChoice' });
  else if (!/^-?\d{1,3}$/.test(text)) ctx.addIssue({ code: 'custom', message: 'errInvalidPayload' });
  else return Number(text);
  return z.NEVER;
});

/** a "post results" button: the id's shape follows its kind; a measure needs its team; `itemId` repeats an item's id. */
const postResultsSchema = z
  .object({
    kind: z.enum(['item', 'campaign', 'measure'], { message: 'errInvalidPayload' }),
    id: z.string({ message: 'errInvalidPayload' }),
    teamId: teamId.optional(),
    itemId: itemId.optional(),
  })
  .superRefine((v, ctx) => {
    const shape = v.kind === 'item' ? ITEM_ID : v.kind === 'measure' ? MEASURE_ID : /^[a-z0-9][a-z0-9-]{0,62}$/;
    if (!shape.test(v.id) || (v.kind === 'measure' && v.teamId === undefined))
      ctx.addIssue({ code: 'custom', message: 'errInvalidPayload' });
  })
  .transform((v): PostResultsPayload => ({
    kind: v.kind,
    id: v.id,
    ...(v.teamId !== undefined && { teamId: v.teamId }),
  }));

/** card payloads per verb. Everything here comes from a client and is untrusted. */
const schemas = {
  [VERBS.vote]: z
    .object({
      itemId,
      /** the clicked option of a single-choice or rating poll. */
      choice: optionIndex.optional(),
      /** the comma-separated selection of a multi-choice poll (Input.ChoiceSet with isMultiSelect). */
      choices: z.string().max(200, { message: 'errInvalidPayload' }).optional(),
    })
    .transform((v, ctx) => {
      if (v.choice !== undefined) return { itemId: v.itemId, choices: [v.choice] };
      if (v.choices === undefined || v.choices.trim() === '') {
        ctx.addIssue({ code: 'custom', message: 'errNoChoice' });
        return z.NEVER;
      }
      const parts = v.choices.split(',').map((s) => s.trim());
      if (!parts.every((s) => /^\d{1,2}$/.test(s))) {
        ctx.addIssue({ code: 'custom', message: 'errInvalidPayload' });
        return z.NEVER;
      }
      return { itemId: v.itemId, choices: [...new Set(parts.map(Number))] };
    }),
  [VERBS.submitIdea]: z.object({ itemId, ideaText }),
  [VERBS.ideaForTeam]: z.object({
    teamId,
    ideaText,
    /** the chat message the idea came from, so a second click stores it once (the handler scopes it to the person). */
    key: z.string({ message: 'errInvalidPayload' }).regex(/^\P{Cc}{1,200}$/u, { message: 'errInvalidPayload' }),
    /** an offer in a channel names its writer: only they may submit it (checked against the activity's person). */
    author: z
      .string({ message: 'errInvalidPayload' })
      .regex(/^\P{Cc}{1,200}$/u, { message: 'errInvalidPayload' })
      .optional(),
  }),
  [VERBS.ideasOfTeam]: z.object({ teamId, itemId: itemId.optional() }),
  [VERBS.postTo]: z.object({
    draft: itemDraftSchema,
    target: z.string().regex(/^[^|]{1,200}\|[^|]{1,200}$/, { message: 'errUnknownTarget' }),
  }),
  [VERBS.refresh]: z.object({ itemId }),
  [VERBS.campaignStatus]: z.object({
    campaignId,
    status: z.enum(['paused', 'scheduled', 'ended'], { message: 'errInvalidPayload' }),
  }),
  [VERBS.campaignCopy]: z.object({ campaignId }),
  [VERBS.campaignDelete]: z.object({ campaignId }),
  [VERBS.wizard]: z
    .object({
      wizardId: z.string().regex(/^[a-z0-9]{6,40}$/, { message: 'errInvalidPayload' }),
      step: z.enum(WIZARD_STEPS, { message: 'errInvalidPayload' }),
      action: z.enum(WIZARD_MOVES, { message: 'errInvalidPayload' }),
    })
    // the form's inputs arrive as further fields; values are strings (toggles 'true'/'false', lists comma-separated).
    .catchall(
      z
        .union([z.string().max(5000, { message: 'errInvalidPayload' }), z.number(), z.boolean()], {
          message: 'errInvalidPayload',
        })
        .transform(String),
    )
    .refine((v) => Object.keys(v).length <= 200, { message: 'errInvalidPayload' })
    .transform(({ wizardId, step, action, ...values }) => ({
      wizardId,
      step,
      action,
      values: values as Record<string, string>,
    })),
  // the same rule as IDEA_VERBS.exportCampaign in core/ideas/idea-actions.ts: a campaign id.
  [VERBS.exportCampaign]: z.object({ campaignId }),
  [VERBS.leaderPick]: leaderPickSchema,
  [VERBS.myData]: z
    .object({
      step: z.enum(MY_DATA_STEPS, { message: 'errInvalidPayload' }),
      /** when the confirmation card was shown (ISO time); a confirmation is accepted only shortly after. */
      issuedAt: z
        .string()
        .max(40)
        .refine((v) => !Number.isNaN(Date.parse(v)), { message: 'errInvalidPayload' })
        .optional(),
    })
    .refine((v) => v.step !== 'eraseConfirm' || v.issuedAt !== undefined, { message: 'errInvalidPayload' }),
  [VERBS.postResults]: postResultsSchema,
  [VERBS.followUpPollTeam]: followUpTeamSchema(teamId),
  [VERBS.exportRange]: exportRangeSchema,
  [VERBS.resultsView]: z.object({
    target: z.string({ message: 'errInvalidPayload' }).regex(/^(c:[a-z0-9][a-z0-9-]{0,62}|i:[a-z0-9-]{1,64})$/, {
      message: 'errInvalidPayload',
    }),
  }),
  [VERBS.campaignPlan]: z.object({ campaignId }),
  [VERBS.approval]: approvalSchema,
};

export interface VotePayload {
  itemId: string;
  /** chosen option indexes, without duplicates. */
  choices: number[];
}
export interface IdeaPayload {
  itemId: string;
  ideaText: string;
}
export interface PostToPayload {
  draft: ItemDraft;
  target: string;
}
export interface RefreshPayload {
  itemId: string;
}
/** an admin pauses, resumes (back to scheduled) or ends a campaign. */
export interface CampaignStatusPayload {
  campaignId: string;
  status: 'paused' | 'scheduled' | 'ended';
}

/** a campaign named by a button of the campaign list. */
export interface CampaignRefPayload {
  campaignId: string;
}
/** a button of the campaign wizard's card, with the form's input values. */
export interface WizardPayload {
  wizardId: string;
  step: WizardStep;
  action: WizardMove;
  values: Record<string, string>;
}

/** an idea for a team picked on the team choice card (personal chat). */
export interface IdeaForTeamPayload {
  teamId: string;
  ideaText: string;
  key: string;
  /** the Entra id of the only person who may submit it (an offer in a channel). */
  author?: string;
}
/** a team whose top ideas a person wants to see; with an idea prompt of that team, only that prompt's ideas. */
export interface IdeasOfTeamPayload {
  teamId: string;
  itemId?: string;
}
/** a button of the "meine daten" card; the person always comes from the activity, never from here. */
export interface MyDataPayload {
  step: MyDataStep;
  issuedAt?: string;
}

/** what a "post results" button names: a closed item, a campaign or a measure (with its team). */
export interface PostResultsPayload {
  kind: 'item' | 'campaign' | 'measure';
  id: string;
  /** the measure's team (measures only). */
  teamId?: string;
}

/** the typed payload of each verb. */
export interface PayloadOf {
  [VERBS.vote]: VotePayload;
  [VERBS.submitIdea]: IdeaPayload;
  [VERBS.postTo]: PostToPayload;
  [VERBS.refresh]: RefreshPayload;
  [VERBS.campaignStatus]: CampaignStatusPayload;
  [VERBS.campaignCopy]: CampaignRefPayload;
  [VERBS.campaignDelete]: CampaignRefPayload;
  [VERBS.wizard]: WizardPayload;
  [VERBS.exportCampaign]: ExportCampaignPayload;
  [VERBS.leaderPick]: LeaderPickPayload;
  [VERBS.ideaSupport]: IdeaPayloadOf[typeof IDEA_VERBS.ideaSupport];
  [VERBS.ideaVolunteer]: IdeaPayloadOf[typeof IDEA_VERBS.ideaVolunteer];
  [VERBS.ideaStatus]: IdeaPayloadOf[typeof IDEA_VERBS.ideaStatus];
  [VERBS.followUpPoll]: IdeaPayloadOf[typeof IDEA_VERBS.followUpPoll];
  [VERBS.ideaForTeam]: IdeaForTeamPayload;
  [VERBS.ideasOfTeam]: IdeasOfTeamPayload;
  [VERBS.myData]: MyDataPayload;
  [VERBS.postResults]: PostResultsPayload;
  [VERBS.measureForm]: MeasurePayloadOf[typeof MEASURE_VERBS.measureForm];
  [VERBS.measureCreate]: MeasurePayloadOf[typeof MEASURE_VERBS.measureCreate];
  [VERBS.measureStatus]: MeasurePayloadOf[typeof MEASURE_VERBS.measureStatus];
  [VERBS.measureNote]: MeasurePayloadOf[typeof MEASURE_VERBS.measureNote];
  [VERBS.measureDetails]: MeasurePayloadOf[typeof MEASURE_VERBS.measureDetails];
  [VERBS.measureBoard]: MeasurePayloadOf[typeof MEASURE_VERBS.measureBoard];
  [VERBS.followUpPollTeam]: FollowUpTeamPayload;
  [VERBS.exportRange]: ExportRangePayload;
  [VERBS.resultsView]: ResultsViewPayload;
  [VERBS.campaignPlan]: CampaignRefPayload;
  [VERBS.approval]: ApprovalPayload;
}

/** what the `ergebnisse` picker sends: `c:<campaign id>` or `i:<item id>`. */
export interface ResultsViewPayload {
  target: string;
}

/** the idea verbs whose schemas and problem arguments live in core/ideas/idea-actions.ts. */
type IdeaCardVerb =
  typeof VERBS.ideaSupport | typeof VERBS.ideaVolunteer | typeof VERBS.ideaStatus | typeof VERBS.followUpPoll;
const IDEA_CARD_VERBS: ReadonlySet<string> = new Set<IdeaCardVerb>([
  VERBS.ideaSupport,
  VERBS.ideaVolunteer,
  VERBS.ideaStatus,
  VERBS.followUpPoll,
]);

/** the measure verbs, whose schemas live in core/measures/measure-actions.ts. */
type MeasureCardVerb = (typeof MEASURE_VERBS)[keyof typeof MEASURE_VERBS];
const MEASURE_CARD_VERBS: ReadonlySet<string> = new Set<string>(Object.values(MEASURE_VERBS));

/** whether a string is one of our verbs. */
export function isVerb(verb: unknown): verb is Verb {
  return typeof verb === 'string' && Object.values(VERBS).includes(verb as Verb);
}

const LIMIT_ARGS: Partial<Record<ProblemKey, number>> = { errIdeaTooLong: LIMITS.ideaMax };

/** parses a card payload for a verb; unknown or malformed data becomes a specific problem, never an exception. */
export function parsePayload<V extends Verb>(verb: V, data: unknown): Outcome<PayloadOf[V]> {
  if (IDEA_CARD_VERBS.has(verb)) return parseIdeaPayload(verb as IdeaCardVerb, data) as Outcome<PayloadOf[V]>;
  if (MEASURE_CARD_VERBS.has(verb)) return parseMeasurePayload(verb as MeasureCardVerb, data) as Outcome<PayloadOf[V]>;
  const parsed = schemas[verb as Exclude<Verb, IdeaCardVerb | MeasureCardVerb>].safeParse(data ?? {});
  if (parsed.success) return ok(parsed.data as PayloadOf[V]);
  const message = parsed.error.issues.find((i) => i.message.startsWith('err'))?.message;
  const key = (message ?? 'errInvalidPayload') as ProblemKey;
  const limit = LIMIT_ARGS[key];
  return limit === undefined ? fail(key) : fail(key, limit);
}
