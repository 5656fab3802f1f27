import { z } from 'zod';
import { APPROVAL_COMMENT_MAX } from './approval-rule';

/** what is approved: a campaign (`campaign`, its id) or an ad-hoc item held for approval (`item`, its hold id). */
export type ApprovalSubjectKind = 'campaign' | 'item';

/** the buttons of the approval card: the subject, the version shown (a hash of its content), the decision. */
export interface ApprovalPayload {
  kind: ApprovalSubjectKind;
  id: string;
  version: string;
  decision: 'approve' | 'changes';
  /** the card's comment field; required for `changes` (checked by the handler, so the card can say so). */
  comment: string;
}

/** the payload schema of VERBS.approval; the comment arrives as the card's input `comment`. */
export const approvalSchema = z
  .object({
    kind: z.enum(['campaign', 'item'], { message: 'errInvalidPayload' }),
    id: z.string({ message: 'errInvalidPayload' }).regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'errInvalidPayload' }),
    version: z.string({ message: 'errInvalidPayload' }).regex(/^[0-9a-f]{16,64}$/, { message: 'errInvalidPayload' }),
    decision: z.enum(['approve', 'changes'], { message: 'errInvalidPayload' }),
    comment: z
      .string({ message: 'errInvalidPayload' })
      .max(APPROVAL_COMMENT_MAX * 2, { message: 'errInvalidPayload' })
      .optional(),
  })
  .transform((v): ApprovalPayload => ({ ...v, comment: (v.comment ?? '').trim().slice(0, APPROVAL_COMMENT_MAX) }));
