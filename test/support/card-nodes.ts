/** a node of an Adaptive Card's JSON tree. */
export type CardNode = Record<string, unknown>;

/**
 * every value in a card's JSON tree (or any JSON value: an activity, an invoke response), depth first, each before
 * what it holds: objects, arrays and the strings, numbers … in them. The one walk the card queries below build on.
 */
export function jsonValues(value: unknown, out: unknown[] = []): unknown[] {
  out.push(value);
  if (Array.isArray(value)) for (const v of value) jsonValues(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) jsonValues(v, out);
  return out;
}

const isNode = (value: unknown): value is CardNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** every object in a card's JSON tree, depth first, the card itself first. */
export const nodes = (value: unknown): CardNode[] => jsonValues(value).filter(isNode);

/** every string in a JSON value (a card and what surrounds it), depth first. */
export const stringsIn = (value: unknown): string[] =>
  jsonValues(value).filter((v): v is string => typeof v === 'string');

/** every text shown on a card (TextBlocks, button titles, choice titles), depth first. */
export const cardTexts = (card: unknown): string[] =>
  nodes(card).flatMap((n) => [n.text, n.title].filter((t): t is string => typeof t === 'string'));

/** the actions and inputs a card offers. */
export const interactive = (card: unknown): CardNode[] =>
  nodes(card).filter((n) => typeof n.type === 'string' && /^(Action|Input)\./.test(n.type));

/** the elements and actions of one type, e.g. 'Action.Execute'. */
export const ofType = (card: unknown, type: string): CardNode[] => nodes(card).filter((n) => n.type === type);

/** the texts of every TextBlock. */
export const textBlocks = (card: unknown): string[] => ofType(card, 'TextBlock').map((n) => n.text as string);

/** the texts Teams reads as Markdown: every TextBlock, and the titles and values of facts. */
export const markdownTexts = (card: unknown): string[] => [
  ...textBlocks(card),
  ...ofType(card, 'FactSet').flatMap((set) =>
    (set.facts as CardNode[]).flatMap((f) => [f.title as string, f.value as string]),
  ),
];

/** a CommonMark backslash escape: a backslash before ASCII punctuation, shown as the bare character. */
const ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** a Markdown text as Teams shows it when nothing in it formats: escapes resolved, line indentation dropped. */
export const shown = (text: string): string => text.replace(/^[ \t]+/gm, '').replace(ESCAPE, '$1');

/**
 * the Markdown in a text that Teams would turn into formatting instead of showing it: emphasis, links and images,
 * code, strikethrough, HTML and <at> mentions, and lists, headings and quotes at the start of a line. Escaped
 * characters do not count.
 */
export function activeMarkdown(text: string): string[] {
  const bare = text.replace(ESCAPE, '·');
  const rules: [string, RegExp][] = [
    ['emphasis', /[*_]/],
    ['link', /\[/],
    ['code', /`/],
    ['strikethrough', /~/],
    ['html or mention', /<[a-z/!?]/i],
    ['entity', /&(#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i],
    ['list', /^[ \t]*([-+]|[0-9]+[.)])([ \t]|$)/m],
    ['heading', /^[ \t]*(#|={2,}|-{3,})/m],
    ['quote', /^[ \t]*>/m],
  ];
  return rules.filter(([, pattern]) => pattern.test(bare)).map(([name]) => `${name}: ${text}`);
}
