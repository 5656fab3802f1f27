import { z } from 'zod';
import { itemDraftSchema } from './commands';
import { LIMITS, type ItemDraft } from './items';
import { fail, ok, type Outcome, type ProblemKey } from './problems';

/** the verbs of every Action.Execute button; card builders and handlers import these same constants. */
export const VERBS = {
  vote: 'mitwirken.vote',
  submitIdea: 'mitwirken.idea',
  postTo: 'mitwirken.postTo',
  refresh: 'mitwirken.refresh',
  campaignStatus: 'mitwirken.campaignStatus',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];

const ITEM_ID = /^[a-z0-9-]{1,64}$/;
const itemId = z.string().regex(ITEM_ID, { message: 'errInvalidPayload' });

/** whether a value has the shape of an item id (so it may be looked up). */
export function isItemId(value: unknown): value is string {
  return typeof value === 'string' && ITEM_ID.test(value);
}
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
  [VERBS.submitIdea]: z.object({
    itemId,
    ideaText: z
      .string({ message: 'errIdeaEmpty' })
      .trim()
      .min(1, { message: 'errIdeaEmpty' })
      .max(LIMITS.ideaMax, { message: 'errIdeaTooLong' }),
  }),
  [VERBS.postTo]: z.object({
    draft: itemDraftSchema,
    target: z.string().regex(/^[^|]{1,200}\|[^|]{1,200}$/, { message: 'errUnknownTarget' }),
  }),
  [VERBS.refresh]: z.object({ itemId }),
  [VERBS.campaignStatus]: z.object({
    campaignId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'errInvalidPayload' }),
    status: z.enum(['paused', 'scheduled', 'ended'], { message: 'errInvalidPayload' }),
  }),
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

/** the typed payload of each verb. */
export interface PayloadOf {
  [VERBS.vote]: VotePayload;
  [VERBS.submitIdea]: IdeaPayload;
  [VERBS.postTo]: PostToPayload;
  [VERBS.refresh]: RefreshPayload;
  [VERBS.campaignStatus]: CampaignStatusPayload;
}

/** whether a string is one of our verbs. */
export function isVerb(verb: unknown): verb is Verb {
  return typeof verb === 'string' && Object.values(VERBS).includes(verb as Verb);
}

const LIMIT_ARGS: Partial<Record<ProblemKey, number>> = { errIdeaTooLong: LIMITS.ideaMax };

/** parses a card payload for a verb; unknown or malformed data becomes a specific problem, never an exception. */
export function parsePayload<V extends Verb>(verb: V, data: unknown): Outcome<PayloadOf[V]> {
  const parsed = schemas[verb].safeParse(data ?? {});
  if (parsed.success) return ok(parsed.data as PayloadOf[V]);
  const message = parsed.error.issues.find((i) => i.message.startsWith('err'))?.message;
  const key = (message ?? 'errInvalidPayload') as ProblemKey;
  const limit = LIMIT_ARGS[key];
  return limit === undefined ? fail(key) : fail(key, limit);
}
