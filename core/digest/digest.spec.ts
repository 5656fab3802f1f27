import { assembleDigest, DIGEST_LIMITS, type DigestTeamInput } from './digest';
import { trendWeeks } from './digest-week';
import { ideaViewMaker, SAMPLE_WEEK, sampleDigestInput, sampleDigestTeam } from '../../test/support/sample-items';

const WEEK = SAMPLE_WEEK;
const weeks = trendWeeks(WEEK);
const idea = ideaViewMaker({ from: new Date(Date.UTC(2026, 10, 23, 9)), promptParticipants: 8 });
const team = sampleDigestTeam;
const input = sampleDigestInput;
const only = (t: DigestTeamInput) => assembleDigest(input([t])).teams[0]!;

describe('assembleDigest', () => {
  test('reports the week with its number and local period', () => {
    const d = assembleDigest(input([team()]));
    expect(d).toMatchObject({ week: WEEK, weekNumber: 48, interim: false, minGroupSize: 5 });
    expect(d.period.start.toISOString()).toBe('2026-11-22T23:00:00.000Z');
  });

  test('shows participation with the change against last week', () => {
    const t = only(team({ participantsByWeek: { [weeks[6]!]: 8, [WEEK]: 12 } }));
    expect(t.participation).toEqual({ shown: 'exact', participants: 12, members: 20, percent: 60 });
    expect(t.change).toEqual({ people: 4, percentPoints: 20 });
  });

  test('hides small counts in the current week, the change and the trend', () => {
    const t = only(team({ participantsByWeek: { [weeks[6]!]: 8, [WEEK]: 4 } }));
    expect(t.participation).toEqual({ shown: 'fewerThan', threshold: 5, members: 20 });
    expect(t.change).toBeUndefined();
    expect(t.trend.map((p) => p.participants)).toEqual([null, null, null, null, null, null, 8, null]);
    expect(t.trend.map((p) => p.weekNumber)).toEqual([41, 42, 43, 44, 45, 46, 47, 48]);
  });

  test('shows an 8-week trend in percent when the team size is known', () => {
    expect(only(team()).trend.map((p) => p.percent)).toEqual(new Array(8).fill(50));
    expect(only(team({ memberCount: undefined })).trend.map((p) => p.percent)).toEqual(new Array(8).fill(null));
  });

  test('lists the five most supported new ideas, ties older first', () => {
    const ideas = [1, 7, 3, 7, 0, 9, 2].map((supportCount) => idea({ supportCount }));
    const t = only(team({ newIdeas: ideas }));
    expect(t.newIdeaCount).toBe(7);
    expect(t.topIdeas.map((i) => i.supportCount)).toEqual([9, 7, 7, 3, 2]);
    expect(t.topIdeas[1]!.ideaId).toBe(ideas[1]!.ideaId);
    expect(t.topIdeas).toHaveLength(DIGEST_LIMITS.topIdeas);
  });

  test('shows volunteers and the author by name on named ideas only', () => {
    const named = idea({ authorName: 'Ben', volunteers: [{ name: 'Cem' }, { name: 'Dora' }], supportCount: 2 });
    const anon = idea({ anonymous: true, authorName: 'Leak', volunteers: [{ name: 'Eva' }], supportCount: 1 });
    const [a, b] = only(team({ newIdeas: [named, anon] })).topIdeas;
    expect(a).toMatchObject({ authorName: 'Ben', volunteerNames: ['Cem', 'Dora'], volunteerCount: 2 });
    expect(b).toMatchObject({ anonymous: true, volunteerNames: [], volunteerCount: 1 });
    expect(b).not.toHaveProperty('authorName');
    expect(JSON.stringify(b)).not.toMatch(/Leak|Eva/);
  });

  test('leaves out anonymous ideas of prompts with fewer than five participants', () => {
    const t = only(
      team({ newIdeas: [idea({ anonymous: true, promptParticipants: 4 }), idea({ promptParticipants: 1 })] }),
    );
    expect(t.newIdeaCount).toBe(2);
    expect(t.topIdeas).toHaveLength(1);
    expect(t.topIdeas[0]!.anonymous).toBe(false);
  });

  test('offers the allowed next statuses per idea', () => {
    expect(only(team({ newIdeas: [idea({ status: 'done' })] })).topIdeas[0]!.nextStatuses).toEqual(['inProgress']);
  });

  test('shows results of polls closed in the week under the thresholds of pollResults', () => {
    const poll = {
      question: 'Q',
      kind: 'poll' as const,
      pollKind: 'single' as const,
      anonymous: true,
      options: ['a', 'b'],
      participants: 6,
    };
    const t = only(
      team({
        closedItems: [
          { ...poll, itemId: 'p1', tally: { counts: [4, 2], voters: 6 }, closedAt: new Date('2026-11-25T10:00:00Z') },
          { ...poll, itemId: 'p2', tally: { counts: [2, 2], voters: 4 }, closedAt: new Date('2026-11-24T10:00:00Z') },
          { ...poll, itemId: 'old', tally: { counts: [4, 2], voters: 6 }, closedAt: new Date('2026-11-22T22:59:00Z') },
          {
            ...poll,
            itemId: 'idea',
            kind: 'idea',
            options: [],
            participants: 3,
            closedAt: new Date('2026-11-29T22:59:00Z'),
          },
        ],
      }),
    );
    expect(t.closed.map((c) => c.itemId)).toEqual(['p2', 'p1', 'idea']);
    expect(t.closed[0]).toMatchObject({ kind: 'poll', results: { visible: false, reason: 'below-threshold' } });
    expect(t.closed[1]).toMatchObject({
      kind: 'poll',
      results: {
        visible: true,
        voters: 6,
        rows: [
          { label: 'a', count: 4, percent: 67 },
          { label: 'b', count: 2, percent: 33 },
        ],
      },
    });
    expect(t.closed[2]).toMatchObject({ kind: 'idea', participants: null });
  });

  test('lists open items soonest closing first, those without an end last', () => {
    const t = only(
      team({
        openItems: [
          { itemId: 'a', question: 'A' },
          { itemId: 'b', question: 'B', closesAt: new Date('2026-12-03T10:00:00Z') },
          { itemId: 'c', question: 'C', closesAt: new Date('2026-12-01T10:00:00Z') },
        ],
      }),
    );
    expect(t.open.map((o) => o.itemId)).toEqual(['c', 'b', 'a']);
  });

  test('caps long lists and says how many more there are', () => {
    const openItems = Array.from({ length: 8 }, (_, i) => ({ itemId: `o${i}`, question: `Q${i}` }));
    const t = only(team({ openItems }));
    expect(t.open).toHaveLength(DIGEST_LIMITS.openItems);
    expect(t.openMore).toBe(3);
  });
});
