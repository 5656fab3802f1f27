import pino from 'pino';
import type { TeamRecord } from '../core/installations';
import type { Member } from '../core/people';
import { ROSTER_TTL_MS, TeamMembership } from './team-membership';

const team = (teamId: string): TeamRecord => ({
  teamId,
  name: teamId,
  serviceUrl: 'http://127.0.0.1/',
  active: true,
  reference: { serviceUrl: 'http://127.0.0.1/', channelId: 'msteams', conversation: { id: teamId }, bot: { id: 'bot' } },
  updatedAt: new Date(0),
});

/** a roster that answers from a table and counts how often Teams was asked. */
function fakeRoster(members: Record<string, Member[] | Error>) {
  const calls: string[] = [];
  return {
    calls,
    members: async (t: TeamRecord) => {
      calls.push(t.teamId);
      const found = members[t.teamId] ?? [];
      if (found instanceof Error) throw found;
      return found;
    },
  };
}

const anna: Member = { aadObjectId: 'aad-anna', name: 'Anna Becker', userId: '29:anna' };
const log = pino({ level: 'silent' });

describe('TeamMembership', () => {
  test('finds a member and the teams that list a person, in the order given', async () => {
    const roster = fakeRoster({ a: [anna], b: [], c: [anna] });
    const membership = new TeamMembership(roster, log, () => new Date(0));
    expect(await membership.member(team('a'), 'aad-anna')).toEqual(anna);
    expect(await membership.member(team('b'), 'aad-anna')).toBeUndefined();
    expect((await membership.teamsOf([team('c'), team('b'), team('a')], 'aad-anna')).map((t) => t.teamId)).toEqual(['c', 'a']);
  });

  test('reads a roster once while it is fresh, and again once it is older than the time to live', async () => {
    const roster = fakeRoster({ a: [anna] });
    let now = 0;
    const membership = new TeamMembership(roster, log, () => new Date(now));
    await Promise.all([membership.member(team('a'), 'x'), membership.member(team('a'), 'y')]);
    now = ROSTER_TTL_MS - 1;
    await membership.member(team('a'), 'aad-anna');
    expect(roster.calls).toEqual(['a']);
    now = ROSTER_TTL_MS;
    await membership.member(team('a'), 'aad-anna');
    expect(roster.calls).toEqual(['a', 'a']);
  });

  test('reads a roster Teams refuses as empty, and asks again next time instead of keeping the failure', async () => {
    const members: Record<string, Member[] | Error> = { a: new Error('403') };
    const roster = fakeRoster(members);
    const membership = new TeamMembership(roster, log, () => new Date(0));
    expect(await membership.member(team('a'), 'aad-anna')).toBeUndefined();
    members.a = [anna];
    expect(await membership.member(team('a'), 'aad-anna')).toEqual(anna);
    expect(roster.calls).toEqual(['a', 'a']);
  });
});
