import { checkMeasureTransition, ideaStatusFor, isOverdue, measureFormSchema } from './measure';

describe('measures', () => {
  test('are overdue only while open and past their date', () => {
    expect(isOverdue({ status: 'planned', dueDate: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ status: 'inProgress', dueDate: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2026-03-01' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ status: 'deferred', dueDate: '2026-03-01' }, '2026-03-02')).toBe(false);
  });

  test('move along their life cycle, with a reason to defer or drop', () => {
    expect(checkMeasureTransition('planned', { status: 'inProgress', reason: ' ' })).toEqual({
      ok: true,
      value: { status: 'inProgress', reason: '' },
    });
    expect(checkMeasureTransition('planned', { status: 'planned', reason: '' })).toMatchObject({
      problem: { key: 'errMeasureStatusUnchanged' },
    });
    expect(checkMeasureTransition('done', { status: 'dropped', reason: 'x' })).toMatchObject({
      problem: { key: 'errMeasureStatusNotAllowed' },
    });
    expect(checkMeasureTransition('inProgress', { status: 'deferred', reason: '  ' })).toMatchObject({
      problem: { key: 'errMeasureReasonMissing' },
    });
    expect(checkMeasureTransition('inProgress', { status: 'dropped', reason: 'Kein Budget' })).toEqual({
      ok: true,
      value: { status: 'dropped', reason: 'Kein Budget' },
    });
  });

  test('carry their ideas along: accepted, in progress, done, declined', () => {
    expect(['planned', 'inProgress', 'done', 'deferred', 'dropped'].map((s) => ideaStatusFor(s as never))).toEqual([
      'accepted',
      'inProgress',
      'done',
      'accepted',
      'declined',
    ]);
  });

  test('are checked as the form sends them: title, owner, a real date', () => {
    expect(measureFormSchema.safeParse({ title: ' Raum ', ownerId: 'aad-1', dueDate: '2026-02-28' })).toMatchObject({
      success: true,
      data: { title: 'Raum', description: '' },
    });
    const bad = measureFormSchema.safeParse({ title: '', ownerId: '', dueDate: '2026-02-30' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message).sort()).toEqual([
      'errMeasureDate',
      'errMeasureOwner',
      'errMeasureTitle',
    ]);
  });
});
