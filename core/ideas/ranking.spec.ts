import fc from 'fast-check';
import { LIMITS } from '../items';
import { followUpPollDraft, topIdeas } from './ranking';
import { ideaViewMaker } from '../../test/support/sample-items';

const idea = ideaViewMaker({ from: new Date(Date.UTC(2026, 10, 1)), promptParticipants: 10 });

describe('topIdeas', () => {
  test('orders by support, older first on ties', () => {
    const a = idea({ supportCount: 3 });
    const b = idea({ supportCount: 5 });
    const c = idea({ supportCount: 3 });
    expect(topIdeas([c, a, b], 3).map((i) => i.ideaId)).toEqual([b.ideaId, a.ideaId, c.ideaId]);
    expect(topIdeas([c, a, b], 1)).toEqual([b]);
  });

  test('returns a sorted prefix of at most n ideas whatever the input order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { maxLength: 30 }), fc.nat(10), (supports, n) => {
        const ideas = supports.map((s) => idea({ supportCount: s }));
        const top = topIdeas(ideas, n);
        expect(top.length).toBe(Math.min(n, ideas.length));
        for (let i = 1; i < top.length; i++)
          expect(top[i - 1]!.supportCount).toBeGreaterThanOrEqual(top[i]!.supportCount);
      }),
    );
  });
});

describe('followUpPollDraft', () => {
  test('drafts a multi-choice poll over the top ideas with the localized question', () => {
    const ideas = [
      idea({ text: 'A', supportCount: 1 }),
      idea({ text: 'B', supportCount: 9 }),
      idea({ text: 'C', supportCount: 5 }),
    ];
    const outcome = followUpPollDraft('de', ideas, { topN: 2, maxPicks: 2 });
    expect(outcome).toEqual({
      ok: true,
      value: {
        draft: {
          kind: 'poll',
          pollKind: 'multi',
          question: 'Welche 2 Maßnahmen sollen wir zuerst umsetzen?',
          options: ['B', 'C'],
          anonymous: false,
        },
        maxPicks: 2,
        ideaIds: [ideas[1]!.ideaId, ideas[2]!.ideaId],
      },
    });
  });

  test('drafts a single-choice poll when each person picks one', () => {
    const outcome = followUpPollDraft('en', [idea(), idea()], { topN: 2, maxPicks: 1 });
    expect(outcome.ok && outcome.value.draft).toMatchObject({
      pollKind: 'single',
      question: 'Which measure should we implement first?',
    });
  });

  test('shortens long ideas to the option limit and drops duplicates, declined and done ideas', () => {
    const long = 'x'.repeat(300);
    const ideas = [
      idea({ text: long, supportCount: 9 }),
      idea({ text: 'Kantine  öffnen', supportCount: 8 }),
      idea({ text: 'kantine öffnen', supportCount: 7 }),
      idea({ text: 'Abgelehnt', supportCount: 6, status: 'declined' }),
      idea({ text: 'Fertig', supportCount: 6, status: 'done' }),
      idea({ text: 'Drucker', supportCount: 1 }),
    ];
    const outcome = followUpPollDraft('de', ideas, { topN: 5, maxPicks: 5 });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.draft.options).toEqual([`${'x'.repeat(LIMITS.optionMax - 1)}…`, 'Kantine öffnen', 'Drucker']);
    expect(outcome.value.maxPicks).toBe(3);
  });

  test('needs two distinct eligible ideas', () => {
    expect(followUpPollDraft('de', [idea({ text: 'A' }), idea({ text: 'a' })], { topN: 3, maxPicks: 1 })).toEqual({
      ok: false,
      problem: { key: 'errFollowUpTooFewIdeas', args: [] },
    });
  });

  test('refuses limits outside 2–10 and 1–topN', () => {
    expect(followUpPollDraft('de', [idea(), idea()], { topN: 1, maxPicks: 1 }).ok).toBe(false);
    expect(followUpPollDraft('de', [idea(), idea()], { topN: 3, maxPicks: 4 }).ok).toBe(false);
  });

  test('always yields 2 to topN unique options within the option limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 150 }), { minLength: 2, maxLength: 15 }),
        fc.integer({ min: 2, max: 10 }),
        (texts, topN) => {
          const outcome = followUpPollDraft(
            'de',
            texts.map((text) => idea({ text })),
            { topN, maxPicks: 1 },
          );
          if (!outcome.ok) return;
          const { options } = outcome.value.draft;
          expect(options.length).toBeGreaterThanOrEqual(2);
          expect(options.length).toBeLessThanOrEqual(topN);
          expect(new Set(options.map((o) => o.toLocaleLowerCase())).size).toBe(options.length);
          for (const o of options) expect(o.length).toBeLessThanOrEqual(LIMITS.optionMax);
        },
      ),
    );
  });
});
