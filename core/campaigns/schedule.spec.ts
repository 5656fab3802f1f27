import fc from 'fast-check';
import { DateTime } from 'luxon';
import { MAX_SLOTS, Recurrence, Schedule, Slot, nextSlots, slotsBetween } from './schedule';

const BERLIN = 'Europe/Berlin';
const utc = (iso: string): Date => new Date(iso);
const keys = (slots: Slot[]): string[] => slots.map((s) => s.key);
const instants = (slots: Slot[]): string[] => slots.map((s) => s.at.toISOString());

describe('slotsBetween', () => {
  it('posts a weekly item every Monday at 09:00 Berlin time until the inclusive end date', () => {
    const schedule: Schedule = { start: '2026-12-07T09:00', every: 'P1W', until: '2027-03-01' };
    const slots = slotsBetween(schedule, BERLIN, utc('2026-01-01T00:00Z'), utc('2028-01-01T00:00Z'));
    expect(slots).toHaveLength(13);
    expect(slots[0]).toEqual({ key: '2026-12-07T09:00', at: utc('2026-12-07T08:00Z') });
    expect(slots[12]).toEqual({ key: '2027-03-01T09:00', at: utc('2027-03-01T08:00Z') });
  });

  it('posts every second week when every is P2W', () => {
    const schedule: Schedule = { start: '2026-12-07T09:00', every: 'P2W' };
    const slots = slotsBetween(schedule, BERLIN, utc('2026-12-01T00:00Z'), utc('2027-01-15T00:00Z'));
    expect(keys(slots)).toEqual(['2026-12-07T09:00', '2026-12-21T09:00', '2027-01-04T09:00']);
  });

  it('posts daily when every is P1D', () => {
    const schedule: Schedule = { start: '2026-12-30T08:15', every: 'P1D', until: '2027-01-02' };
    const slots = slotsBetween(schedule, BERLIN, utc('2026-01-01T00:00Z'), utc('2028-01-01T00:00Z'));
    expect(keys(slots)).toEqual(['2026-12-30T08:15', '2026-12-31T08:15', '2027-01-01T08:15', '2027-01-02T08:15']);
  });

  it('posts monthly on the start day and clamps the 31st to the last day of shorter months', () => {
    const schedule: Schedule = { start: '2027-01-31T10:00', every: 'P1M', until: '2028-03-31' };
    const slots = slotsBetween(schedule, BERLIN, utc('2027-01-01T00:00Z'), utc('2027-06-01T00:00Z'));
    expect(keys(slots)).toEqual([
      '2027-01-31T10:00',
      '2027-02-28T10:00',
      '2027-03-31T10:00',
      '2027-04-30T10:00',
      '2027-05-31T10:00',
    ]);
  });

  it('lands a monthly 31st on 29 February in a leap year', () => {
    const schedule: Schedule = { start: '2027-12-31T10:00', every: 'P1M' };
    const slots = slotsBetween(schedule, BERLIN, utc('2028-02-01T00:00Z'), utc('2028-03-01T00:00Z'));
    expect(slots).toEqual([{ key: '2028-02-29T10:00', at: utc('2028-02-29T09:00Z') }]);
  });

  it('posts a one-off item exactly once at its start', () => {
    const schedule: Schedule = { start: '2026-12-09T10:00' };
    expect(slotsBetween(schedule, BERLIN, utc('2020-01-01T00:00Z'), utc('2030-01-01T00:00Z'))).toEqual([
      { key: '2026-12-09T10:00', at: utc('2026-12-09T09:00Z') },
    ]);
  });

  it('includes a slot at the window start and excludes one at the window end', () => {
    const schedule: Schedule = { start: '2026-12-07T09:00', every: 'P1W' };
    const slots = slotsBetween(schedule, BERLIN, utc('2026-12-07T08:00Z'), utc('2026-12-14T08:00Z'));
    expect(keys(slots)).toEqual(['2026-12-07T09:00']);
  });

  it('stops at an until date-time and leaves out a slot one minute after it', () => {
    const schedule: Schedule = { start: '2026-12-07T09:00', every: 'P1W', until: '2026-12-21T08:59' };
    const slots = slotsBetween(schedule, BERLIN, utc('2026-01-01T00:00Z'), utc('2028-01-01T00:00Z'));
    expect(keys(slots)).toEqual(['2026-12-07T09:00', '2026-12-14T09:00']);
  });

  it('finds a daily New York slot when the window starts a few hours before it', () => {
    const schedule: Schedule = { start: '2026-01-01T09:00', every: 'P1D' };
    const slots = slotsBetween(schedule, 'America/New_York', utc('2026-01-05T13:00Z'), utc('2026-01-06T00:00Z'));
    expect(slots).toEqual([{ key: '2026-01-05T09:00', at: utc('2026-01-05T14:00Z') }]);
  });

  it('includes a slot that falls exactly on an until date-time', () => {
    const schedule: Schedule = { start: '2026-12-07T09:00', every: 'P1W', until: '2026-12-14T09:00' };
    const slots = slotsBetween(schedule, BERLIN, utc('2026-01-01T00:00Z'), utc('2028-01-01T00:00Z'));
    expect(keys(slots)).toEqual(['2026-12-07T09:00', '2026-12-14T09:00']);
  });

  it('finds the slots of a long-running schedule in a window years after its start', () => {
    const schedule: Schedule = { start: '2026-12-07T09:00', every: 'P1W' };
    const slots = slotsBetween(schedule, BERLIN, utc('2036-07-01T00:00Z'), utc('2036-07-15T00:00Z'));
    expect(slots).toEqual([
      { key: '2036-07-07T09:00', at: utc('2036-07-07T07:00Z') },
      { key: '2036-07-14T09:00', at: utc('2036-07-14T07:00Z') },
    ]);
  });

  it('returns at most MAX_SLOTS slots for an endless daily schedule over a huge window', () => {
    const schedule: Schedule = { start: '2026-01-01T09:00', every: 'P1D' };
    const slots = slotsBetween(schedule, BERLIN, utc('2026-01-01T00:00Z'), utc('2200-01-01T00:00Z'));
    expect(slots).toHaveLength(MAX_SLOTS);
  });

  it('returns nothing when the window is empty or reversed', () => {
    const schedule: Schedule = { start: '2026-12-07T09:00', every: 'P1W' };
    expect(slotsBetween(schedule, BERLIN, utc('2026-12-07T08:00Z'), utc('2026-12-07T08:00Z'))).toEqual([]);
    expect(slotsBetween(schedule, BERLIN, utc('2027-01-01T00:00Z'), utc('2026-01-01T00:00Z'))).toEqual([]);
  });

  it('throws a RangeError for an unknown time zone or a malformed schedule', () => {
    const window = [utc('2026-01-01T00:00Z'), utc('2027-01-01T00:00Z')] as const;
    expect(() => slotsBetween({ start: '2026-12-07T09:00' }, 'Mars/Olympus', ...window)).toThrow(RangeError);
    expect(() => slotsBetween({ start: '2026-12-07 09:00' }, BERLIN, ...window)).toThrow(RangeError);
    expect(() => slotsBetween({ start: '2026-12-07T09:00', every: 'P0W' }, BERLIN, ...window)).toThrow(RangeError);
    expect(() => slotsBetween({ start: '2026-12-07T09:00', every: 'P1W', until: 'soon' }, BERLIN, ...window)).toThrow(
      RangeError,
    );
  });
});

describe('daylight saving time in Europe/Berlin', () => {
  it('keeps a weekly 09:00 slot at 09:00 local time across the spring-forward change of March 2027', () => {
    const schedule: Schedule = { start: '2027-03-22T09:00', every: 'P1W' };
    const slots = slotsBetween(schedule, BERLIN, utc('2027-03-01T00:00Z'), utc('2027-04-01T00:00Z'));
    expect(instants(slots)).toEqual(['2027-03-22T08:00:00.000Z', '2027-03-29T07:00:00.000Z']);
  });

  it('keeps a weekly 09:00 slot at 09:00 local time across the fall-back change of October 2026', () => {
    const schedule: Schedule = { start: '2026-10-19T09:00', every: 'P1W' };
    const slots = slotsBetween(schedule, BERLIN, utc('2026-10-01T00:00Z'), utc('2026-11-01T00:00Z'));
    expect(instants(slots)).toEqual(['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });

  it('moves a 02:30 slot on the spring-forward night to 03:00 local time', () => {
    const slots = slotsBetween(
      { start: '2027-03-28T02:30' },
      BERLIN,
      utc('2027-01-01T00:00Z'),
      utc('2028-01-01T00:00Z'),
    );
    expect(slots).toEqual([{ key: '2027-03-28T02:30', at: utc('2027-03-28T01:00Z') }]);
  });

  it('moves a 02:00 slot on the spring-forward night of March 2026 to the transition at 03:00 local time', () => {
    const slots = slotsBetween(
      { start: '2026-03-29T02:00' },
      BERLIN,
      utc('2026-01-01T00:00Z'),
      utc('2027-01-01T00:00Z'),
    );
    expect(slots).toEqual([{ key: '2026-03-29T02:00', at: utc('2026-03-29T01:00Z') }]);
  });

  it('returns to 02:30 local time the day after the spring-forward night', () => {
    const schedule: Schedule = { start: '2027-03-27T02:30', every: 'P1D', until: '2027-03-29' };
    const slots = slotsBetween(schedule, BERLIN, utc('2027-01-01T00:00Z'), utc('2028-01-01T00:00Z'));
    expect(instants(slots)).toEqual([
      '2027-03-27T01:30:00.000Z',
      '2027-03-28T01:00:00.000Z',
      '2027-03-29T00:30:00.000Z',
    ]);
  });

  it('takes the earlier, summer-time instant for an ambiguous 02:30 on the fall-back night of October 2026', () => {
    const slots = slotsBetween(
      { start: '2026-10-25T02:30' },
      BERLIN,
      utc('2026-01-01T00:00Z'),
      utc('2027-01-01T00:00Z'),
    );
    expect(slots).toEqual([{ key: '2026-10-25T02:30', at: utc('2026-10-25T00:30Z') }]);
  });

  it('takes the earlier, summer-time instant for an ambiguous 02:30 on the fall-back night of October 2027', () => {
    const slots = slotsBetween(
      { start: '2027-10-31T02:30' },
      BERLIN,
      utc('2027-01-01T00:00Z'),
      utc('2028-01-01T00:00Z'),
    );
    expect(slots).toEqual([{ key: '2027-10-31T02:30', at: utc('2027-10-31T00:30Z') }]);
  });

  it('keeps the slot key on local wall-clock time so it is the same in summer and in winter', () => {
    const schedule: Schedule = { start: '2026-10-18T09:00', every: 'P1W', until: '2026-10-25' };
    const slots = slotsBetween(schedule, BERLIN, utc('2026-01-01T00:00Z'), utc('2027-01-01T00:00Z'));
    expect(keys(slots)).toEqual(['2026-10-18T09:00', '2026-10-25T09:00']);
    expect(instants(slots)).toEqual(['2026-10-18T07:00:00.000Z', '2026-10-25T08:00:00.000Z']);
  });
});

describe('nextSlots', () => {
  it('lists the next five post times strictly after the given instant', () => {
    const schedule: Schedule = { start: '2026-12-07T09:00', every: 'P1W' };
    const slots = nextSlots(schedule, BERLIN, utc('2026-12-14T08:00Z'), 5);
    expect(keys(slots)).toEqual([
      '2026-12-21T09:00',
      '2026-12-28T09:00',
      '2027-01-04T09:00',
      '2027-01-11T09:00',
      '2027-01-18T09:00',
    ]);
  });

  it('returns fewer slots when the schedule ends first', () => {
    const schedule: Schedule = { start: '2026-12-07T09:00', every: 'P1W', until: '2026-12-14' };
    expect(keys(nextSlots(schedule, BERLIN, utc('2026-01-01T00:00Z'), 5))).toEqual([
      '2026-12-07T09:00',
      '2026-12-14T09:00',
    ]);
  });

  it('returns nothing for a one-off item whose time has passed', () => {
    expect(nextSlots({ start: '2026-12-09T10:00' }, BERLIN, utc('2026-12-09T09:00Z'), 5)).toEqual([]);
  });

  it('returns nothing when asked for zero slots', () => {
    expect(nextSlots({ start: '2026-12-09T10:00', every: 'P1D' }, BERLIN, utc('2026-01-01T00:00Z'), 0)).toEqual([]);
  });
});

describe('schedule properties', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
  const pad = (n: number): string => String(n).padStart(2, '0');
  const DAY = 86_400_000;
  const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  const localKey = (at: number, zone: string): string =>
    DateTime.fromMillis(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");

  const scheduleArb = fc
    .record({
      startDay: fc.integer({ min: Date.UTC(2025, 0, 1) / DAY, max: Date.UTC(2030, 11, 31) / DAY }),
      hour: fc.oneof(fc.constantFrom(0, 1, 2, 3), fc.integer({ min: 0, max: 23 })),
      minute: fc.constantFrom(0, 15, 30, 45, 59),
      every: fc.constantFrom(undefined, 'P1D', 'P1W', 'P2W', 'P3W', 'P1M'),
      untilDays: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
      untilAsDateTime: fc.boolean(),
    })
    .map(({ startDay, hour, minute, every, untilDays, untilAsDateTime }): Schedule => {
      const start = `${dayOf(startDay * DAY)}T${pad(hour)}:${pad(minute)}`;
      if (every === undefined) return { start };
      if (untilDays === undefined) return { start, every: every as Recurrence };
      const untilDay = dayOf((startDay + untilDays) * DAY);
      return {
        start,
        every: every as Recurrence,
        until: untilAsDateTime ? `${untilDay}T${pad(hour)}:${pad(minute)}` : untilDay,
      };
    });
  const instantArb = fc.integer({ min: Date.UTC(2024, 6, 1), max: Date.UTC(2033, 0, 1) });
  const windowArb = fc.tuple(instantArb, instantArb, instantArb).map((t) => t.sort((a, b) => a - b));
  const inputArb = fc.record({ schedule: scheduleArb, zone: fc.constantFrom(...zones), window: windowArb });
  const all = (s: Schedule, zone: string, from: number, to: number): Slot[] =>
    slotsBetween(s, zone, new Date(from), new Date(to));

  it('returns slots in strictly increasing order', () => {
    fc.assert(
      fc.property(inputArb, ({ schedule, zone, window: [a, , c] }) => {
        const slots = all(schedule, zone, a!, c!);
        slots.slice(1).forEach((slot, i) => expect(slot.at.getTime()).toBeGreaterThan(slots[i]!.at.getTime()));
      }),
    );
  });

  it('posts at the scheduled wall-clock time unless that time fell into a DST gap, then at the gap end', () => {
    fc.assert(
      fc.property(inputArb, ({ schedule, zone, window: [a, , c] }) => {
        for (const slot of all(schedule, zone, a!, c!)) {
          expect(slot.key.slice(11)).toBe(schedule.start.slice(11));
          const shown = localKey(slot.at.getTime(), zone);
          if (shown === slot.key) continue;
          const before = localKey(slot.at.getTime() - 60_000, zone);
          expect(before < slot.key && slot.key < shown).toBe(true);
        }
      }),
    );
  });

  it('splits a window without losing or repeating slots: [a,c) equals [a,b) followed by [b,c)', () => {
    fc.assert(
      fc.property(inputArb, ({ schedule, zone, window: [a, b, c] }) => {
        expect(all(schedule, zone, a!, c!)).toEqual([...all(schedule, zone, a!, b!), ...all(schedule, zone, b!, c!)]);
      }),
    );
  });

  it('finds the same slots from any window start as an enumeration from the schedule start does', () => {
    const deltaArb = fc.integer({ min: -16 * 60, max: 60 }).map((minutes) => minutes * 60_000);
    fc.assert(
      fc.property(inputArb, fc.nat(), deltaArb, ({ schedule, zone, window: [, , c] }, pick, delta) => {
        const everything = all(schedule, zone, Date.UTC(2024, 0, 1), c!);
        fc.pre(everything.length > 0);
        const from = everything[pick % everything.length]!.at.getTime() + delta;
        expect(all(schedule, zone, from, c!)).toEqual(everything.filter((slot) => slot.at.getTime() >= from));
      }),
      { numRuns: 300 },
    );
  });

  it('never posts after until', () => {
    fc.assert(
      fc.property(inputArb, ({ schedule, zone, window: [a, , c] }) => {
        const limit = schedule.until?.length === 10 ? `${schedule.until}T23:59` : schedule.until;
        for (const slot of all(schedule, zone, a!, c!)) if (limit !== undefined) expect(slot.key <= limit).toBe(true);
      }),
    );
  });

  it('posts weekly and biweekly items on the weekday of their start', () => {
    fc.assert(
      fc.property(inputArb, ({ schedule, zone, window: [a, , c] }) => {
        fc.pre(schedule.every?.endsWith('W') === true);
        const weekday = new Date(`${schedule.start.slice(0, 10)}T00:00Z`).getUTCDay();
        for (const slot of all(schedule, zone, a!, c!))
          expect(new Date(`${slot.key.slice(0, 10)}T00:00Z`).getUTCDay()).toBe(weekday);
      }),
    );
  });

  it('lists as next slots the first slots of the window that follows the given instant', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 8 }), ({ schedule, zone, window: [a] }, count) => {
        const expected = all(schedule, zone, a! + 1, Date.UTC(2040, 0, 1)).slice(0, count);
        expect(nextSlots(schedule, zone, new Date(a!), count)).toEqual(expected);
      }),
    );
  });
});
