import { messages, type Messages } from '../messages';
import { germanAddress, useGermanAddress } from './address';
import { addressDuDe } from './address-du';

/** one text a catalogue can produce: its key (with `.sub` or `[i]` for nested texts) and one rendering. */
interface Rendered {
  key: string;
  text: string;
}

// arguments of every kind texts take; a text function is called with every combination of them (those that throw
// are skipped), so each branch (1 vs many, empty vs given, …) is seen.
const SAMPLES: readonly unknown[] = [
  'Beispiel',
  1,
  2,
  0,
  7,
  '0',
  '',
  new Date('2025-03-10T09:30:00Z'),
  ['Anna', 'Ben'],
];
const FEW_SAMPLES: readonly unknown[] = ['Beispiel', 1, 0, 2];
/** sample arguments for a text the combinations cannot call (key → argument lists). */
const SAMPLE_ARGS: Record<string, unknown[][]> = {};

function combinations(arity: number, values: readonly unknown[]): unknown[][] {
  let lists: unknown[][] = [[]];
  for (let i = 0; i < arity; i++) lists = lists.flatMap((list) => values.map((v) => [...list, v]));
  return lists;
}

/** every text of a catalogue with every rendering the sample arguments give; `uncallable` names functions none fit. */
function renderAll(catalogue: object): { texts: Rendered[]; uncallable: string[] } {
  const texts: Rendered[] = [];
  const uncallable: string[] = [];
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') texts.push({ key, text: value });
    else if (typeof value === 'function') {
      const fn = value as (...args: unknown[]) => unknown;
      const argLists = SAMPLE_ARGS[key] ?? combinations(fn.length, fn.length <= 3 ? SAMPLES : FEW_SAMPLES);
      const seen = new Set<string>();
      let called = false;
      for (const args of argLists) {
        let result: unknown;
        try {
          result = fn(...args);
        } catch {
          continue;
        }
        called = true;
        const id = JSON.stringify(result);
        if (seen.has(id)) continue;
        seen.add(id);
        walk(result, key);
      }
      if (!called) uncallable.push(key);
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${key}[${i}]`));
    else if (value && typeof value === 'object')
      for (const [sub, v] of Object.entries(value)) walk(v, key ? `${key}.${sub}` : sub);
  };
  walk(catalogue, '');
  return { texts, uncallable };
}

const word = (alternatives: string, flags = 'iu'): RegExp =>
  new RegExp(`(?<!\\p{L})(?:${alternatives})(?!\\p{L})`, flags);

/** "du" forms: pronouns, the plural "ihr" verbs, and imperatives (not after "ich": "ich poste" is fine). */
const INFORMAL: readonly RegExp[] = [
  word('du|dich|dir|dein\\p{L}*|euch|euer|eure\\p{L}*'),
  word('habt|könnt|seid|wollt|müsst|dürft|solltet|würdet'),
  new RegExp(
    '(?<!(?<!\\p{L})ich\\s)(?<!\\p{L})(?:schreib|schreibe|gib|wähle|prüfe|füge|lege|trenne|lass|starte|ändere|beende|ordne|filtere|entferne|kürze|begründe|öffne|versuche|nutze|lade|sieh|nimm|klicke|tippe|poste)(?!\\p{L})',
    'iu',
  ),
];

/** the informal forms a text uses ([] when it is formal or neutral). */
function informalForms(text: string): string[] {
  return INFORMAL.flatMap((re) => [...text.matchAll(new RegExp(re.source, 'giu'))].map((m) => m[0]));
}

const FORMAL_ANYWHERE = word('Ihnen|Ihre[mnrs]?', 'gu');
const FORMAL_CAPITAL = word('Sie|Ihr', 'gu');
/** what may stand before a sentence's first word: nothing, an end of sentence or a colon, an opening quote. */
const SENTENCE_START = /(?:^|[.!?:\n„“"(]\s*)$/u;

/** the formal forms a text uses: "Ihnen"/"Ihre…" anywhere, "Sie"/"Ihr" where no sentence starts (they/their). */
function formalForms(text: string): string[] {
  const found = [...text.matchAll(FORMAL_ANYWHERE)].map((m) => m[0]);
  for (const m of text.matchAll(FORMAL_CAPITAL)) {
    if (!SENTENCE_START.test(text.slice(0, m.index))) found.push(m[0]);
  }
  return found;
}

/**
 * keys whose informal text rightly has "Ihre"/"Ihnen", or "Sie"/"Ihr" inside a sentence, because they mean
 * they/their/its (key → why). None so far.
 */
const DU_ALLOWED: Record<string, string> = {};

function offenders(texts: Rendered[], forms: (text: string) => string[], allowed: Record<string, string> = {}) {
  const byKey = new Map<string, { text: string; found: string[] }>();
  for (const { key, text } of texts) {
    const found = forms(text);
    if (found.length === 0 || topKey(key) in allowed || byKey.has(key)) continue;
    byKey.set(key, { text, found });
  }
  return [...byKey.entries()].map(([key, { text, found }]) => ({
    key: topKey(key),
    line: `  ${key}: ${JSON.stringify(text)} (${found.join(', ')})`,
  }));
}

function uncallableReport(keys: string[]): string {
  return keys.length
    ? `These text functions take arguments none of the samples fit; add sample arguments for them to SAMPLE_ARGS in core/texts/address.spec.ts: ${keys.join(', ')}`
    : '';
}

function topKey(key: string): string {
  return key.split(/[.[]/)[0] ?? key;
}

afterEach(() => useGermanAddress('sie'));

describe('the German form of address', () => {
  it('is formal ("Sie") unless the deployment chooses otherwise', () => {
    expect(germanAddress()).toBe('sie');
    expect(messages('de').helpIntro).toContain('So sprechen Sie mich an');
  });

  it('every German text of the default catalogue says "Sie", never "du"', () => {
    const { texts, uncallable } = renderAll(messages('de'));
    expect(uncallableReport(uncallable)).toBe('');
    expect(texts.length).toBeGreaterThan(300);
    const found = offenders(texts, informalForms);
    const report = found.length
      ? `These German texts use the informal address. Write them with "Sie" in their core/texts file (or core/messages.ts) and put the "du" text under the same key into addressDuDe (core/texts/address-du.ts):\n${found.map((f) => f.line).join('\n')}`
      : '';
    expect(report).toBe('');
  });

  it('every German text says "du" once the deployment chooses ADDRESS=du', () => {
    useGermanAddress('du');
    const { texts, uncallable } = renderAll(messages('de'));
    expect(uncallableReport(uncallable)).toBe('');
    const found = offenders(texts, formalForms, DU_ALLOWED);
    const keys = [...new Set(found.map((f) => f.key))];
    const report = found.length
      ? `These German texts still say "Sie" with ADDRESS=du. Add each key with its "du" text to addressDuDe in core/texts/address-du.ts (keys: ${keys.join(', ')}); where "Sie"/"Ihr" means they/their, add the key to DU_ALLOWED in core/texts/address.spec.ts instead:\n${found.map((f) => f.line).join('\n')}`
      : '';
    expect(report).toBe('');
  });

  it('the informal catalogue changes only German: English stays as it is', () => {
    const english = messages('en');
    useGermanAddress('du');
    expect(messages('en')).toBe(english);
    expect(messages('de').helpIntro).toBe(addressDuDe.helpIntro);
    expect(messages('de').helpIntro).toContain('So sprichst du mich an');
    useGermanAddress('sie');
    expect(messages('de').helpIntro).toContain('So sprechen Sie mich an');
  });

  it('every informal override differs from its formal text (an equal one is stale and can go)', () => {
    const formal = renderAll(messages('de')).texts;
    const informal = renderAll(addressDuDe).texts;
    const render = (texts: Rendered[], key: string) =>
      texts
        .filter((t) => topKey(t.key) === key)
        .map((t) => t.text)
        .join('\n');
    const stale = Object.keys(addressDuDe).filter((key) => render(formal, key) === render(informal, key));
    expect(stale).toEqual([]);
  });

  it('every informal override is written with "du" and every key exists in the catalogue', () => {
    const known = new Set(Object.keys(messages('de') satisfies Messages));
    expect(Object.keys(addressDuDe).filter((key) => !known.has(key))).toEqual([]);
    expect(offenders(renderAll(addressDuDe).texts, formalForms, DU_ALLOWED).map((f) => f.line)).toEqual([]);
  });
});

describe('the checks behind the guards', () => {
  it.each([
    ['Bitte wähle eine Option.', ['wähle']],
    ['Deine Idee ist angekommen.', ['Deine']],
    ['Antworten könnt ihr direkt auf der Karte.', ['könnt']],
    ['Ich kann dich nicht erkennen.', ['dich']],
    ['Ich poste Fragen in die Kanäle.', []],
    ['Bitte wählen Sie eine Option.', []],
    ['Die Änderung verändere nichts.', []],
  ])('finds the informal forms in %j', (text, forms) => {
    expect(informalForms(text)).toEqual(forms);
  });

  it.each([
    ['Bitte wählen Sie eine Option.', ['Sie']],
    ['Ihre Idee ist angekommen.', ['Ihre']],
    ['Ihnen ist kein Team zugeordnet.', ['Ihnen']],
    ['Überblick – Ihr Wochenüberblick', ['Ihr']],
    ['Anonyme Ideen stehen hier nicht: Sie sind ohne Namen gespeichert.', []],
    ['Ihr Ergebnis kannst du posten, wenn sie umgesetzt ist.', []],
    ['Bitte wähle eine Option.', []],
  ])('finds the formal forms in %j', (text, forms) => {
    expect(formalForms(text)).toEqual(forms);
  });
});
