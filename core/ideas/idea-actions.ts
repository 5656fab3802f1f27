import { z } from 'zod';
import { isItemId } from '../items';
import { fail, ok, type Outcome, type ProblemKey } from '../problems';
import { ideaIdSchema, NOTE_MAX, statusChangeSchema, type StatusChange } from './idea-status';

/** the verbs of the idea, digest and export buttons; merge into VERBS in core/card-actions.ts. */
export const IDEA_VERBS = {
  ideaSupport: 'mitwirken.ideaSupport',
  ideaVolunteer: 'mitwirken.ideaVolunteer',
  ideaStatus: 'mitwirken.ideaStatus',
  followUpPoll: 'mitwirken.followUpPoll',
  exportCampaign: 'mitwirken.exportCampaign',
} as const;

export type IdeaVerb = (typeof IDEA_VERBS)[keyof typeof IDEA_VERBS];

/** bounds of a follow-up poll: how many ideas are offered, and how many each person may pick. */
export const FOLLOW_UP_LIMITS = { topNMin: 2, topNMax: 10, maxPicksMin: 1 } as const;

const itemId = z.string({ message: 'errInvalidPayload' }).refine(isItemId, { message: 'errInvalidPayload' });

/** a switch from a button's data (true/false), tolerating the strings an Input.Toggle sends. */
const onOff = z
  .union([z.boolean(), z.enum(['true', 'false'])], { message: 'errInvalidPayload' })
  .transform((v) => v === true || v === 'true');

/** a whole number from button data or from an Input.Number (which sends a string). */
const wholeNumber = (problem: ProblemKey) =>
  z.union([z.number(), z.string()], { message: problem }).transform((v, ctx) => {
    const text = typeof v === 'number' ? String(v) : v.trim();
    if (!/^\d{1,3}$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return Number(text);
  });

/**
 * Cards with several ideas need unique input ids, so each idea's inputs are named `<input>s` (status)
 * and `<input>n` (note) and the button's data carries `input`. A payload with plain `status`/`note`
 * is read as is.
 */
export const INPUT_KEY = /^i\d{1,3}$/;

/** the ids of the status and note inputs for the idea at a position of a card. */
export function statusInputIds(position: number): { input: string; status: string; note: string } {
  const input = `i${position}`;
  return { input, status: `${input}s`, note: `${input}n` };
}

const ideaStatusPayload = z.preprocess((raw) => {
  if (!raw || typeof raw !== 'object') return raw;
  const data = raw as Record<string, unknown>;
  const key = data.input;
  if (typeof key !== 'string' || !INPUT_KEY.test(key)) return data;
  return { ideaId: data.ideaId, status: data[`${key}s`], note: data[`${key}n`] };
}, statusChangeSchema);

const schemas = {
  [IDEA_VERBS.ideaSupport]: z.object({ ideaId: ideaIdSchema, on: onOff }),
  [IDEA_VERBS.ideaVolunteer]: z.object({ ideaId: ideaIdSchema, on: onOff }),
  [IDEA_VERBS.ideaStatus]: ideaStatusPayload,
  [IDEA_VERBS.followUpPoll]: z
    .object({ itemId, topN: wholeNumber('errFollowUpTopN'), maxPicks: wholeNumber('errFollowUpMaxPicks') })
    .superRefine((v, ctx) => {
      if (v.topN < FOLLOW_UP_LIMITS.topNMin || v.topN > FOLLOW_UP_LIMITS.topNMax)
        ctx.addIssue({ code: 'custom', message: 'errFollowUpTopN' });
      else if (v.maxPicks < FOLLOW_UP_LIMITS.maxPicksMin || v.maxPicks > v.topN)
        ctx.addIssue({ code: 'custom', message: 'errFollowUpMaxPicks' });
    }),
  [IDEA_VERBS.exportCampaign]: z.object({
    campaignId: z
      .string({ message: 'errInvalidPayload' })
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'errInvalidPayload' }),
  }),
};

/** a person supports an idea (on) or withdraws their support (off). */
export interface IdeaSupportPayload {
  ideaId: string;
  on: boolean;
}
/** a person volunteers to help implement an idea (on) or steps back (off). */
export interface IdeaVolunteerPayload {
  ideaId: string;
  on: boolean;
}
/** a leader or admin prepares a follow-up poll over the top ideas of an idea prompt. */
export interface FollowUpPollPayload {
  itemId: string;
  /** 2–10 ideas offered. */
  topN: number;
  /** 1–topN picks per person. */
  maxPicks: number;
}
/** an admin downloads a campaign's results as CSV. */
export interface ExportCampaignPayload {
  campaignId: string;
}

/** the typed payload of each idea verb. */
export interface IdeaPayloadOf {
  [IDEA_VERBS.ideaSupport]: IdeaSupportPayload;
  [IDEA_VERBS.ideaVolunteer]: IdeaVolunteerPayload;
  [IDEA_VERBS.ideaStatus]: StatusChange;
  [IDEA_VERBS.followUpPoll]: FollowUpPollPayload;
  [IDEA_VERBS.exportCampaign]: ExportCampaignPayload;
}

/** whether a string is one of the idea verbs. */
export function isIdeaVerb(verb: unknown): verb is IdeaVerb {
  return typeof verb === 'string' && (Object.values(IDEA_VERBS) as string[]).includes(verb);
}

/** the values each problem's message needs. */
const PROBLEM_ARGS: Partial<Record<ProblemKey, (string | number)[]>> = {
  errIdeaNoteTooLong: [NOTE_MAX],
  errFollowUpTopN: [FOLLOW_UP_LIMITS.topNMin, FOLLOW_UP_LIMITS.topNMax],
};

/** parses a card payload for an idea verb; malformed data becomes a specific problem, never an exception. */
export function parseIdeaPayload<V extends IdeaVerb>(verb: V, data: unknown): Outcome<IdeaPayloadOf[V]> {
  const parsed = schemas[verb].safeParse(data ?? {});
  if (parsed.success) return ok(parsed.data as IdeaPayloadOf[V]);
  const message = parsed.error.issues.find((i) => i.message.startsWith('err'))?.message;
  const key = (message ?? 'errInvalidPayload') as ProblemKey;
  if (key === 'errFollowUpMaxPicks') {
    const topN = Number((data as { topN?: unknown } | null)?.topN);
    return fail(
      key,
      Number.isInteger(topN) && topN >= FOLLOW_UP_LIMITS.topNMin
        ? Math.min(topN, FOLLOW_UP_LIMITS.topNMax)
        : FOLLOW_UP_LIMITS.topNMax,
    );
  }
  return fail(key, ...(PROBLEM_ARGS[key] ?? []));
}
