import { z } from 'zod';

/** what the leader picker card asks for: assign a leader or remove an assignment. */
export type LeaderPickOp = 'add' | 'remove';

/** the picker's answer: the operation from the button, the team and the person from its two choice inputs. */
export interface LeaderPickPayload {
  op: LeaderPickOp;
  teamId: string;
  /** the AAD object id of the chosen person; checked against the team's roster (add) or its leaders (remove). */
  memberId: string;
}

/** an id from a choice input: no spaces or control characters; an empty choice means nothing was picked. */
const picked = (max: number) =>
  z
    .string({ message: 'errLeaderPickMissing' })
    .trim()
    .min(1, { message: 'errLeaderPickMissing' })
    .max(max, { message: 'errInvalidPayload' })
    .regex(/^[^\s\p{Cc}]+$/u, { message: 'errInvalidPayload' });

/** the zod schema of the leader picker's payload (verb `mitwirken.leaderPick`). */
export const leaderPickSchema = z.object({
  op: z.enum(['add', 'remove'], { message: 'errInvalidPayload' }),
  teamId: picked(200),
  memberId: picked(100),
});
