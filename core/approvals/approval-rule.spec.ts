import { approvalState, type ApprovalDecision } from './approval-rule';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 10, minute));
const approve = (memberId: string, minute = 0): ApprovalDecision => ({ memberId, kind: 'approve', at: at(minute) });
const changes = (memberId: string, minute = 0): ApprovalDecision => ({
  memberId,
  kind: 'changes',
  comment: 'Bitte monatlich',
  at: at(minute),
});

describe('approvalState', () => {
  test('waits until the quorum of distinct members approved', () => {
    expect(approvalState([], 2)).toEqual({ kind: 'pending', approvals: 0, needed: 2 });
    expect(approvalState([approve('a'), approve('a', 1)], 2)).toEqual({ kind: 'pending', approvals: 1, needed: 2 });
    expect(approvalState([approve('a'), approve('b', 1)], 2)).toEqual({ kind: 'approved', approvals: 2 });
  });

  test('a request for changes decides the version, also after the quorum was reached', () => {
    expect(approvalState([approve('a'), approve('b'), changes('c', 5)], 2)).toMatchObject({
      kind: 'changes-requested',
      request: { memberId: 'c' },
    });
  });

  test('a quorum below one counts as one', () => {
    expect(approvalState([approve('a')], 0)).toEqual({ kind: 'approved', approvals: 1 });
  });
});
