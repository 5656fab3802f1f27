import fc from 'fast-check';
import { DateTime } from 'luxon';
import { isoWeekKey } from './iso-week';

/** the week key worked out from scratch, without the remembered week. */
const direct = (at: Date, timeZone: string) => {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
};

describe('isoWeekKey', () => {
  test('weeks start on Monday at midnight local time', () => {
    expect(isoWeekKey(new Date('2026-03-01T22:59:59Z'), 'Europe/Berlin')).toBe('2026-W09'); // Sunday 23:59:59 in Berlin
    expect(isoWeekKey(new Date('2026-03-01T23:00:00Z'), 'Europe/Berlin')).toBe('2026-W10'); // Monday 00:00 in Berlin
    expect(isoWeekKey(new Date('2026-03-01T23:00:00Z'), 'UTC')).toBe('2026-W09');
  });

  test('the week year is the ISO one at the turn of the year', () => {
    expect(isoWeekKey(new Date('2026-12-31T12:00:00Z'), 'Europe/Berlin')).toBe('2026-W53');
    expect(isoWeekKey(new Date('2027-01-04T12:00:00Z'), 'Europe/Berlin')).toBe('2027-W01');
  });

  test('gives what the calendar says for any sequence of instants and time zones (the remembered week never leaks)', () => {
    const zones = ['Europe/Berlin', 'UTC', 'America/New_York', 'Pacific/Chatham', 'Asia/Kolkata'];
    const around = Date.UTC(2026, 2, 29, 0, 59); // the night Berlin moves its clocks forward
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -40 * 86_400_000, max: 40 * 86_400_000 }), fc.constantFrom(...zones)), {
          minLength: 1,
          maxLength: 30,
        }),
        (steps) => {
          for (const [offset, zone] of steps) {
            const at = new Date(around + offset);
            expect(isoWeekKey(at, zone)).toBe(direct(at, zone));
          }
        },
      ),
    );
  });
});
