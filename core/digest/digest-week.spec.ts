import { addWeeks, digestWeek, parseWeekKey, previousWeeks, trendWeeks, weekRange } from './digest-week';

const TZ = 'Europe/Berlin';

describe('digest weeks', () => {
  test('reports the week just ended when sent Monday 08:00 local time', () => {
    // Monday 2026-11-30 08:00 CET is 07:00 UTC; the week just ended is 2026-W48.
    expect(digestWeek(new Date('2026-11-30T07:00:00Z'), TZ)).toBe('2026-W48');
  });

  test('reports the running week for an interim digest', () => {
    expect(digestWeek(new Date('2026-11-26T12:00:00Z'), TZ, true)).toBe('2026-W48');
  });

  test('uses the local week, not the UTC week, at midnight', () => {
    // Monday 00:30 in Berlin is still Sunday in UTC.
    expect(digestWeek(new Date('2026-11-29T23:30:00Z'), TZ, true)).toBe('2026-W49');
    expect(digestWeek(new Date('2026-11-29T23:30:00Z'), 'UTC', true)).toBe('2026-W48');
  });

  test('lists earlier weeks oldest first across a year with 53 weeks', () => {
    expect(previousWeeks('2027-W02', 3)).toEqual(['2026-W52', '2026-W53', '2027-W01']);
    expect(trendWeeks('2026-W48')).toHaveLength(8);
    expect(trendWeeks('2026-W48')[0]).toBe('2026-W41');
    expect(addWeeks('2025-W52', 1)).toBe('2026-W01');
  });

  test('rejects weeks a year does not have', () => {
    expect(parseWeekKey('2025-W53')).toBeUndefined();
    expect(parseWeekKey('2026-W53')).toEqual({ weekYear: 2026, weekNumber: 53 });
    expect(parseWeekKey('2026-W00')).toBeUndefined();
    expect(() => addWeeks('2026-48', 1)).toThrow(RangeError);
  });

  test('spans a week from Monday 00:00 to Monday 00:00 local time across the autumn DST change', () => {
    // 2026-W43 contains Sunday 2026-10-25, when Berlin leaves summer time: the week has 169 hours.
    const { start, end } = weekRange('2026-W43', TZ);
    expect(start.toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(end.toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });
});
