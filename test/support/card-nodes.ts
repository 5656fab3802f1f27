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
