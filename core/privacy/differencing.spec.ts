import fc from 'fast-check';
import { assembleDigest, type DigestTeamInput } from '../digest/digest';
import { participationOf } from '../digest/participation';
import { campaignCsv, type CsvIdeaItem, type CsvPollItem } from '../export/csv';
import type { IdeaView } from '../ideas/idea-view';
import { isOpen, optionsOf, type Item, type PollKind } from '../items';
import { applyVote, effectiveMinGroupSize, emptyTally, ideaTextsVisible, pollResults, type Tally } from '../tally';

// The differencing rules as properties: no view of an anonymous item tells one person's answer, neither by
// comparing two moments (before and after one more answer) nor by comparing two groups.

const WEEK = '2026-W48';
const IN_WEEK = new Date('2026-11-25T10:00:00Z');
const NOW = new Date('2026-11-25T12:00:00Z');
const min = fc.integer({ min: 3, max: 7 });

type PollEvent = { kind: 'answer'; choices: number[] } | { kind: 'close' };
const pollKind = fc.constantFrom<PollKind>('single', 'multi', 'rating');
const choicesFor = (kind: PollKind, n: number) =>
  kind === 'multi' ? fc.uniqueArray(fc.nat(n - 1), { minLength: 1, maxLength: n }) : fc.nat(n - 1).map((c) => [c]);
const pollScenario = fc.record({ kind: pollKind, options: fc.integer({ min: 2, max: 5 }), min }).chain((p) => {
  const n = p.kind === 'rating' ? 5 : p.options;
  const event: fc.Arbitrary<PollEvent> = fc.oneof(
    { weight: 9, arbitrary: choicesFor(p.kind, n).map((choices) => ({ kind: 'answer' as const, choices })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'close' as const }) },
  );
  return fc.record({ poll: fc.constant(p), events: fc.array(event, { maxLength: 30 }) });
});

/** every view of an anonymous poll after each event: the card's results, the CSV export and the digest. */
function pollViews(p: { kind: PollKind; options: number; min: number }, events: PollEvent[]) {
  const item: Pick<Item, 'kind' | 'pollKind' | 'options' | 'anonymous' | 'status' | 'closesAt'> = {
    kind: 'poll',
    pollKind: p.kind,
    options: p.kind === 'rating' ? [] : Array.from({ length: p.options }, (_, i) => `Option ${i}`),
    anonymous: true,
    status: 'open',
  };
  let tally: Tally = emptyTally(optionsOf(item).length);
  const moments: Array<{ card: ReturnType<typeof pollResults>; csv: string; digest: string }> = [];
  for (const e of events) {
    if (e.kind === 'close') item.status = 'closed';
    else if (isOpen(item, NOW)) tally = applyVote(tally, undefined, e.choices); // the bot refuses answers to closed items
    const csvItem: CsvPollItem = {
      kind: 'poll',
      teamName: 'T',
      question: 'Q',
      pollKind: p.kind,
      anonymous: true,
      options: item.options,
      status: item.status,
      tally,
    };
    const team: DigestTeamInput = {
      teamId: 't',
      teamName: 'T',
      memberCount: 30,
      participantsByWeek: {},
      newIdeas: [],
      closedItems:
        item.status === 'closed'
          ? [
              {
                itemId: 'i',
                question: 'Q',
                kind: 'poll',
                pollKind: p.kind,
                anonymous: true,
                options: item.options,
                tally,
                participants: tally.voters,
                closedAt: IN_WEEK,
              },
            ]
          : [],
      openItems: [],
    };
    moments.push({
      card: pollResults(item, tally, p.min),
      csv: campaignCsv({
        campaignTitle: 'K',
        locale: 'de',
        minGroupSize: p.min,
        minGroupSizeText: p.min,
        items: [csvItem],
      }),
      digest: JSON.stringify(
        assembleDigest({
          leader: { id: 'l', name: 'L' },
          week: WEEK,
          interim: false,
          timeZone: 'Europe/Berlin',
          locale: 'de',
          minGroupSize: p.min,
          minGroupSizeText: p.min,
          teams: [team],
        }).teams[0]?.closed,
      ),
    });
  }
  return moments;
}

describe('anonymous polls: two moments', () => {
  test('every view that shows results shows the same final results, from at least the minimum group size', () => {
    fc.assert(
      fc.property(pollScenario, ({ poll, events }) => {
        const moments = pollViews(poll, events);
        const shown = moments.filter((m) => m.card.visible);
        for (const m of shown) expect(m.card.voters).toBeGreaterThanOrEqual(effectiveMinGroupSize(poll.min));
        // one more answer between two moments never shows up as a difference between two visible views
        expect(new Set(shown.map((m) => JSON.stringify(m.card))).size).toBeLessThanOrEqual(1);
        expect(new Set(shown.map((m) => m.csv)).size).toBeLessThanOrEqual(1);
        expect(new Set(moments.filter((m) => m.digest !== '[]').map((m) => m.digest)).size).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  test('a view without results tells only how many answered, never a count per option', () => {
    fc.assert(
      fc.property(pollScenario, ({ poll, events }) => {
        for (const m of pollViews(poll, events).filter((v) => !v.card.visible)) {
          expect(Object.keys(m.card).sort()).toEqual(['needed', 'reason', 'visible', 'voters']);
          expect(m.csv.split('\r\n')[1]?.split(';').slice(6, 10)).toEqual(['', '', '', '']);
        }
      }),
      { numRuns: 200 },
    );
  });
});

type IdeaEvent = { kind: 'idea'; author: number; text: string } | { kind: 'close' };
const ideaScenario = fc.record({
  min,
  events: fc.array<IdeaEvent>(
    fc.oneof(
      {
        weight: 9,
        arbitrary: fc.record({
          kind: fc.constant('idea' as const),
          author: fc.nat(9),
          text: fc.string({ minLength: 1, maxLength: 8 }),
        }),
      },
      { weight: 1, arbitrary: fc.constant({ kind: 'close' as const }) },
    ),
    { maxLength: 30 },
  ),
});

const ideaView = (over: Partial<IdeaView> & Pick<IdeaView, 'ideaId' | 'text'>): IdeaView => ({
  itemId: 'prompt',
  status: 'new',
  supportCount: 0,
  volunteers: [],
  anonymous: true,
  createdAt: IN_WEEK,
  promptParticipants: 0,
  promptClosed: false,
  ...over,
});

/** the digest of one team whose week brought these ideas. */
const teamDigestOfIdeas = (views: IdeaView[], minGroupSize: number) =>
  assembleDigest({
    leader: { id: 'l', name: 'L' },
    week: WEEK,
    interim: false,
    timeZone: 'Europe/Berlin',
    locale: 'de',
    minGroupSize,
    minGroupSizeText: minGroupSize,
    teams: [
      {
        teamId: 't',
        teamName: 'T',
        memberCount: 30,
        participantsByWeek: {},
        newIdeas: views,
        closedItems: [],
        openItems: [],
      },
    ],
  }).teams[0]!;

describe('anonymous idea prompts: two moments', () => {
  test('idea texts appear only after closing, from the minimum group size, and never change afterwards', () => {
    fc.assert(
      fc.property(ideaScenario, ({ min: minGroup, events }) => {
        let closed = false;
        const ideas: Array<{ author: number; text: string }> = [];
        const seen = new Set<string>();
        events.forEach((e) => {
          if (e.kind === 'close') closed = true;
          else if (!closed) ideas.push(e);
          const participants = new Set(ideas.map((i) => i.author)).size;
          const views = ideas.map((i, n) =>
            ideaView({
              ideaId: `dA.${WEEK}.${String(n).padStart(16, '0')}`,
              text: i.text,
              promptParticipants: participants,
              promptClosed: closed,
            }),
          );
          const digest = teamDigestOfIdeas(views, minGroup);
          const csvItem: CsvIdeaItem = {
            kind: 'idea',
            teamName: 'T',
            question: 'Q',
            anonymous: true,
            status: closed ? 'closed' : 'open',
            participants,
            ideas: views,
          };
          const csv = campaignCsv({
            campaignTitle: 'K',
            locale: 'de',
            minGroupSize: minGroup,
            minGroupSizeText: minGroup,
            items: [csvItem],
          });
          const visible = ideaTextsVisible({ anonymous: true, closed, participants }, minGroup);
          if (!visible) {
            expect(digest.topIdeas).toEqual([]);
            expect(csv.split('\r\n').length).toBe(3); // header, one row with a note, end
          } else {
            expect(closed && participants >= effectiveMinGroupSize(minGroup)).toBe(true);
            seen.add(JSON.stringify([digest.topIdeas.map((i) => i.text), csv]));
          }
        });
        expect(seen.size).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  test('the order of anonymous ideas does not depend on when they came in (time or week)', () => {
    const arrival = fc.array(
      fc.record({
        text: fc.string({ minLength: 1, maxLength: 6 }),
        support: fc.nat(3),
        key: fc.stringMatching(/^[0-9a-f]{16}$/),
      }),
      { minLength: 2, maxLength: 12 },
    );
    fc.assert(
      fc.property(
        arrival,
        fc.array(fc.nat(1_000_000), { minLength: 12, maxLength: 12 }),
        fc.array(fc.nat(1_000_000), { minLength: 12, maxLength: 12 }),
        (ideas, t1, t2) => {
          const render = (times: number[]) => {
            const views = ideas.map((i, n) => {
              const at = new Date(IN_WEEK.getTime() + (times[n] ?? 0) * 1000);
              const week = at.getTime() % 2 === 0 ? '2026-W47' : WEEK; // the week in an idea id follows its time too
              return ideaView({
                ideaId: `dA.${week}.${i.key}`,
                text: i.text,
                supportCount: i.support,
                createdAt: at,
                promptParticipants: 9,
                promptClosed: true,
              });
            });
            const digest = teamDigestOfIdeas(views, 5);
            const orderedByTime = [...views].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
            const csv = campaignCsv({
              campaignTitle: 'K',
              locale: 'de',
              minGroupSize: 5,
              minGroupSizeText: 5,
              items: [
                {
                  kind: 'idea',
                  teamName: 'T',
                  question: 'Q',
                  anonymous: true,
                  status: 'closed',
                  participants: 9,
                  ideas: orderedByTime,
                },
              ],
            });
            return JSON.stringify([digest.topIdeas.map((i) => i.text), csv]);
          };
          expect(render(t1)).toBe(render(t2));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('two groups', () => {
  test('every exported row with figures stands for at least the minimum group size, in every team', () => {
    const poll = fc.record({
      kind: fc.constant('poll' as const),
      teamName: fc.constantFrom('A', 'B', 'C'),
      question: fc.constant('Q'),
      pollKind: fc.constantFrom<PollKind>('single', 'multi'),
      anonymous: fc.boolean(),
      options: fc.constant<string[]>(['x', 'y', 'z']),
      status: fc.constantFrom<'open' | 'closed'>('open', 'closed'),
      tally: fc.record({ counts: fc.array(fc.nat(9), { minLength: 3, maxLength: 3 }), voters: fc.nat(12) }),
    });
    const idea = fc.record({
      kind: fc.constant('idea' as const),
      teamName: fc.constantFrom('A', 'B', 'C'),
      question: fc.constant('Q'),
      anonymous: fc.boolean(),
      status: fc.constantFrom<'open' | 'closed'>('open', 'closed'),
      participants: fc.nat(12),
      ideas: fc.array(
        fc.record({
          text: fc.constantFrom('i1', 'i2', 'i3'),
          status: fc.constant('new' as const),
          supportCount: fc.nat(4),
          volunteers: fc.constant<{ name: string }[]>([]),
        }),
        { maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(fc.array(fc.oneof(poll, idea), { maxLength: 8 }), min, (items, minGroup) => {
        const csv = campaignCsv({
          campaignTitle: 'K',
          locale: 'de',
          minGroupSize: minGroup,
          minGroupSizeText: minGroup,
          items,
        });
        const rows = csv
          .slice(1)
          .split('\r\n')
          .slice(1, -1)
          .map((r) => r.split(';'));
        for (const row of rows) {
          const figures = row[7] !== '' && row[7] !== undefined;
          const anonymous = row[4] === 'ja';
          const poll = row[3] !== 'Ideenabfrage';
          // named ideas carry their authors' names anyway; every other figure stands for at least the minimum group
          if (figures && (anonymous || poll))
            expect(Number(row[5])).toBeGreaterThanOrEqual(effectiveMinGroupSize(minGroup));
        }
        // no row sums teams: every row names exactly one team of the input
        for (const row of rows) expect(['A', 'B', 'C']).toContain(row[1]);
      }),
      { numRuns: 300 },
    );
  });

  test('participation never pins down fewer than the minimum group size, taking part or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), min, (a, b, minGroup) => {
        const members = Math.max(a, b);
        const n = Math.min(a, b);
        const view = participationOf(n, members, minGroup);
        const floor = effectiveMinGroupSize(minGroup);
        if (view.shown === 'exact') {
          expect(n).toBeGreaterThanOrEqual(floor);
          expect(members - n === 0 || members - n >= floor).toBe(true);
        } else if (members >= 1) {
          // a hidden count shares its text with another count of the same team
          const twins = Array.from({ length: members + 1 }, (_, k) => k).filter(
            (k) => k !== n && JSON.stringify(participationOf(k, members, minGroup)) === JSON.stringify(view),
          );
          expect(twins.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
