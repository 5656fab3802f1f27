import type { Organisation, OrgUnit } from './org-units';
import {
  protectAcrossLevels,
  rollUpParticipation,
  rollUpPolls,
  type RollupPollAnswer,
  type RollupTeamFigures,
} from './unit-rollup';

const MIN = 5;
const unit = (id: string, parentId: string | undefined, teamIds: string[]): OrgUnit => ({
  id,
  name: id,
  ...(parentId && { parentId }),
  teamIds,
  leaderIds: [],
});
const figures = (...teams: Array<[string, number, number | undefined]>): Map<string, RollupTeamFigures> =>
  new Map(
    teams.map(([teamId, participants, members]) => [teamId, { teamId, teamName: teamId, participants, members }]),
  );

/** Amt → Abteilung A (Sachgebiet A1: t1, Sachgebiet A2: t2) and Abteilung B (t3). */
const AMT: Organisation = {
  units: [
    unit('amt', undefined, []),
    unit('a', 'amt', []),
    unit('a1', 'a', ['t1']),
    unit('a2', 'a', ['t2']),
    unit('b', 'amt', ['t3']),
  ],
};

describe('protectAcrossLevels', () => {
  const team = (id: string, count: number, shownAlone = true) => ({ id, count, teams: 1, shownAlone, children: [] });
  const safe = (r: { count: number }) => r.count === 0 || r.count >= MIN;

  test('a unit whose remainder after its shown groups is more than none and fewer than the minimum is not shown', () => {
    const unitNode = {
      id: 'u',
      count: 12,
      teams: 2,
      shownAlone: true,
      children: [team('big', 10), team('small', 2, false)],
    };
    expect([...protectAcrossLevels(unitNode, safe)]).toEqual(['big']);
  });

  test('a remainder of nobody, or of at least the minimum, keeps the unit shown', () => {
    const none = { id: 'u', count: 10, teams: 2, shownAlone: true, children: [team('big', 10), team('s', 0, false)] };
    expect(protectAcrossLevels(none, safe).has('u')).toBe(true);
    const enough = { id: 'u', count: 15, teams: 2, shownAlone: true, children: [team('big', 10), team('s', 5, false)] };
    expect(protectAcrossLevels(enough, safe).has('u')).toBe(true);
  });
});

describe('rollUpParticipation', () => {
  test('three levels: a small Sachgebiet is hidden and counted upward; its Abteilung and the Amt are banded', () => {
    // t1: 12 of 20, t2: 2 of 3 (too small to show), t3: 10 of 20.
    const r = rollUpParticipation(AMT, 'amt', figures(['t1', 12, 20], ['t2', 2, 3], ['t3', 10, 20]), MIN)!;
    expect(r.teamCount).toBe(3);
    expect(r.hiddenGroups).toBe(1);
    expect(r.rows.map((row) => [row.depth, row.id])).toEqual([
      [1, 'a'],
      [2, 'a1'],
      [3, 't1'],
      [1, 'b'],
      [2, 't3'],
    ]);
    const byId = new Map(r.rows.map((row) => [row.id, row.participation]));
    expect(byId.get('a1')).toEqual({ shown: 'exact', participants: 12, members: 20, percent: 60 });
    expect(byId.get('b')).toEqual({ shown: 'exact', participants: 10, members: 20, percent: 50 });
    // Abteilung A would be 14 of 23; minus Sachgebiet A1's 12 it would tell Sachgebiet A2's 2 of 3.
    expect(byId.get('a')).toEqual({ shown: 'banded', atLeast: 12, members: 23 });
    // differencing across levels refused: the Amt's 24 minus A1's 12 and B's 10 would tell the same 2 of 3.
    expect(r.participation).toEqual({ shown: 'banded', atLeast: 22, members: 43 });
  });

  test('small teams whose remainder is shown exactly on its own count upward, and the unit stays exact', () => {
    const org: Organisation = { units: [unit('u', undefined, ['x', 'y', 'z'])] };
    const r = rollUpParticipation(org, 'u', figures(['x', 12, 20], ['y', 4, 4], ['z', 4, 4]), MIN)!;
    expect(r.participation).toEqual({ shown: 'exact', participants: 20, members: 28, percent: 71 });
    expect(r.rows.map((row) => row.id)).toEqual(['x']);
    expect(r.hiddenGroups).toBe(2);
  });

  test('a unit of only small teams shows only what the team rule allows for the whole unit', () => {
    const org: Organisation = { units: [unit('u', undefined, ['w', 'y', 'z'])] };
    const r = rollUpParticipation(org, 'u', figures(['w', 0, 4], ['y', 3, 4], ['z', 2, 4]), MIN)!;
    expect(r.participation).toEqual({ shown: 'exact', participants: 5, members: 12, percent: 42 });
    expect(r.rows).toEqual([]);
    expect(r.hiddenGroups).toBe(3);
    // 10 of 12: the 2 who stayed away are too few to be told, as for a team.
    const most = rollUpParticipation(org, 'u', figures(['w', 4, 4], ['y', 3, 4], ['z', 3, 4]), MIN)!;
    expect(most.participation).toEqual({ shown: 'range', from: 8, to: 11, members: 12 });
  });

  test('a team of unknown size is not shown alone; a team the reader sees exactly elsewhere counts as known', () => {
    const org: Organisation = { units: [unit('u', undefined, ['x', 'q', 's'])] };
    const f = figures(['x', 12, 20], ['q', 9, undefined], ['s', 2, 3]);
    // q's size is unknown, so the unit's size is too: 23 people, the remainder q+s (11) passes on its own.
    expect(rollUpParticipation(org, 'u', f, MIN)!.participation).toEqual({ shown: 'exact', participants: 23 });
    // the reader leads q and sees its 9 in the team section: the unit minus x and q would tell s's 2.
    expect(rollUpParticipation(org, 'u', f, MIN, new Set(['q']))!.participation).toEqual({
      shown: 'banded',
      atLeast: 21,
    });
  });

  test('an unknown unit gives nothing', () => {
    expect(rollUpParticipation(AMT, 'nope', figures(), MIN)).toBeUndefined();
  });
});

describe('rollUpPolls', () => {
  const answer = (teamId: string, counts: number[], over: Partial<RollupPollAnswer> = {}): RollupPollAnswer => ({
    teamId,
    itemId: `i-${teamId}`,
    question: 'Wie ist die Stimmung?',
    kind: 'poll',
    pollKind: 'single',
    anonymous: true,
    options: ['gut', 'schlecht'],
    createdBy: 'campaign:puls',
    tally: { counts, voters: counts.reduce((a, c) => a + c, 0) },
    ...over,
  });
  const sizes = new Map<string, number | undefined>([
    ['t1', 20],
    ['t2', 3],
    ['t3', 20],
  ]);

  test('a campaign poll sums over the teams below; teams below the threshold count in the unit result', () => {
    const org: Organisation = { units: [unit('u', undefined, ['t2', 't3'])] };
    const [r] = rollUpPolls(org, 'u', [answer('t2', [1, 2]), answer('t3', [1, 1])], sizes, MIN);
    expect(r).toMatchObject({ teams: 2, suppressed: false, results: { visible: true, voters: 5 } });
  });

  test('differencing across levels refused: the unit result minus the shown results below would tell a small group', () => {
    // t1 and t3 show their own results (6 and 5 voters); t2's 2 voters would be the Amt's 13 minus them.
    const results = rollUpPolls(
      AMT,
      'amt',
      [answer('t1', [4, 2]), answer('t2', [1, 1]), answer('t3', [3, 2])],
      sizes,
      MIN,
    );
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ suppressed: true, results: { visible: true, voters: 13 } });
  });

  test('polls a team posted on its own and questions that differ are not summed', () => {
    const org: Organisation = { units: [unit('u', undefined, ['t1', 't3'])] };
    const results = rollUpPolls(
      org,
      'u',
      [answer('t1', [4, 2], { createdBy: 'aad-someone' }), answer('t3', [3, 2], { question: 'Anders?' })],
      sizes,
      MIN,
    );
    expect(results.map((r) => [r.question, r.teams])).toEqual([['Anders?', 1]]);
  });
});
