import fc from 'fast-check';
import type { Item } from './items';
import {
  applyVote,
  effectiveMinGroupSize,
  emptyTally,
  MIN_GROUP_FLOOR,
  pollResults,
  sameChoices,
  type Tally,
} from './tally';

type PollItem = Pick<Item, 'kind' | 'pollKind' | 'options' | 'anonymous' | 'status'>;
const poll = (over: Partial<PollItem> = {}): PollItem => ({
  kind: 'poll',
  pollKind: 'single',
  options: ['Ja', 'Nein', 'Egal'],
  anonymous: false,
  status: 'open',
  ...over,
});
const tally = (counts: number[], voters: number): Tally => ({ counts, voters });

describe('applyVote', () => {
  test('adds a first vote and counts a new voter', () => {
    expect(applyVote(emptyTally(3), undefined, [1])).toEqual(tally([0, 1, 0], 1));
  });

  test('moves a changed vote from the old option to the new one without counting the voter twice', () => {
    expect(applyVote(tally([2, 1, 0], 3), [0], [2])).toEqual(tally([1, 1, 1], 3));
  });

  test('adds every option of a multi-choice vote but counts the voter once', () => {
    expect(applyVote(emptyTally(3), undefined, [0, 2])).toEqual(tally([1, 0, 1], 1));
  });

  test('replaces a previous multi-choice selection as a whole', () => {
    expect(applyVote(tally([1, 1, 0], 1), [0, 1], [1, 2])).toEqual(tally([0, 1, 1], 1));
  });

  test('never lets a count fall below zero when the stored tally lags behind', () => {
    expect(applyVote(tally([0, 0, 0], 1), [0], [1]).counts).toEqual([0, 1, 0]);
  });

  test('leaves the tally it was given unchanged', () => {
    const before = tally([1, 0, 0], 1);
    applyVote(before, [0], [1]);
    expect(before).toEqual(tally([1, 0, 0], 1));
  });
});

describe('sameChoices', () => {
  test('treats the same options in another order as the same choice', () => {
    expect(sameChoices([2, 0], [0, 2])).toBe(true);
  });

  test('treats a different option as a different choice', () => {
    expect(sameChoices([1], [2])).toBe(false);
  });

  test('treats no previous vote as different from any choice', () => {
    expect(sameChoices(undefined, [0])).toBe(false);
  });

  test('treats a subset as a different choice', () => {
    expect(sameChoices([0], [0, 1])).toBe(false);
  });
});

describe('pollResults', () => {
  test('hides results below five voters and says how many answers are still needed', () => {
    expect(pollResults(poll(), tally([3, 1, 0], 4), 5)).toEqual({
      visible: false,
      reason: 'below-threshold',
      voters: 4,
      needed: 1,
    });
  });

  test('shows results from exactly five voters with whole percentages', () => {
    const results = pollResults(poll(), tally([3, 1, 1], 5), 5);
    expect(results).toEqual({
      visible: true,
      voters: 5,
      rows: [
        { label: 'Ja', count: 3, percent: 60 },
        { label: 'Nein', count: 1, percent: 20 },
        { label: 'Egal', count: 1, percent: 20 },
      ],
    });
  });

  test('rounds percentages to whole numbers', () => {
    const results = pollResults(poll(), tally([1, 1, 1], 3), 3);
    expect(results.visible && results.rows.map((r) => r.percent)).toEqual([33, 33, 33]);
  });

  test('hides an open anonymous poll even above the threshold', () => {
    expect(pollResults(poll({ anonymous: true }), tally([10, 5, 5], 20), 5)).toEqual({
      visible: false,
      reason: 'anonymous-open',
      voters: 20,
      needed: 0,
    });
  });

  test('shows a closed anonymous poll from the threshold on', () => {
    expect(pollResults(poll({ anonymous: true, status: 'closed' }), tally([4, 1, 0], 5), 5).visible).toBe(true);
  });

  test('hides a closed anonymous poll below the threshold', () => {
    expect(pollResults(poll({ anonymous: true, status: 'closed' }), tally([2, 1, 0], 3), 5)).toMatchObject({
      visible: false,
      reason: 'below-threshold',
      needed: 2,
    });
  });

  test('applies the floor of three voters when a lower group size is configured', () => {
    expect(effectiveMinGroupSize(1)).toBe(MIN_GROUP_FLOOR);
    expect(pollResults(poll(), tally([1, 1, 0], 2), 1)).toMatchObject({
      visible: false,
      reason: 'below-threshold',
      needed: 1,
    });
    expect(pollResults(poll(), tally([2, 1, 0], 3), 1).visible).toBe(true);
  });

  test('shows the average of a rating with one decimal', () => {
    const results = pollResults(poll({ pollKind: 'rating', options: [] }), tally([0, 1, 2, 2, 1], 6), 5);
    // (2 + 6 + 8 + 5) / 6 = 3.5
    expect(results).toMatchObject({ visible: true, average: 3.5 });
    expect(results.visible && results.rows.map((r) => r.label)).toEqual(['1', '2', '3', '4', '5']);
  });

  test('gives a choice poll no average', () => {
    expect(pollResults(poll(), tally([5, 0, 0], 5), 5)).not.toHaveProperty('average');
  });

  test('takes percentages of voters in a multi-choice poll, so they may sum over 100', () => {
    const results = pollResults(poll({ pollKind: 'multi' }), tally([5, 5, 0], 5), 5);
    expect(results.visible && results.rows.map((r) => r.percent)).toEqual([100, 100, 0]);
  });
});

describe('applyVote as a property', () => {
  const OPTIONS = 4;
  const choiceSet = fc.uniqueArray(fc.integer({ min: 0, max: OPTIONS - 1 }), { minLength: 1, maxLength: OPTIONS });
  const votes = fc.array(fc.record({ voter: fc.integer({ min: 0, max: 7 }), choices: choiceSet }), { maxLength: 60 });

  test("yields counts equal to a recount of each voter's final choices and one voter per distinct person", () => {
    fc.assert(
      fc.property(votes, (sequence) => {
        const last = new Map<number, number[]>();
        let t = emptyTally(OPTIONS);
        for (const { voter, choices } of sequence) {
          t = applyVote(t, last.get(voter), choices);
          last.set(voter, choices);
        }
        const recount = new Array<number>(OPTIONS).fill(0);
        for (const choices of last.values()) for (const c of choices) recount[c] = (recount[c] ?? 0) + 1;
        expect(t.counts).toEqual(recount);
        expect(t.voters).toBe(last.size);
      }),
      { numRuns: 300 },
    );
  });
});
