import { localDay, retentionCutoff, retentionDaysOf, weeksEndedBefore } from './retention';

describe('retention rules', () => {
  test('a campaign’s own period wins over the default; none or nonsense falls back to it', () => {
    expect(retentionDaysOf(30, 365)).toBe(30);
    expect(retentionDaysOf(undefined, 365)).toBe(365);
    expect(retentionDaysOf(0, 365)).toBe(365);
  });

  test('the cut-off lies the given number of days before now', () => {
    expect(retentionCutoff(new Date('2026-03-31T12:00:00Z'), 30).toISOString()).toBe('2026-03-01T12:00:00.000Z');
  });

  test('the job’s day is the local calendar day', () => {
    expect(localDay(new Date('2026-03-28T23:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29');
  });

  test('walks whole ISO weeks that ended before the cut-off, across a DST change, and says where to go on', () => {
    const { weeks, next } = weeksEndedBefore(
      new Date('2026-03-18T10:00:00Z'),
      new Date('2026-04-08T12:00:00Z'),
      'Europe/Berlin',
    );
    expect(weeks).toEqual(['2026-W12', '2026-W13', '2026-W14']);
    expect(next.toISOString()).toBe('2026-04-05T22:00:00.000Z');
    expect(weeksEndedBefore(next, new Date('2026-04-08T12:00:00Z'), 'Europe/Berlin').weeks).toEqual([]);
  });
});
