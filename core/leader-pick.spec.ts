import { parsePayload, VERBS } from './card-actions';

describe('parsePayload for the leader picker', () => {
  test('reads the operation from the button and team and person from the choice inputs', () => {
    expect(parsePayload(VERBS.leaderPick, { op: 'add', teamId: ' 19:a@thread.tacv2 ', memberId: 'aad-anna' })).toEqual({
      ok: true,
      value: { op: 'add', teamId: '19:a@thread.tacv2', memberId: 'aad-anna' },
    });
  });

  test('asks for a choice when a choice input was left empty', () => {
    expect(parsePayload(VERBS.leaderPick, { op: 'remove', teamId: '19:a@thread.tacv2', memberId: '' })).toEqual({
      ok: false,
      problem: { key: 'errLeaderPickMissing', args: [] },
    });
    expect(parsePayload(VERBS.leaderPick, { op: 'add', memberId: 'aad-anna' })).toEqual({
      ok: false,
      problem: { key: 'errLeaderPickMissing', args: [] },
    });
  });

  test('refuses an unknown operation, spaces or control characters in ids, and overlong ids', () => {
    for (const data of [
      { op: 'promote', teamId: 't', memberId: 'm' },
      { op: 'add', teamId: 't t', memberId: 'm' },
      { op: 'add', teamId: 't', memberId: 'm\u0000' },
      { op: 'add', teamId: 't', memberId: 'm'.repeat(101) },
    ]) {
      expect(parsePayload(VERBS.leaderPick, data)).toEqual({
        ok: false,
        problem: { key: 'errInvalidPayload', args: [] },
      });
    }
  });
});

describe('parsePayload for the export', () => {
  test('reads a campaign id and refuses anything else', () => {
    expect(parsePayload(VERBS.exportCampaign, { campaignId: 'gute-arbeit-puls' })).toEqual({
      ok: true,
      value: { campaignId: 'gute-arbeit-puls' },
    });
    for (const data of [{ campaignId: 'Gute Arbeit' }, { campaignId: '../etc' }, {}, null]) {
      expect(parsePayload(VERBS.exportCampaign, data)).toMatchObject({
        ok: false,
        problem: { key: 'errInvalidPayload' },
      });
    }
  });
});
