import { VERBS } from '../core/card-actions';
import type { Item } from '../core/items';
import { samplePoll } from '../test/support/sample-items';
import { messages } from '../core/messages';
import type { Tally } from '../core/tally';
import { buildHelpCard, buildTeamWelcomeCard } from './help-card';
import fc from 'fast-check';
import { buildItemCard, itemCardData, type ItemCardInput } from './item-card';
import { expandTemplate, type AdaptiveCard } from './render';
import template from './templates/item.json';
import { nodes, type CardNode as Node } from '../test/support/card-nodes';
import { buildTargetPickerCard } from './target-picker-card';

const ofType = (card: AdaptiveCard, prefix: string) =>
  nodes(card).filter((n) => typeof n.type === 'string' && n.type.startsWith(prefix));
const texts = (card: AdaptiveCard) => ofType(card, 'TextBlock').map((n) => n.text as string);

const ID = '3f2b8c1e-0d4a-4e8b-9c7f-1a2b3c4d5e6f';
const poll = (over: Partial<Item> = {}): Item =>
  samplePoll({
    id: ID,
    teamId: 'team',
    channelId: 'team',
    question: 'Wie zufrieden bist du mit der Telefonanlage?',
    ...over,
  });
const idea = (over: Partial<Item> = {}) =>
  poll({ kind: 'idea', pollKind: undefined, options: [], question: 'Was können wir besser machen?', ...over });
const card = (item: Item, over: Partial<ItemCardInput> = {}) =>
  buildItemCard({
    item,
    locale: 'de',
    participants: 0,
    minGroupSize: 5,
    timeZone: 'Europe/Berlin',
    tally: { counts: item.options.map(() => 0), voters: 0 },
    ...over,
  });
const tally = (counts: number[]): Tally => ({ counts, voters: counts.reduce((a, b) => a + b, 0) });
const ten = Array.from({ length: 10 }, (_, i) => `Option ${i + 1}`);

describe('buildItemCard', () => {
  test('labels every input on every kind of item card', () => {
    const cards = [card(poll({ options: ten })), card(poll({ pollKind: 'multi' })), card(idea())];
    const inputs = cards.flatMap((c) => ofType(c, 'Input.'));
    expect(inputs).toHaveLength(3);
    for (const input of inputs) expect(String(input.label ?? '').trim()).not.toBe('');
  });

  test('gives a single-choice poll with three options one vote button per option', () => {
    const actions = ofType(card(poll()), 'Action.Execute');
    expect(actions.map((a) => a.title)).toEqual(['sehr', 'eher', 'kaum']);
    for (const [i, action] of actions.entries()) {
      expect(action.verb).toBe(VERBS.vote);
      expect(action.data).toEqual({ itemId: ID, choice: i });
    }
    expect(ofType(card(poll()), 'Input.')).toHaveLength(0);
  });

  test('gives a rating five vote buttons from 1 to 5', () => {
    const actions = ofType(card(poll({ pollKind: 'rating', options: [] })), 'Action.Execute');
    expect(actions.map((a) => a.title)).toEqual(['1', '2', '3', '4', '5']);
  });

  test('offers more than five options as a single-select choice list', () => {
    const c = card(poll({ options: ten }));
    const [list] = ofType(c, 'Input.ChoiceSet');
    expect(list).toMatchObject({ id: 'choice', isMultiSelect: false });
    expect((list?.choices as Node[]).map((x) => x.value)).toEqual(ten.map((_, i) => String(i)));
    expect(ofType(c, 'Action.Execute')).toEqual([expect.objectContaining({ verb: VERBS.vote, data: { itemId: ID } })]);
  });

  test('offers a multi-choice poll as a multi-select list sending "choices"', () => {
    const c = card(poll({ pollKind: 'multi' }));
    expect(ofType(c, 'Input.ChoiceSet')).toEqual([expect.objectContaining({ id: 'choices', isMultiSelect: true })]);
    expect(texts(c)).toContain(messages('de').multiHint);
  });

  test("preselects the viewer's own choices in a choice list", () => {
    expect(ofType(card(poll({ pollKind: 'multi' }), { ownChoices: [0, 2] }), 'Input.ChoiceSet')[0]?.value).toBe('0,2');
  });

  test('shows no result rows below five voters and says how many are missing', () => {
    const c = card(poll(), { tally: tally([2, 1, 1]) });
    expect(texts(c)).not.toContain('sehr');
    expect(texts(c)).toContain(messages('de').neededCount(1));
  });

  test('shows a result row per option from five voters on', () => {
    const c = card(poll(), { tally: tally([3, 1, 1]) });
    expect(texts(c)).toEqual(expect.arrayContaining(['sehr', 'eher', 'kaum', '3 · 60 %']));
  });

  test('shows the anonymous notice and hides results of an open anonymous poll', () => {
    const c = card(poll({ anonymous: true }), { tally: tally([3, 3, 3]) });
    expect(texts(c)).toEqual(
      expect.arrayContaining([messages('de').anonymousNotice, messages('de').anonymousResultsAfterClose]),
    );
    expect(texts(c)).not.toContain('sehr');
  });

  test('shows the named notice on a named item', () => {
    expect(texts(card(poll()))).toContain(messages('de').namedNotice);
  });

  test('shows a closed item without inputs, with the closed badge, the button that posts its results and, for a prompt, its ideas', () => {
    for (const item of [
      poll({ status: 'closed' }),
      poll({ status: 'closed', options: ten }),
      idea({ status: 'closed' }),
    ]) {
      const c = card(item);
      expect(ofType(c, 'Input.')).toHaveLength(0);
      expect(ofType(c, 'Action.')).toEqual([
        expect.objectContaining({
          verb: 'mitwirken.postResults',
          title: messages('de').resultsPostButton,
          data: { kind: 'item', id: item.id, itemId: item.id },
        }),
        ...(item.kind === 'idea'
          ? [expect.objectContaining({ verb: VERBS.promptIdeas, title: messages('de').viewIdeasButton })]
          : []),
      ]);
      expect(texts(c)).toContain(messages('de').closedBadge);
    }
  });

  test('says why a closed poll with too few voters shows no result', () => {
    expect(texts(card(poll({ status: 'closed' }), { tally: tally([1, 1, 0]) }))).toContain(
      messages('de').closedTooFew(5),
    );
  });

  test('writes the card in English for the English locale', () => {
    const c = card(poll(), { locale: 'en', tally: tally([1, 0, 0]) });
    expect(texts(c)).toEqual(
      expect.arrayContaining([messages('en').pollBadge, messages('en').namedNotice, messages('en').answeredCount(1)]),
    );
    expect(texts(c)).not.toContain(messages('de').pollBadge);
  });

  test('gives an idea prompt a labelled multiline text field of at most 1000 characters, a submit button and "Ideen ansehen"', () => {
    const c = card(idea(), { ideaCount: 2, participants: 2 });
    expect(ofType(c, 'Input.Text')).toEqual([
      expect.objectContaining({ id: 'ideaText', isMultiline: true, maxLength: 1000, label: messages('de').ideaLabel }),
    ]);
    expect(ofType(c, 'Action.Execute')).toEqual([
      expect.objectContaining({ verb: VERBS.submitIdea, data: { itemId: ID } }),
      // no input is checked: the empty idea field must not stop it.
      expect.objectContaining({
        verb: VERBS.promptIdeas,
        data: { itemId: ID },
        title: messages('de').viewIdeasButton,
        associatedInputs: 'none',
      }),
    ]);
    expect(texts(c)).toContain(messages('de').ideasCount(2));
  });

  test('offers "Schließen" only in the overflow menu of the own view of someone who may close an open item', () => {
    const secondary = (c: AdaptiveCard) => ofType(c, 'Action.Execute').filter((a) => a.mode === 'secondary');
    expect(secondary(card(poll()))).toEqual([]);
    expect(secondary(card(poll(), { viewer: { canClose: false } }))).toEqual([]);
    expect(secondary(card(poll({ status: 'closed' }), { viewer: { canClose: true } }))).toEqual([]);
    expect(secondary(card(poll(), { viewer: { canClose: true } }))).toEqual([
      expect.objectContaining({
        verb: VERBS.closeItem,
        data: { itemId: ID },
        title: messages('de').closeItemButton,
        associatedInputs: 'none',
      }),
    ]);
  });

  test('shows a notice on top in the given style', () => {
    const c = card(poll(), { notice: { kind: 'attention', text: messages('de').errItemClosed } });
    expect(nodes(c).find((n) => n.text === messages('de').errItemClosed)).toMatchObject({ color: 'Attention' });
  });

  test('shows a question containing ${x} literally instead of expanding it', () => {
    const question = 'Was kostet ${x} und ${$root.verb}?';
    const c = card(poll({ question, options: ['${badge}', 'b'] }));
    expect(texts(c)).toContain(question);
    expect(ofType(c, 'Action.Execute').map((a) => a.title)).toEqual(['${badge}', 'b']);
  });

  test('stays under 28 KB with the longest question, ten long options and results', () => {
    const options = Array.from({ length: 10 }, (_, i) => `${i}`.padEnd(100, 'ü'));
    const c = card(poll({ question: 'ß'.repeat(500), options, status: 'closed' }), {
      tally: tally([9, 8, 7, 6, 5, 4, 3, 2, 1, 1]),
    });
    expect(Buffer.byteLength(JSON.stringify(c))).toBeLessThan(28 * 1024);
    expect(Buffer.byteLength(JSON.stringify(card(poll({ question: 'ß'.repeat(500), options }))))).toBeLessThan(
      28 * 1024,
    );
  });
});

describe('buildTargetPickerCard', () => {
  const draft = {
    kind: 'poll' as const,
    pollKind: 'single' as const,
    question: 'Frage?',
    options: ['a', 'b'],
    anonymous: true,
  };
  const targets = [
    { teamId: 't1', channelId: 't1', label: 'Team Digitalisierung › General' },
    { teamId: 't1', channelId: 'c2', label: 'Team Digitalisierung › Projekte' },
  ];

  test('lists every target with a labelled choice list and posts with the postTo verb and the draft', () => {
    const c = buildTargetPickerCard('de', draft, targets);
    const [list] = ofType(c, 'Input.ChoiceSet');
    expect(list).toMatchObject({ id: 'target', label: messages('de').pickTargetLabel, value: 't1|t1' });
    expect(list?.choices).toEqual([
      { title: 'Team Digitalisierung › General', value: 't1|t1' },
      { title: 'Team Digitalisierung › Projekte', value: 't1|c2' },
    ]);
    expect(ofType(c, 'Action.Execute')).toEqual([expect.objectContaining({ verb: VERBS.postTo, data: { draft } })]);
  });

  test('marks an anonymous draft in its badge', () => {
    expect(texts(buildTargetPickerCard('en', draft, targets))).toContain(
      `${messages('en').pollBadge} · ${messages('en').anonymousBadge}`,
    );
  });
});

describe('buildItemCard, memoised', () => {
  const item = fc.record({
    kind: fc.constantFrom<Item['kind']>('poll', 'idea'),
    pollKind: fc.constantFrom<Item['pollKind']>('single', 'multi', 'rating'),
    options: fc.constantFrom(['sehr', 'eher', 'kaum'], ten, ['Ja', 'Nein']),
    anonymous: fc.boolean(),
    status: fc.constantFrom<Item['status']>('open', 'closed'),
    question: fc.constantFrom('Wie zufrieden bist du?', '**Wichtig:** [hier](https://x.example) | <at>Team</at>'),
    id: fc.constantFrom(ID, '0a1b2c3d-0000-4000-8000-000000000001'),
  });
  const input = fc.record({
    item,
    locale: fc.constantFrom<ItemCardInput['locale']>('de', 'en'),
    counts: fc.array(fc.nat({ max: 40 }), { minLength: 10, maxLength: 10 }),
    notice: fc.option(
      fc.record({
        kind: fc.constantFrom<'good' | 'attention'>('good', 'attention'),
        text: fc.string({ maxLength: 30 }),
      }),
      { nil: undefined },
    ),
    ownChoices: fc.option(fc.array(fc.nat({ max: 9 }), { maxLength: 3 }), { nil: undefined }),
    ideaCount: fc.nat({ max: 30 }),
    minGroupSize: fc.constantFrom(3, 5, 10),
  });

  test('gives exactly the card the template expands to, for any sequence of cards (the kept shapes never leak)', () => {
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 25 }), (inputs) => {
        for (const i of inputs) {
          const options = i.item.pollKind === 'rating' ? [] : i.item.options;
          const it = poll({
            ...i.item,
            pollKind: i.item.kind === 'idea' ? undefined : i.item.pollKind,
            options: i.item.kind === 'idea' ? [] : options,
          });
          const counts = i.counts.slice(0, Math.max(options.length, 5));
          const cardInput: ItemCardInput = {
            item: it,
            locale: i.locale,
            tally: { counts, voters: counts.reduce((a, b) => a + b, 0) },
            ideaCount: i.ideaCount,
            participants: i.ideaCount,
            minGroupSize: i.minGroupSize,
            timeZone: 'Europe/Berlin',
            notice: i.notice,
            ownChoices: i.ownChoices,
          };
          expect(buildItemCard(cardInput)).toEqual(expandTemplate(template, itemCardData(cardInput)));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('help and welcome cards', () => {
  test('shows the posting commands to admins only', () => {
    expect(texts(buildHelpCard('de', { isAdmin: true, localMode: false }))).toContain(`• ${messages('de').cmdPoll}`);
    expect(texts(buildHelpCard('de', { isAdmin: false, localMode: false }))).not.toContain(
      `• ${messages('de').cmdPoll}`,
    );
  });

  test('mentions demo only in local mode', () => {
    expect(texts(buildHelpCard('en', { isAdmin: true, localMode: true }))).toContain(`• ${messages('en').cmdDemo}`);
    expect(texts(buildHelpCard('en', { isAdmin: true, localMode: false }))).not.toContain(
      `• ${messages('en').cmdDemo}`,
    );
  });

  test('states the result threshold in the team welcome', () => {
    expect(texts(buildTeamWelcomeCard('de', 5))).toContain(messages('de').welcomeResults(5));
  });
});
