import { describeProblem } from '../problems';
import { IDEA_VERBS, isIdeaVerb, parseIdeaPayload, statusInputIds } from './idea-actions';

describe('parseIdeaPayload', () => {
  test('reads support and volunteer switches from button data', () => {
    expect(parseIdeaPayload(IDEA_VERBS.ideaSupport, { ideaId: 'i-1', on: true })).toEqual({
      ok: true,
      value: { ideaId: 'i-1', on: true },
    });
    expect(parseIdeaPayload(IDEA_VERBS.ideaVolunteer, { ideaId: 'i-1', on: 'false' })).toEqual({
      ok: true,
      value: { ideaId: 'i-1', on: false },
    });
  });

  test('refuses a missing switch or a malformed idea id', () => {
    expect(parseIdeaPayload(IDEA_VERBS.ideaSupport, { ideaId: 'i-1' })).toMatchObject({
      ok: false,
      problem: { key: 'errInvalidPayload' },
    });
    expect(parseIdeaPayload(IDEA_VERBS.ideaSupport, { ideaId: '../x y', on: true })).toMatchObject({
      ok: false,
      problem: { key: 'errInvalidPayload' },
    });
    expect(parseIdeaPayload(IDEA_VERBS.ideaSupport, null)).toMatchObject({ ok: false });
  });

  test('reads a status change from the numbered inputs named by the button', () => {
    const ids = statusInputIds(3);
    const data = {
      ideaId: 'idea_7',
      input: ids.input,
      [ids.status]: 'declined',
      [ids.note]: ' zu teuer ',
      i1s: 'accepted',
      i1n: '',
    };
    expect(parseIdeaPayload(IDEA_VERBS.ideaStatus, data)).toEqual({
      ok: true,
      value: { ideaId: 'idea_7', status: 'declined', note: 'zu teuer' },
    });
  });

  test('reads a status change with plain status and note', () => {
    expect(parseIdeaPayload(IDEA_VERBS.ideaStatus, { ideaId: 'x', status: 'accepted', note: '' })).toEqual({
      ok: true,
      value: { ideaId: 'x', status: 'accepted', note: '' },
    });
  });

  test('asks for a note when declining without one', () => {
    const outcome = parseIdeaPayload(IDEA_VERBS.ideaStatus, { ideaId: 'x', input: 'i0', i0s: 'declined', i0n: '' });
    expect(outcome).toEqual({ ok: false, problem: { key: 'errIdeaNoteRequired', args: [] } });
  });

  test('names the limit when the note is too long', () => {
    const outcome = parseIdeaPayload(IDEA_VERBS.ideaStatus, { ideaId: 'x', status: 'done', note: 'x'.repeat(501) });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(describeProblem('de', outcome.problem)).toBe('Die Notiz ist zu lang (höchstens 500 Zeichen).');
  });

  test('accepts a follow-up poll of 2 to 10 ideas with 1 to topN picks, numbers or digit strings', () => {
    expect(parseIdeaPayload(IDEA_VERBS.followUpPoll, { itemId: 'abc-1', topN: '5', maxPicks: 3 })).toEqual({
      ok: true,
      value: { itemId: 'abc-1', topN: 5, maxPicks: 3 },
    });
    expect(parseIdeaPayload(IDEA_VERBS.followUpPoll, { itemId: 'abc-1', topN: 10, maxPicks: 10 }).ok).toBe(true);
  });

  test('refuses a follow-up poll outside the limits with the limits in the message', () => {
    const topN = parseIdeaPayload(IDEA_VERBS.followUpPoll, { itemId: 'abc', topN: 11, maxPicks: 1 });
    expect(topN).toEqual({ ok: false, problem: { key: 'errFollowUpTopN', args: [2, 10] } });
    const picks = parseIdeaPayload(IDEA_VERBS.followUpPoll, { itemId: 'abc', topN: 4, maxPicks: 5 });
    expect(picks).toEqual({ ok: false, problem: { key: 'errFollowUpMaxPicks', args: [4] } });
    expect(parseIdeaPayload(IDEA_VERBS.followUpPoll, { itemId: 'abc', topN: 4, maxPicks: 0 })).toMatchObject({
      ok: false,
      problem: { key: 'errFollowUpMaxPicks' },
    });
    expect(parseIdeaPayload(IDEA_VERBS.followUpPoll, { itemId: 'ABC', topN: 4, maxPicks: 1 })).toMatchObject({
      ok: false,
      problem: { key: 'errInvalidPayload' },
    });
  });

  test('accepts campaign ids in the slug shape only', () => {
    expect(parseIdeaPayload(IDEA_VERBS.exportCampaign, { campaignId: 'gute-arbeit' }).ok).toBe(true);
    expect(parseIdeaPayload(IDEA_VERBS.exportCampaign, { campaignId: '-x' }).ok).toBe(false);
  });

  test('knows its own verbs only', () => {
    expect(Object.values(IDEA_VERBS).every(isIdeaVerb)).toBe(true);
    expect(isIdeaVerb('mitwirken.vote')).toBe(false);
  });
});
