import {
  DEFAULT_DIGEST_CRON,
  digestCronSchema,
  dueDigestWeek,
  nextDigestTime,
  parseDigestCron,
  type DigestCron,
} from './digest-schedule';

const TZ = 'Europe/Berlin';
const cron = (text = DEFAULT_DIGEST_CRON): DigestCron => {
  const parsed = parseDigestCron(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.cron;
};

describe('parseDigestCron', () => {
  test('reads minute, hour and weekdays, Sunday as 0 or 7', () => {
    expect(cron('0 8 * * 1')).toEqual({ minute: 0, hour: 8, weekdays: [1] });
    expect(cron(' 30  7 * * 0,5 ')).toEqual({ minute: 30, hour: 7, weekdays: [5, 7] });
    expect(cron('0 8 * * 1-3')).toEqual({ minute: 0, hour: 8, weekdays: [1, 2, 3] });
    expect(cron('0 8 * * *').weekdays).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  test('names the wrong field and shows the expected form', () => {
    const error = (text: string) => {
      const r = parseDigestCron(text);
      return r.ok ? '' : r.error;
    };
    expect(error('0 8 * *')).toContain('has 4 fields, needs 5');
    expect(error('60 8 * * 1')).toContain("minute '60' must be a number 0–59");
    expect(error('0 24 * * 1')).toContain("hour '24'");
    expect(error('0 8 1 * 1')).toContain('day of month and month must be *');
    expect(error('0 8 * * mon')).toContain("weekday 'mon'");
    expect(error('0 8 * * 5-1')).toContain('runs backwards');
    expect(error('*/5 8 * * 1')).toContain("e.g. '0 8 * * 1'");
  });

  test('validates configuration with zod and defaults to Monday 08:00', () => {
    expect(digestCronSchema.parse(undefined)).toEqual({ minute: 0, hour: 8, weekdays: [1] });
    const r = digestCronSchema.safeParse('0 8 * * 8');
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]?.message).toContain("DIGEST_CRON '0 8 * * 8'");
  });
});

describe('nextDigestTime', () => {
  test('finds the next Monday 08:00 local time in winter and in summer', () => {
    expect(nextDigestTime(new Date('2026-11-25T12:00:00Z'), cron(), TZ).toISOString()).toBe('2026-11-30T07:00:00.000Z');
    expect(nextDigestTime(new Date('2026-06-10T12:00:00Z'), cron(), TZ).toISOString()).toBe('2026-06-15T06:00:00.000Z');
  });

  test('is strictly after the given instant', () => {
    const at = new Date('2026-11-30T07:00:00Z');
    expect(nextDigestTime(at, cron(), TZ).toISOString()).toBe('2026-12-07T07:00:00.000Z');
  });

  test('keeps 08:00 local across the spring and autumn changes', () => {
    // Berlin changes on Sunday 2026-03-29 and 2026-10-25.
    expect(nextDigestTime(new Date('2026-03-28T12:00:00Z'), cron(), TZ).toISOString()).toBe('2026-03-30T06:00:00.000Z');
    expect(nextDigestTime(new Date('2026-10-24T12:00:00Z'), cron(), TZ).toISOString()).toBe('2026-10-26T07:00:00.000Z');
  });

  test('moves a time inside the spring gap to its end and fires an ambiguous autumn time once', () => {
    const sunday0230 = cron('30 2 * * 7');
    expect(nextDigestTime(new Date('2026-03-28T12:00:00Z'), sunday0230, TZ).toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    const first = nextDigestTime(new Date('2026-10-24T12:00:00Z'), sunday0230, TZ);
    expect(first.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(nextDigestTime(first, sunday0230, TZ).toISOString()).toBe('2026-11-01T01:30:00.000Z');
  });
});

describe('dueDigestWeek', () => {
  test('is undefined before Monday 08:00 and the week just ended from then on', () => {
    expect(dueDigestWeek(new Date('2026-11-30T06:59:00Z'), cron(), TZ)).toBeUndefined();
    expect(dueDigestWeek(new Date('2026-11-30T07:00:00Z'), cron(), TZ)).toBe('2026-W48');
    expect(dueDigestWeek(new Date('2026-12-06T22:00:00Z'), cron(), TZ)).toBe('2026-W48');
  });

  test('counts the Monday of a summer week in local time', () => {
    expect(dueDigestWeek(new Date('2026-06-15T05:59:00Z'), cron(), TZ)).toBeUndefined();
    expect(dueDigestWeek(new Date('2026-06-15T06:00:00Z'), cron(), TZ)).toBe('2026-W24');
  });

  test('uses the first weekday of a list and crosses the year', () => {
    expect(dueDigestWeek(new Date('2027-01-05T07:00:00Z'), cron('0 8 * * 2,4'), TZ)).toBe('2026-W53');
    expect(dueDigestWeek(new Date('2027-01-04T12:00:00Z'), cron('0 8 * * 2,4'), TZ)).toBeUndefined();
  });
});
