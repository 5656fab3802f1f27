import * as path from 'node:path';
import { VERBS } from '../core/card-actions';
import { LOCALES } from '../core/locale';
import {
  MAX_CARD_BYTES,
  cardBytes,
  chartElements,
  discoverVerbs,
  executeVerbs,
  parserFindings,
  templateNames,
  versionAtMost,
} from './gallery/card-checks';
import { CARD_SAMPLES } from './gallery/samples';

const ROOT = path.resolve(__dirname, '..');
const TEMPLATES = path.join(__dirname, 'templates');

/** every sample in every language, built once. */
const built = CARD_SAMPLES.flatMap((sample) =>
  LOCALES.map((locale) => ({ name: `${sample.id} (${locale})`, card: sample.build(locale).content })),
);

let knownVerbs: Set<string>;
beforeAll(async () => {
  const found = await discoverVerbs(ROOT);
  knownVerbs = new Set([...Object.values(VERBS), ...found.verbs]);
});

describe('card samples', () => {
  test('include at least one sample of every template in cards/templates', () => {
    const sampled = new Set(CARD_SAMPLES.map((s) => s.template));
    const missing = templateNames(TEMPLATES).filter((t) => !sampled.has(t));
    expect(missing.map((t) => `cards/templates/${t}.json has no sample in cards/gallery/samples.ts`)).toEqual([]);
  });

  test('name only templates that exist', () => {
    const templates = new Set(templateNames(TEMPLATES));
    expect(CARD_SAMPLES.filter((s) => !templates.has(s.template)).map((s) => `${s.id}: ${s.template}`)).toEqual([]);
  });

  test('have unique kebab-case ids, as they name the gallery pictures', () => {
    const ids = CARD_SAMPLES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('verb discovery', () => {
  test('finds core/card-actions.ts and every verb of its VERBS map', async () => {
    const found = await discoverVerbs(ROOT);
    expect(found.modules).toContain(path.join('core', 'card-actions.ts'));
    for (const verb of Object.values(VERBS)) expect(found.verbs.has(verb)).toBe(true);
  });
});

describe.each(built)('card $name', ({ card }) => {
  test('parses in the adaptivecards renderer without errors or warnings', () => {
    expect(parserFindings(card)).toEqual([]);
  });

  test('is an AdaptiveCard of version 1.5 or lower', () => {
    expect(card.type).toBe('AdaptiveCard');
    expect(versionAtMost(card.version)).toBe(true);
  });

  test('uses only verbs the bot handles in its Action.Execute buttons', () => {
    expect(executeVerbs(card).filter((verb) => !knownVerbs.has(verb))).toEqual([]);
  });

  test('gives every chart element a fallback', () => {
    expect(
      chartElements(card)
        .filter((chart) => chart.fallback === undefined)
        .map((chart) => chart.type),
    ).toEqual([]);
  });

  test('stays under 28 KB', () => {
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });
});

describe('the checks themselves', () => {
  const card = (body: object[], actions: object[] = []) => ({ type: 'AdaptiveCard', version: '1.5', body, actions });
  const chart = { type: 'Chart.Pie', data: [{ legend: 'Ja', value: 9 }] };

  test('report an unknown element type that is not a chart', () => {
    expect(parserFindings(card([{ type: 'Media.Carousel' }]))).toEqual([expect.stringContaining('UnknownElementType')]);
  });

  test('tolerate a chart element only when it carries a fallback', () => {
    expect(parserFindings(card([{ ...chart, fallback: { type: 'TextBlock', text: 'Ja: 9' } }]))).toEqual([]);
    expect(parserFindings(card([chart]))).toEqual([expect.stringContaining('Chart.Pie')]);
  });

  test('report a required input without a label', () => {
    expect(
      parserFindings(card([{ type: 'Input.Text', id: 'x', isRequired: true, errorMessage: 'Pflichtfeld' }])),
    ).toEqual([expect.stringContaining('RequiredInputsShouldHaveLabel')]);
  });

  test('accept versions up to 1.5 and refuse 1.6 and malformed versions', () => {
    expect(['1.0', '1.2', '1.5'].map((v) => versionAtMost(v))).toEqual([true, true, true]);
    expect(['1.6', '2.0', '1.10', '1', undefined].map((v) => versionAtMost(v))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  test('find the verb of an Action.Execute anywhere in the card, and an empty verb where one is missing', () => {
    const nested = card(
      [{ type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'a', verb: 'x.a' }] }],
      [{ type: 'Action.Execute', title: 'b' }],
    );
    expect(executeVerbs(nested)).toEqual(['x.a', '']);
  });
});
