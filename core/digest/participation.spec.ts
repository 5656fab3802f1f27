import fc from 'fast-check';
import { participationChange, participationOf } from './participation';

describe('participationOf', () => {
  test('shows an exact rate from five participants with five or more not taking part', () => {
    expect(participationOf(12, 20, 5)).toEqual({ shown: 'exact', participants: 12, members: 20, percent: 60 });
  });

  test('shows "fewer than 5" below the minimum group size', () => {
    expect(participationOf(4, 20, 5)).toEqual({ shown: 'fewerThan', threshold: 5, members: 20 });
    expect(participationOf(0, undefined, 5)).toEqual({ shown: 'fewerThan', threshold: 5 });
  });

  test('shows a range instead of an exact number when fewer than five did not take part', () => {
    expect(participationOf(18, 20, 5)).toEqual({ shown: 'range', from: 16, to: 19, members: 20 });
    expect(participationOf(16, 20, 5)).toEqual(participationOf(19, 20, 5));
  });

  test('shows everyone exactly', () => {
    expect(participationOf(20, 20, 5)).toMatchObject({ shown: 'exact', percent: 100 });
  });

  test('does not let a one-number range pin down the count in a team of min + 1', () => {
    expect(participationOf(5, 6, 5)).toEqual({ shown: 'fewerThan', threshold: 6, members: 6 });
    expect(participationOf(2, 6, 5)).toEqual(participationOf(5, 6, 5));
  });

  test('never uses a minimum below 3', () => {
    expect(participationOf(3, undefined, 1)).toEqual({ shown: 'exact', participants: 3 });
    expect(participationOf(2, undefined, 1)).toEqual({ shown: 'fewerThan', threshold: 3 });
  });

  test('never reveals a count that is below the minimum or leaves fewer than the minimum out', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 3, max: 8 }),
        (members, raw, min) => {
          const participants = Math.min(raw, members);
          const shown = participationOf(participants, members, min);
          if (shown.shown === 'exact') {
            expect(shown.participants).toBeGreaterThanOrEqual(min);
            const missing = members - participants;
            expect(missing === 0 || missing >= min).toBe(true);
          }
          // whatever is shown for a hidden count is shown for at least one other count too
          if (shown.shown !== 'exact') {
            const others = Array.from({ length: members + 1 }, (_, p) => p).filter((p) => p !== participants);
            expect(others.some((p) => JSON.stringify(participationOf(p, members, min)) === JSON.stringify(shown))).toBe(
              true,
            );
          }
        },
      ),
    );
  });
});

describe('participationChange', () => {
  test('compares two exact weeks in people and percentage points', () => {
    expect(participationChange(participationOf(12, 20, 5), participationOf(10, 20, 5))).toEqual({
      people: 2,
      percentPoints: 10,
    });
  });

  test('says nothing when either week is not exact', () => {
    expect(participationChange(participationOf(12, 20, 5), participationOf(3, 20, 5))).toBeUndefined();
    expect(participationChange(participationOf(18, 20, 5), participationOf(10, 20, 5))).toBeUndefined();
  });
});
