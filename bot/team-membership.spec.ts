import pino from 'pino';
import type { TeamRecord } from '../core/installations';
import type { Member } from '../core/people';
import { ROSTER_REREAD_MS, ROSTER_RETRY_MS, ROSTER_STALE_MS, ROSTER_TTL_MS, TeamMembership } from './team-membership';

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

  test('reads a roster Teams refuses as empty, and asks again after a short pause instead of once per click', async () => {
    const members: Record<string, Member[] | Error> = { a: new Error('403') };
    const roster = fakeRoster(members);
    let now = 0;
    const membership = new TeamMembership(roster, log, () => new Date(now));
    expect(await membership.member(team('a'), 'aad-anna')).toBeUndefined();
    members.a = [anna];
    expect(await membership.member(team('a'), 'aad-anna')).toBeUndefined();
    expect(roster.calls).toEqual(['a']);
    now = ROSTER_RETRY_MS;
    expect(await membership.member(team('a'), 'aad-anna')).toEqual(anna);
    expect(roster.calls).toEqual(['a', 'a']);
  });

  test('tells a member, someone not on the roster, and a roster Teams does not give apart', async () => {
    const roster = fakeRoster({ a: [anna], b: new Error('503') });
    const membership = new TeamMembership(roster, log, () => new Date(0));
    expect(await membership.membership(team('a'), 'aad-anna')).toBe('member');
    expect(await membership.membership(team('a'), 'aad-otto')).toBe('not-member');
    expect(await membership.membership(team('b'), 'aad-anna')).toBe('unknown');
  });

  test('many checks at once share one read of the roster', async () => {
    const roster = fakeRoster({ a: [anna] });
    const membership = new TeamMembership(roster, log, () => new Date(0));
    const answers = await Promise.all(Array.from({ length: 1000 }, (_, i) => membership.membership(team('a'), i % 2 ? 'aad-anna' : `aad-${i}`)));
    expect(answers.filter((a) => a === 'member')).toHaveLength(500);
    expect(roster.calls).toEqual(['a']);
  });

  test('someone missing from a roster read over a minute ago gets it read again, once per team however many ask', async () => {
    const members: Record<string, Member[] | Error> = { a: [] };
    const roster = fakeRoster(members);
    let now = 0;
    const membership = new TeamMembership(roster, log, () => new Date(now));
    expect(await membership.membership(team('a'), 'aad-anna')).toBe('not-member');
    members.a = [anna]; // Anna joins the team
    now = ROSTER_REREAD_MS - 1;
    expect(await membership.membership(team('a'), 'aad-anna')).toBe('not-member');
    expect(roster.calls).toEqual(['a']);
    now = ROSTER_REREAD_MS;
    const [first, ...others] = await Promise.all([membership.membership(team('a'), 'aad-anna'), ...Array.from({ length: 5 }, (_, i) => membership.membership(team('a'), `aad-outsider-${i}`))]);
    expect(first).toBe('member');
    expect(others).toEqual(Array.from({ length: 5 }, () => 'not-member'));
    expect(roster.calls).toEqual(['a', 'a']);
    now = ROSTER_REREAD_MS + 1000;
    expect(await membership.membership(team('a'), 'aad-outsider-0')).toBe('not-member');
    expect(roster.calls).toEqual(['a', 'a']);
  });

  test('when Teams stops giving a roster, the last one read stands in for up to an hour', async () => {
    const members: Record<string, Member[] | Error> = { a: [anna] };
    const roster = fakeRoster(members);
    let now = 0;
    const membership = new TeamMembership(roster, log, () => new Date(now));
    expect(await membership.membership(team('a'), 'aad-anna')).toBe('member');
    members.a = new Error('503');
    now = ROSTER_TTL_MS;
    expect(await membership.membership(team('a'), 'aad-anna')).toBe('member');
    expect(await membership.membership(team('a'), 'aad-otto')).toBe('not-member');
    now = ROSTER_STALE_MS;
    expect(await membership.membership(team('a'), 'aad-anna')).toBe('unknown');
  });
});
