/** what a staff council member decided on one version of a campaign or held item. */
export interface ApprovalDecision {
  /** the council member's AAD object id: a council decision is an official act and names its author. */
  memberId: string;
  memberName?: string;
  kind: 'approve' | 'changes';
  /** required for a request for changes. */
  comment?: string;
  at: Date;
}

/**
 * where one version stands: waiting (with how many distinct members approved and how many must), approved, or
 * changes requested (with the latest request).
 */
export type ApprovalState =
  | { kind: 'pending'; approvals: number; needed: number }
  | { kind: 'approved'; approvals: number }
  | { kind: 'changes-requested'; request: ApprovalDecision };

/**
 * the approval rule: a version is approved when `needed` distinct council members approved it and nobody asked for
 * changes on it. A request for changes decides the version for good (also after approval): only a new version can be
 * approved then.
 */
export function approvalState(decisions: readonly ApprovalDecision[], needed: number): ApprovalState {
  const requests = decisions.filter((d) => d.kind === 'changes').sort((a, b) => b.at.getTime() - a.at.getTime());
  if (requests[0]) return { kind: 'changes-requested', request: requests[0] };
  const approvals = new Set(decisions.filter((d) => d.kind === 'approve').map((d) => d.memberId)).size;
  const quorum = Math.max(1, needed);
  return approvals >= quorum ? { kind: 'approved', approvals } : { kind: 'pending', approvals, needed: quorum };
}

/** at most this many characters of a comment on a request for changes are kept. */
export const APPROVAL_COMMENT_MAX = 2000;
