import pino from 'pino';
import type { ChannelKind, TeamRecord } from '../../core/installations';
import type { Member } from '../../core/people';
import { ROSTER_REREAD_MS, ROSTER_RETRY_MS, ROSTER_STALE_MS, ROSTER_TTL_MS, TeamMembership } from './team-membership';

const team = (teamId: string): TeamRecord => ({
  teamId,
  name: teamId,
  serviceUrl: 'http://127.0.0.1/',
  active: true,
  reference: {
    serviceUrl: 'http://127.0.0.1/',
    channelId: 'msteams',
    conversation: { id: teamId },
    bot: { id: 'bot' },
  },
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
    channelMembers: async (t: TeamRecord, channelId: string) => {
      calls.push(`${t.teamId}|${channelId}`);
      const found = members[`${t.teamId}|${channelId}`] ?? [];
      if (found instanceof Error) throw found;
      return found;
    },
  };
}

/** channels as stored: their kinds by `team|channel`, counting lookups. */
function storedChannels(kinds: Record<string, ChannelKind | undefined>) {
  const lookups: string[] = [];
  return {
    lookups,
    getChannel: async (teamId: string, channelId: string) => {
      lookups.push(`${teamId}|${channelId}`);
      const kind = kinds[`${teamId}|${channelId}`];
      return kind === undefined ? undefined : { kind };
    },
  };
}
const noChannels = storedChannels({});

const anna: Member = { aadObjectId: 'aad-anna', name: 'Anna Becker', userId: '29:anna' };
const log = pino({ level: 'silent' });

describe('TeamMembership', () => {
  test('finds a member and the teams that list a person, in the order given', async () => {
    const roster = fakeRoster({ a: [anna], b: [], c: [anna] });
    const membership = new TeamMembership(roster, noChannels, log, () => new Date(0));
    expect(await membership.member(team('a'), 'aad-anna')).toEqual(anna);
    expect(await membership.member(team('b'), 'aad-anna')).toBeUndefined();
    expect((await membership.teamsOf([team('c'), team('b'), team('a')], 'aad-anna')).map((t) => t.teamId)).toEqual([
      'c',
      'a',
    ]);
  });

  test('reads a roster once while it is fresh, and again once it is older than the time to live', async () => {
    const roster = fakeRoster({ a: [anna] });
    let now = 0;
    const membership = new TeamMembership(roster, noChannels, log, () => new Date(now));
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
    const membership = new TeamMembership(roster, noChannels, log, () => new Date(now));
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
    const membership = new TeamMembership(roster, noChannels, log, () => new Date(0));
    expect(await membership.membership(team('a'), 'aad-anna')).toBe('member');
    expect(await membership.membership(team('a'), 'aad-otto')).toBe('not-member');
    expect(await membership.membership(team('b'), 'aad-anna')).toBe('unknown');
  });

  test('many checks at once share one read of the roster', async () => {
    const roster = fakeRoster({ a: [anna] });
    const membership = new TeamMembership(roster, noChannels, log, () => new Date(0));
    const answers = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => membership.membership(team('a'), i % 2 ? 'aad-anna' : `aad-${i}`)),
    );
    expect(answers.filter((a) => a === 'member')).toHaveLength(500);
    expect(roster.calls).toEqual(['a']);
  });

  test('someone missing from a roster read over a minute ago gets it read again, once per team however many ask', async () => {
    const members: Record<string, Member[] | Error> = { a: [] };
    const roster = fakeRoster(members);
    let now = 0;
    const membership = new TeamMembership(roster, noChannels, log, () => new Date(now));
    expect(await membership.membership(team('a'), 'aad-anna')).toBe('not-member');
    members.a = [anna]; // Anna joins the team
    now = ROSTER_REREAD_MS - 1;
    expect(await membership.membership(team('a'), 'aad-anna')).toBe('not-member');
    expect(roster.calls).toEqual(['a']);
    now = ROSTER_REREAD_MS;
    const [first, ...others] = await Promise.all([
      membership.membership(team('a'), 'aad-anna'),
      ...Array.from({ length: 5 }, (_, i) => membership.membership(team('a'), `aad-outsider-${i}`)),
    ]);
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
    const membership = new TeamMembership(roster, noChannels, log, () => new Date(now));
    expect(await membership.membership(team('a'), 'aad-anna')).toBe('member');
    members.a = new Error('503');
    now = ROSTER_TTL_MS;
    expect(await membership.membership(team('a'), 'aad-anna')).toBe('member');
    expect(await membership.membership(team('a'), 'aad-otto')).toBe('not-member');
    now = ROSTER_STALE_MS;
    expect(await membership.membership(team('a'), 'aad-anna')).toBe('unknown');
  });

  describe('in channels with members of their own', () => {
    const bernd: Member = { aadObjectId: 'aad-bernd', name: 'Bernd Kaya', userId: '29:bernd' };

    test("a private channel answers from its own roster, not the team's", async () => {
      const roster = fakeRoster({ a: [anna, bernd], 'a|priv': [bernd] });
      const membership = new TeamMembership(roster, storedChannels({ 'a|priv': 'private' }), log, () => new Date(0));
      expect(await membership.membership(team('a'), 'aad-anna', 'priv')).toBe('not-member');
      expect(await membership.membership(team('a'), 'aad-bernd', 'priv')).toBe('member');
      expect(await membership.membership(team('a'), 'aad-anna')).toBe('member');
      expect(roster.calls.sort()).toEqual(['a', 'a|priv']);
    });

    test('a shared channel lists people who are not in the team', async () => {
      const guest: Member = { aadObjectId: 'aad-gast', name: 'Gast Extern' };
      const roster = fakeRoster({ a: [anna], 'a|shared': [anna, guest] });
      const membership = new TeamMembership(roster, storedChannels({ 'a|shared': 'shared' }), log, () => new Date(0));
      expect(await membership.membership(team('a'), 'aad-gast', 'shared')).toBe('member');
      expect(await membership.membership(team('a'), 'aad-gast')).toBe('not-member');
    });

    test("General and standard channels share the team's one read; a channel of unknown kind is read on its own", async () => {
      const roster = fakeRoster({ a: [anna], 'a|unknown': [anna] });
      const channels = storedChannels({ 'a|std': 'standard' });
      const membership = new TeamMembership(roster, channels, log, () => new Date(0));
      expect(await membership.membership(team('a'), 'aad-anna', 'a')).toBe('member');
      expect(await membership.membership(team('a'), 'aad-anna', 'std')).toBe('member');
      expect(await membership.membership(team('a'), 'aad-anna', 'unknown')).toBe('member');
      expect(roster.calls).toEqual(['a', 'a|unknown']);
      await membership.membership(team('a'), 'aad-anna', 'std');
      expect(channels.lookups).toEqual(['a|std', 'a|unknown']);
    });

    test("a channel roster Teams refuses (app not added to the channel) is unknown, never the team's instead", async () => {
      const roster = fakeRoster({ a: [anna], 'a|priv': new Error('403 app not added to channel') });
      const membership = new TeamMembership(roster, storedChannels({ 'a|priv': 'private' }), log, () => new Date(0));
      expect(await membership.membership(team('a'), 'aad-anna', 'priv')).toBe('unknown');
    });

    test('forgetting a channel reads its kind and roster again', async () => {
      const members: Record<string, Member[] | Error> = { a: [anna, bernd], 'a|priv': [bernd] };
      const kinds: Record<string, ChannelKind | undefined> = { 'a|priv': 'private' };
      const roster = fakeRoster(members);
      const membership = new TeamMembership(roster, storedChannels(kinds), log, () => new Date(0));
      expect(await membership.membership(team('a'), 'aad-anna', 'priv')).toBe('not-member');
      members['a|priv'] = [anna, bernd];
      expect(await membership.membership(team('a'), 'aad-anna', 'priv')).toBe('not-member');
      membership.forget('a', 'priv');
      expect(await membership.membership(team('a'), 'aad-anna', 'priv')).toBe('member');
      kinds['a|priv'] = 'standard';
      membership.forget('a', 'priv');
      members.a = [bernd];
      membership.forget('a');
      expect(await membership.membership(team('a'), 'aad-anna', 'priv')).toBe('not-member');
    });
  });
});
