import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import type * as AdaptiveCards from 'adaptivecards';
import { TEAMS_HOST_CONFIG } from './host-config';

/**
 * the rules every card must keep to be shown in Teams, checked with the `adaptivecards` library itself.
 * Parsing needs no DOM (only rendering does), so these run in plain Node.
 */

// The package's main entry (lib/) is ES modules with extension-less imports, which neither Node nor jest
// can load; the UMD bundle in dist/ is the same library in one CommonJS-loadable file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** the highest card version Teams renders. */
export const MAX_CARD_VERSION = '1.5';
/** a card must stay below this many bytes of JSON (Teams refuses messages over about 100 KB; we keep a wide margin). */
export const MAX_CARD_BYTES = 28 * 1024;

type Node = Record<string, unknown>;

/** every object in a card, depth first. */
export function nodesOf(value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(nodesOf);
  if (value && typeof value === 'object') return [value as Node, ...Object.values(value).flatMap(nodesOf)];
  return [];
}

const typeOf = (n: Node) => (typeof n.type === 'string' ? n.type : '');

/** the chart elements (`Chart.*`, drawn by Teams only) in a card. */
export function chartElements(card: object): Node[] {
  return nodesOf(card).filter((n) => typeOf(n).startsWith('Chart.'));
}

/**
 * what the `adaptivecards` parser and its validation report about a card, under the Teams host config:
 * parse events (unknown types, invalid values) and validation events (duplicate ids, inputs without label,
 * too many actions …). An unknown `Chart.*` type is tolerated when every element of that type has a
 * `fallback`, because Teams draws charts and other hosts show the fallback.
 */
export function parserFindings(card: object): string[] {
  const charts = chartElements(card);
  const tolerated = new Set(
    charts
      .map(typeOf)
      .filter((type) => charts.filter((c) => typeOf(c) === type).every((c) => c.fallback !== undefined))
      .map((type) => AC.Strings.errors.unknownElementType(type)),
  );
  const parsed = new AC.AdaptiveCard();
  parsed.hostConfig = new AC.HostConfig(TEAMS_HOST_CONFIG);
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i));
  events.push(...parsed.validateProperties().validationEvents);
  return events
    .filter((e) => !(e.event === AC.ValidationEvent.UnknownElementType && tolerated.has(e.message)))
    .map((e) => `${AC.ValidationEvent[e.event]}: ${e.message}`);
}

/** whether a card's `version` is at most `max` (both "major.minor"). */
export function versionAtMost(version: unknown, max = MAX_CARD_VERSION): boolean {
  const parts = (v: string) => v.split('.').map(Number);
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version)) return false;
  const [major = 0, minor = 0] = parts(version);
  const [maxMajor = 0, maxMinor = 0] = parts(max);
  return major < maxMajor || (major === maxMajor && minor <= maxMinor);
}

/** the verb of every `Action.Execute` in a card (an empty string where one has no verb). */
export function executeVerbs(card: object): string[] {
  return nodesOf(card)
    .filter((n) => typeOf(n) === 'Action.Execute')
    .map((n) => (typeof n.verb === 'string' ? n.verb : ''));
}

/** the size of a card as it goes over the wire. */
export function cardBytes(card: object): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** the template names (file names without .json) in a folder. */
export function templateNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/**
 * the verb maps of the bot: every `core/**\/*-actions.ts` module (one per feature: `card-actions.ts`,
 * e.g. `ideas/idea-actions.ts`) exports its verbs as `VERBS` or `<NAME>_VERBS`, an object of verb strings.
 * Returns the module paths found, relative to `root`, and every verb they export.
 */
export async function discoverVerbs(root: string): Promise<{ modules: string[]; verbs: Set<string> }> {
  const core = path.join(root, 'core');
  const modules = (readdirSync(core, { recursive: true }) as string[])
    .filter((f) => f.endsWith('-actions.ts'))
    .map((f) => path.join('core', f))
    .sort();
  const verbs = new Set<string>();
  for (const file of modules) {
    const exported = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (!/(^|_)VERBS$/.test(name) || !value || typeof value !== 'object') continue;
      for (const verb of Object.values(value)) if (typeof verb === 'string') verbs.add(verb);
    }
  }
  return { modules, verbs };
}
