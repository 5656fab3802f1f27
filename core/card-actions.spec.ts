import { isVerb, parsePayload, VERBS } from './card-actions';

const ITEM = '3f2b8c1e-0d4a-4e8b-9c7f-1a2b3c4d5e6f';
const draft = { kind: 'poll', pollKind: 'single', question: 'Frage?', options: ['a', 'b'], anonymous: false };

describe('parsePayload for votes', () => {
  test('accepts a numeric choice', () => {
    expect(parsePayload(VERBS.vote, { itemId: ITEM, choice: 2 })).toEqual({
      ok: true,
      value: { itemId: ITEM, choices: [2] },
    });
  });

  test('accepts a choice sent as a string by an Input.ChoiceSet', () => {
    expect(parsePayload(VERBS.vote, { itemId: ITEM, choice: '3' })).toEqual({
      ok: true,
      value: { itemId: ITEM, choices: [3] },
    });
  });

  test('reads a multi-choice selection "0,2" as two choices', () => {
    expect(parsePayload(VERBS.vote, { itemId: ITEM, choices: '0,2' })).toEqual({
      ok: true,
      value: { itemId: ITEM, choices: [0, 2] },
    });
  });

  test('removes duplicates from a multi-choice selection', () => {
    expect(parsePayload(VERBS.vote, { itemId: ITEM, choices: '2, 0,2,0' })).toEqual({
      ok: true,
      value: { itemId: ITEM, choices: [2, 0] },
    });
  });

  test('refuses a vote without an item id with errInvalidPayload', () => {
    expect(parsePayload(VERBS.vote, { choice: 1 })).toEqual({
      ok: false,
      problem: { key: 'errInvalidPayload', args: [] },
    });
  });

  test('refuses a numeric item id with errInvalidPayload', () => {
    expect(parsePayload(VERBS.vote, { itemId: 42, choice: 1 })).toMatchObject({
      ok: false,
      problem: { key: 'errInvalidPayload' },
    });
  });

  test.each(['ABC-def', 'a/b', "x' or 1=1", 'a b', '', 'a'.repeat(65)])(
    'refuses the item id %j with errInvalidPayload',
    (itemId) => {
      expect(parsePayload(VERBS.vote, { itemId, choice: 0 })).toMatchObject({
        ok: false,
        problem: { key: 'errInvalidPayload' },
      });
    },
  );

  test('refuses a vote without any choice with errNoChoice', () => {
    expect(parsePayload(VERBS.vote, { itemId: ITEM })).toMatchObject({ ok: false, problem: { key: 'errNoChoice' } });
  });

  test('refuses an empty multi-choice selection with errNoChoice', () => {
    expect(parsePayload(VERBS.vote, { itemId: ITEM, choices: '  ' })).toMatchObject({
      ok: false,
      problem: { key: 'errNoChoice' },
    });
  });

  // BUG: core/card-actions.ts optionIndex uses z.coerce.number, which turns '' (and null, true) into 0 or 1.
  test('refuses an empty single choice from a choice list with errNoChoice instead of voting for the first option', () => {
    expect(parsePayload(VERBS.vote, { itemId: ITEM, choice: '' })).toMatchObject({
      ok: false,
      problem: { key: 'errNoChoice' },
    });
  });

  test.each(['a,b', '1,', '0;2', '-1', '100', '1.5'])(
    'refuses the garbled selection %j with errInvalidPayload',
    (choices) => {
      expect(parsePayload(VERBS.vote, { itemId: ITEM, choices })).toMatchObject({
        ok: false,
        problem: { key: 'errInvalidPayload' },
      });
    },
  );

  test('refuses a selection longer than 200 characters with errInvalidPayload', () => {
    expect(parsePayload(VERBS.vote, { itemId: ITEM, choices: '1,'.repeat(120) + '1' })).toMatchObject({
      ok: false,
      problem: { key: 'errInvalidPayload' },
    });
  });

  test.each([1.5, 'zwei', {}])('refuses the choice %j with errInvalidPayload', (choice) => {
    expect(parsePayload(VERBS.vote, { itemId: ITEM, choice })).toMatchObject({
      ok: false,
      problem: { key: 'errInvalidPayload' },
    });
  });

  test('refuses a missing payload with errInvalidPayload instead of throwing', () => {
    expect(parsePayload(VERBS.vote, undefined)).toMatchObject({ ok: false, problem: { key: 'errInvalidPayload' } });
  });
});

describe('parsePayload for ideas', () => {
  test('accepts an idea and trims it', () => {
    expect(parsePayload(VERBS.submitIdea, { itemId: ITEM, ideaText: '  Mehr Homeoffice  ' })).toEqual({
      ok: true,
      value: { itemId: ITEM, ideaText: 'Mehr Homeoffice' },
    });
  });

  test('refuses an empty idea with errIdeaEmpty', () => {
    expect(parsePayload(VERBS.submitIdea, { itemId: ITEM, ideaText: '' })).toMatchObject({
      ok: false,
      problem: { key: 'errIdeaEmpty' },
    });
  });

  test('refuses an idea of only whitespace with errIdeaEmpty', () => {
    expect(parsePayload(VERBS.submitIdea, { itemId: ITEM, ideaText: ' \n\t ' })).toMatchObject({
      ok: false,
      problem: { key: 'errIdeaEmpty' },
    });
  });

  test('refuses a missing idea text with errIdeaEmpty', () => {
    expect(parsePayload(VERBS.submitIdea, { itemId: ITEM })).toMatchObject({
      ok: false,
      problem: { key: 'errIdeaEmpty' },
    });
  });

  test('accepts an idea of exactly 1000 characters', () => {
    expect(parsePayload(VERBS.submitIdea, { itemId: ITEM, ideaText: 'i'.repeat(1000) }).ok).toBe(true);
  });

  test('refuses an idea of 1001 characters with errIdeaTooLong and the limit 1000', () => {
    expect(parsePayload(VERBS.submitIdea, { itemId: ITEM, ideaText: 'i'.repeat(1001) })).toEqual({
      ok: false,
      problem: { key: 'errIdeaTooLong', args: [1000] },
    });
  });
});

describe('parsePayload for posting and refreshing', () => {
  test('accepts a valid draft and target and normalises the draft', () => {
    const parsed = parsePayload(VERBS.postTo, { draft: { ...draft, options: [' a ', 'b'] }, target: 'team|channel' });
    expect(parsed).toEqual({ ok: true, value: { draft: { ...draft, options: ['a', 'b'] }, target: 'team|channel' } });
  });

  test('refuses a draft with one option with errTooFewOptions', () => {
    expect(parsePayload(VERBS.postTo, { draft: { ...draft, options: ['a'] }, target: 'team|channel' })).toMatchObject({
      ok: false,
      problem: { key: 'errTooFewOptions' },
    });
  });

  test('refuses a draft with an unknown kind with errInvalidPayload', () => {
    expect(parsePayload(VERBS.postTo, { draft: { ...draft, kind: 'survey' }, target: 'team|channel' })).toMatchObject({
      ok: false,
      problem: { key: 'errInvalidPayload' },
    });
  });

  test('refuses a target without a channel part with errUnknownTarget', () => {
    expect(parsePayload(VERBS.postTo, { draft, target: 'team-only' })).toMatchObject({
      ok: false,
      problem: { key: 'errUnknownTarget' },
    });
  });

  test('accepts a refresh with an item id and refuses one without', () => {
    expect(parsePayload(VERBS.refresh, { itemId: ITEM })).toEqual({ ok: true, value: { itemId: ITEM } });
    expect(parsePayload(VERBS.refresh, {})).toMatchObject({ ok: false, problem: { key: 'errInvalidPayload' } });
  });
});

describe('isVerb', () => {
  test('knows every verb the cards use', () => {
    expect(Object.values(VERBS).every((v) => isVerb(v))).toBe(true);
  });

  test.each(['mitwirken.delete', 'vote', '', 'MITWIRKEN.VOTE'])('does not know the verb %j', (verb) => {
    expect(isVerb(verb)).toBe(false);
  });

  test.each([undefined, null, 42, { verb: VERBS.vote }, [VERBS.vote]])(
    'does not take the non-string %j for a verb',
    (verb) => {
      expect(isVerb(verb)).toBe(false);
    },
  );
});

describe('parsePayload for the idea verbs', () => {
  const IDEA = 'VGVhbQ.2026-W10.0123456789abcdef';

  test('knows the idea verbs', () => {
    for (const verb of [
      VERBS.ideaSupport,
      VERBS.ideaVolunteer,
      VERBS.ideaStatus,
      VERBS.followUpPoll,
      VERBS.ideaForTeam,
      VERBS.ideasOfTeam,
    ])
      expect(isVerb(verb)).toBe(true);
  });

  test('reads support and volunteering with an explicit on/off, also as the strings a toggle sends', () => {
    expect(parsePayload(VERBS.ideaSupport, { ideaId: IDEA, on: true })).toEqual({
      ok: true,
      value: { ideaId: IDEA, on: true },
    });
    expect(parsePayload(VERBS.ideaVolunteer, { ideaId: IDEA, on: 'false' })).toEqual({
      ok: true,
      value: { ideaId: IDEA, on: false },
    });
    expect(parsePayload(VERBS.ideaSupport, { ideaId: IDEA })).toMatchObject({
      ok: false,
      problem: { key: 'errInvalidPayload' },
    });
  });

  test('reads a status change from the inputs a card names and refuses a decline without a note with the field message', () => {
    expect(
      parsePayload(VERBS.ideaStatus, { ideaId: IDEA, input: 'i2', i2s: 'accepted', i2n: ' Pilot ab April ' }),
    ).toEqual({ ok: true, value: { ideaId: IDEA, status: 'accepted', note: 'Pilot ab April' } });
    expect(parsePayload(VERBS.ideaStatus, { ideaId: IDEA, status: 'declined', note: '  ' })).toEqual({
      ok: false,
      problem: { key: 'errIdeaNoteRequired', args: [] },
    });
  });

  test('keeps the problem arguments of the idea schemas', () => {
    expect(parsePayload(VERBS.ideaStatus, { ideaId: IDEA, status: 'accepted', note: 'n'.repeat(501) })).toEqual({
      ok: false,
      problem: { key: 'errIdeaNoteTooLong', args: [500] },
    });
    expect(parsePayload(VERBS.followUpPoll, { itemId: ITEM, topN: 11, maxPicks: 3 })).toEqual({
      ok: false,
      problem: { key: 'errFollowUpTopN', args: [2, 10] },
    });
    expect(parsePayload(VERBS.followUpPoll, { itemId: ITEM, topN: '4', maxPicks: '5' })).toEqual({
      ok: false,
      problem: { key: 'errFollowUpMaxPicks', args: [4] },
    });
  });

  test('reads an idea for a chosen team and refuses a team id with a separator or control character', () => {
    expect(
      parsePayload(VERBS.ideaForTeam, { teamId: '19:a@thread.tacv2', ideaText: ' Rückruftag ', key: 'm1' }),
    ).toEqual({ ok: true, value: { teamId: '19:a@thread.tacv2', ideaText: 'Rückruftag', key: 'm1' } });
    expect(parsePayload(VERBS.ideaForTeam, { teamId: 'a|b', ideaText: 'x', key: 'm1' })).toMatchObject({
      ok: false,
      problem: { key: 'errUnknownTarget' },
    });
    expect(parsePayload(VERBS.ideasOfTeam, { teamId: 'a\u0000b' })).toMatchObject({
      ok: false,
      problem: { key: 'errUnknownTarget' },
    });
    expect(parsePayload(VERBS.ideaForTeam, { teamId: 'team', ideaText: '', key: 'm1' })).toMatchObject({
      ok: false,
      problem: { key: 'errIdeaEmpty' },
    });
  });
});
