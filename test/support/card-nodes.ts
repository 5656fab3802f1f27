/** a node of an Adaptive Card's JSON tree. */
export type CardNode = Record<string, unknown>;

/** every object in a card's JSON tree, depth first, the card itself first. */
export function nodes(value: unknown): CardNode[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (value && typeof value === 'object') return [value as CardNode, ...Object.values(value).flatMap(nodes)];
  return [];
}

/** the elements and actions of one type, e.g. 'Action.Execute'. */
export const ofType = (card: unknown, type: string): CardNode[] => nodes(card).filter((n) => n.type === type);

/** the texts of every TextBlock. */
export const textBlocks = (card: unknown): string[] => ofType(card, 'TextBlock').map((n) => n.text as string);

/** the texts Teams reads as Markdown: every TextBlock, and the titles and values of facts. */
export const markdownTexts = (card: unknown): string[] => [
  ...textBlocks(card),
  ...ofType(card, 'FactSet').flatMap((set) => (set.facts as CardNode[]).flatMap((f) => [f.title as string, f.value as string])),
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
