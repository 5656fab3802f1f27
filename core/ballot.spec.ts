import { ballotProblem } from './items';

const single = { kind: 'poll' as const, pollKind: 'single' as const, options: ['a', 'b', 'c'] };
const multi = { kind: 'poll' as const, pollKind: 'multi' as const, options: ['a', 'b', 'c'], maxChoices: 2 };

describe('ballotProblem', () => {
  test('accepts one choice among the options of a single-choice poll, and up to maxChoices of a multiple-choice one', () => {
    expect(ballotProblem(single, [2])).toBeUndefined();
    expect(ballotProblem(multi, [0, 2])).toBeUndefined();
    expect(ballotProblem({ kind: 'poll', pollKind: 'rating', options: [] }, [4])).toBeUndefined();
  });

  test('refuses choices outside the options, none or several on a single-choice poll, and more than maxChoices', () => {
    expect(ballotProblem(single, [3])).toEqual({ key: 'errChoiceOutOfRange' });
    expect(ballotProblem(single, [-1])).toEqual({ key: 'errChoiceOutOfRange' });
    expect(ballotProblem(single, [0.5])).toEqual({ key: 'errChoiceOutOfRange' });
    expect(ballotProblem({ kind: 'poll', pollKind: 'rating', options: [] }, [5])).toEqual({
      key: 'errChoiceOutOfRange',
    });
    expect(ballotProblem(single, [0, 1])).toEqual({ key: 'errInvalidPayload' });
    expect(ballotProblem(single, [])).toEqual({ key: 'errInvalidPayload' });
    expect(ballotProblem(multi, [0, 1, 2])).toEqual({ key: 'errTooManyChoices', args: [2] });
  });
});
