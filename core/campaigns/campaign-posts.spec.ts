import { draftOf, postTimes, resolveTargets, type TargetTeam } from './campaign-posts';

const teams: TargetTeam[] = [
  {
    teamId: '19:a@thread.tacv2',
    teamName: 'Team Digitalisierung',
    channels: [{ channelId: '19:a-ideen@thread.tacv2', name: 'Ideen' }],
  },
  { teamId: '19:b@thread.tacv2', teamName: 'Team Leistung', channels: [{ channelId: '19:b@thread.tacv2', name: '' }] },
];

describe('resolveTargets', () => {
  test('posts into General of every team when the campaign targets all, using the team id as channel id', () => {
    expect(resolveTargets({ targets: { kind: 'all' }, channel: 'General' }, teams)).toEqual([
      { ok: true, teamId: '19:a@thread.tacv2', channelId: '19:a@thread.tacv2' },
      { ok: true, teamId: '19:b@thread.tacv2', channelId: '19:b@thread.tacv2' },
    ]);
  });

  test('finds teams by id or by name regardless of case and names each team only once', () => {
    const targets = resolveTargets(
      {
        targets: { kind: 'teams', teams: ['team leistung', '19:b@thread.tacv2', 'Team Digitalisierung'] },
        channel: 'ideen',
      },
      teams,
    );
    expect(targets).toEqual([
      {
        ok: false,
        teamId: '19:b@thread.tacv2',
        channelId: 'ideen',
        reason: "channel 'ideen' not found in team 'Team Leistung'",
      },
      { ok: true, teamId: '19:a@thread.tacv2', channelId: '19:a-ideen@thread.tacv2' },
    ]);
  });

  test('reports a team that is not installed by the name the campaign used', () => {
    expect(resolveTargets({ targets: { kind: 'teams', teams: ['Team X'] }, channel: 'General' }, teams)).toEqual([
      { ok: false, teamId: 'Team X', channelId: 'General', reason: "team 'Team X' not found" },
    ]);
  });
});

describe('draftOf', () => {
  test('keeps a poll single choice unless it allows several answers', () => {
    const poll = {
      type: 'poll' as const,
      id: 'p',
      question: 'Q?',
      options: ['a', 'b'],
      multiple: false,
      anonymous: false,
      schedule: { start: '2026-12-07T09:00' },
      openFor: 'P7D',
    };
    expect(draftOf(poll).pollKind).toBe('single');
    expect(draftOf({ ...poll, multiple: true }).pollKind).toBe('multi');
  });
});

describe('postTimes', () => {
  test('closes a post after openFor in calendar days across a DST change and reminds remindBefore earlier', () => {
    const times = postTimes(
      { openFor: 'P7D', remindBefore: 'PT2H' },
      new Date('2027-03-22T08:00:00Z'),
      'Europe/Berlin',
    );
    expect(times).toEqual({ closesAt: new Date('2027-03-29T07:00:00Z'), remindAt: new Date('2027-03-29T05:00:00Z') });
  });
});
