import { z } from 'zod';
import { FOLLOW_UP_LIMITS } from './idea-actions';
import { IDEA_ID } from './idea-status';

/**
 * A follow-up poll over ideas a leader picks from one team — from several prompts and `idee` ideas — started on the
 * digest or on the team's ideas card in the personal chat. A card may carry one such form per team, so each form's
 * inputs are named `<input>ideas` (the picked ideas, comma-separated as a multi-select sends them) and
 * `<input>picks`, and the button's data carries `input` and the team.
 */
export const FOLLOW_UP_TEAM_INPUT = /^f\d{1,3}$/;

/** the ids of the inputs of the team follow-up form at a position of a card. */
export function followUpTeamInputIds(position: number): { input: string; ideas: string; picks: string } {
  const input = `f${position}`;
  return { input, ideas: `${input}ideas`, picks: `${input}picks` };
}

/** a leader or admin asks for a poll over picked ideas of one team, posted into the team's General channel. */
export interface FollowUpTeamPayload {
  teamId: string;
  /** 2–10 distinct idea ids. */
  ideaIds: string[];
  /** 1–ideaIds.length picks per person. */
  maxPicks: number;
}

/** the payload schema; `teamId` is the card-actions rule for a team id from a card. */
export function followUpTeamSchema(teamId: z.ZodType<string>): z.ZodType<FollowUpTeamPayload> {
  return z.preprocess(
    (raw) => {
      if (!raw || typeof raw !== 'object') return raw;
      const data = raw as Record<string, unknown>;
      const key = data.input;
      if (typeof key !== 'string' || !FOLLOW_UP_TEAM_INPUT.test(key)) return data;
      return { teamId: data.teamId, ideaIds: data[`${key}ideas`], maxPicks: data[`${key}picks`] };
    },
    z
      .object({
        teamId,
        ideaIds: z
          .string({ message: 'errFollowUpPickIdeas' })
          .max(2000, { message: 'errInvalidPayload' })
          .transform((v, ctx) => {
            const ids = [
              ...new Set(
                v
                  .split(',')
                  .map((x) => x.trim())
                  .filter((x) => x !== ''),
              ),
            ];
            if (!ids.every((id) => IDEA_ID.test(id))) {
              ctx.addIssue({ code: 'custom', message: 'errInvalidPayload' });
              return z.NEVER;
            }
            if (ids.length < FOLLOW_UP_LIMITS.topNMin || ids.length > FOLLOW_UP_LIMITS.topNMax) {
              ctx.addIssue({ code: 'custom', message: 'errFollowUpPickIdeas' });
              return z.NEVER;
            }
            return ids;
          }),
        maxPicks: z.union([z.number(), z.string()], { message: 'errFollowUpTeamMaxPicks' }).transform((v, ctx) => {
          const text = typeof v === 'number' ? String(v) : v.trim();
          if (!/^\d{1,2}$/.test(text) || Number(text) < FOLLOW_UP_LIMITS.maxPicksMin) {
            ctx.addIssue({ code: 'custom', message: 'errFollowUpTeamMaxPicks' });
            return z.NEVER;
          }
          return Number(text);
        }),
      })
      .superRefine((v, ctx) => {
        if (v.maxPicks > v.ideaIds.length) ctx.addIssue({ code: 'custom', message: 'errFollowUpTeamMaxPicks' });
      }),
  ) as z.ZodType<FollowUpTeamPayload>;
}
