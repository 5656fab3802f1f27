import { Document, LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { z } from 'zod';
import { Campaign, CampaignItem, DEFAULT_CHANNEL } from './campaign';
import { CampaignFile, DEFAULT_OPEN_FOR, ITEM_TYPE_LIST, campaignFileSchema, itemId } from './campaign-schema';
import { isValidTimeZone } from './local-time';

/** One problem in a campaign file: where (file, 1-based line when known, path such as `items[0].options`) and what. */
export interface CampaignFileError {
  file: string;
  line?: number;
  path: string;
  message: string;
}

/** The outcome of reading a campaign file: the campaign, or every problem found. */
export type CampaignFileResult = { ok: true; campaign: Campaign } | { ok: false; errors: CampaignFileError[] };

/** Settings from configuration that a file may leave out. */
export interface CampaignFileDefaults {
  /** IANA zone used when the file has no `timezone`; the deployment's TIMEZONE, e.g. Europe/Berlin. */
  defaultTimeZone: string;
}

type Path = readonly PropertyKey[];

/** Locates a path in the parsed source; undefined when the source has no usable positions. */
type Locator = (path: Path) => number | undefined;

/**
 * reads a campaign file (.yml/.yaml as YAML 1.2 core schema, so local date-times stay strings; .json
 * as JSON), validates it and applies defaults (channel General, status scheduled, openFor P7D,
 * anonymous false, item ids item-1, item-2 …). Never throws; problems come back as errors.
 */
export function parseCampaignFile(fileName: string, text: string, defaults: CampaignFileDefaults): CampaignFileResult {
  const source = readSource(fileName, text);
  if (!source.ok) return source;
  return campaignFromData(fileName, source.data, defaults, source.locate);
}

/**
 * validates campaign data already read (a parsed file, or what the chat wizard assembled) with the same schema
 * and defaults as a file; `source` names it in errors.
 */
export function campaignFromData(source: string, data: unknown, defaults: CampaignFileDefaults, locate: Locator = () => undefined): CampaignFileResult {
  const fileName = source;
  const parsed = campaignFileSchema.safeParse(data, { reportInput: true, error: describeIssue });
  if (!parsed.success) {
    const errors = parsed.error.issues.flatMap((issue) => toErrors(fileName, issue, locate));
    return { ok: false, errors: sortByLine(errors) };
  }
  const timeZone = parsed.data.timezone ?? defaults.defaultTimeZone;
  if (!isValidTimeZone(timeZone)) {
    const message = `default time zone '${timeZone}' is not an IANA time zone; set timezone in the file or fix TIMEZONE`;
    return { ok: false, errors: [{ file: fileName, path: 'timezone', message }] };
  }
  return { ok: true, campaign: toCampaign(parsed.data, timeZone) };
}

/** one line for logs and the admin: 'campaigns/x.yml:12 items[0].options: needs at least 2 entries'. */
export function formatCampaignFileError(e: CampaignFileError): string {
  const where = e.line === undefined ? e.file : `${e.file}:${e.line}`;
  return e.path === '' ? `${where} ${e.message}` : `${where} ${e.path}: ${e.message}`;
}

/** writes a zod path the way a reader of the file thinks of it: items[0].schedule.start. */
export function formatPath(path: Path): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

type Source = { ok: true; data: unknown; locate: Locator } | { ok: false; errors: CampaignFileError[] };

function readSource(fileName: string, text: string): Source {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'yml' || extension === 'yaml') return readYaml(fileName, text);
  if (extension === 'json') return readJson(fileName, text);
  return { ok: false, errors: [{ file: fileName, path: '', message: 'unknown file type; use .yml, .yaml or .json' }] };
}

function parseYaml(text: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  // version 1.2 with the core schema: no timestamp tag, so 2026-12-07T09:00 stays a string (YAML 1.1 would make it a Date).
  const doc = parseDocument(text, { lineCounter: lines, version: '1.2', schema: 'core', prettyErrors: false });
  return { doc, lines };
}

function readYaml(fileName: string, text: string): Source {
  const { doc, lines } = parseYaml(text);
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e) => ({
      file: fileName,
      line: lines.linePos(e.pos[0]).line,
      path: '',
      message: `YAML syntax error: ${e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`,
    }));
    // one error per line: the parser's follow-on complaints about the same spot are noise.
    return { ok: false, errors: errors.filter((e, i) => errors.findIndex((other) => other.line === e.line) === i) };
  }
  return { ok: true, data: doc.toJS({ maxAliasCount: 100 }), locate: locator(doc, lines) };
}

function readJson(fileName: string, text: string): Source {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const position = /position (\d+)/.exec(message)?.[1];
    const line = /line (\d+)/.exec(message)?.[1];
    const lineNumber = line !== undefined ? Number(line) : position !== undefined ? lineAt(text, Number(position)) : undefined;
    return { ok: false, errors: [{ file: fileName, line: lineNumber, path: '', message: `JSON syntax error: ${message}` }] };
  }
  // JSON is YAML 1.2, so the YAML parser supplies line numbers for JSON files too.
  const { doc, lines } = parseYaml(text);
  return { ok: true, data, locate: doc.errors.length === 0 ? locator(doc, lines) : () => undefined };
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** the line of the deepest node on the path that exists: the key of a map entry, or a list item. */
function locator(doc: Document, lines: LineCounter): Locator {
  return (path) => {
    let node: unknown = doc.contents;
    let anchor: unknown = node;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
        if (!pair) break;
        anchor = pair.key;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) break;
        anchor = item;
        node = item;
      } else {
        break;
      }
    }
    const range = (anchor as { range?: [number, number, number] } | null)?.range;
    return range ? lines.linePos(range[0]).line : undefined;
  };
}

function toErrors(file: string, issue: z.core.$ZodIssue, locate: Locator): CampaignFileError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      return { file, line: locate(path), path: formatPath(path), message: `unknown key '${key}'` };
    });
  }
  return [{ file, line: locate(issue.path), path: formatPath(issue.path), message: issue.message }];
}

function sortByLine(errors: CampaignFileError[]): CampaignFileError[] {
  return errors
    .map((e, index) => ({ e, index }))
    .sort((a, b) => (a.e.line ?? Infinity) - (b.e.line ?? Infinity) || a.index - b.index)
    .map(({ e }) => e);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
};

/** English messages for zod's generic issues; specific checks in the schema carry their own. */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type':
      if ((issue.path ?? []).length === 0) {
        return input === null || input === undefined ? 'the file is empty' : 'the file must be a mapping of keys (id, title, teams, items …)';
      }
      if (input === undefined) return 'is required';
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `must have at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `needs at least ${issue.minimum} entries, has ${(input as unknown[]).length}`;
      return issue.inclusive ? `must be at least ${issue.minimum}` : `must be greater than ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must have at most ${issue.maximum} characters, has ${(input as string).length}`;
      if (issue.origin === 'array') return `allows at most ${issue.maximum} entries, has ${(input as unknown[]).length}`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => String(v)).join(' or ')}`;
    case 'invalid_union': {
      if (!('discriminator' in issue) || !issue.discriminator) return undefined;
      const type = (input as Record<string, unknown> | undefined)?.type;
      if (type === undefined) return `is required: ${ITEM_TYPE_LIST}`;
      return `unknown item type '${String(type)}'; use ${ITEM_TYPE_LIST}`;
    }
    default:
      return undefined;
  }
}

function toCampaign(file: CampaignFile, timeZone: string): Campaign {
  return {
    id: file.id,
    title: file.title,
    ...(file.description !== undefined && { description: file.description }),
    targets: file.teams === 'all' ? { kind: 'all' } : { kind: 'teams', teams: file.teams },
    channel: file.channel ?? DEFAULT_CHANNEL,
    timeZone,
    status: file.status ?? 'scheduled',
    ...(file.retentionDays !== undefined && { retentionDays: file.retentionDays }),
    items: file.items.map((item, index) => toItem(item, index)),
  };
}

function toItem(item: CampaignFile['items'][number], index: number): CampaignItem {
  const { schedule } = item;
  const base = {
    id: itemId(item.id, index),
    question: item.question,
    anonymous: item.anonymous ?? false,
    schedule: {
      start: schedule.start,
      ...(schedule.every !== undefined && { every: schedule.every }),
      ...(schedule.until !== undefined && { until: schedule.until }),
    },
    openFor: item.openFor ?? DEFAULT_OPEN_FOR,
    ...(item.remindBefore !== undefined && { remindBefore: item.remindBefore }),
  };
  if (item.type !== 'poll') return { type: item.type, ...base };
  return {
    type: 'poll',
    ...base,
    options: item.options,
    multiple: item.multiple ?? false,
    ...(item.maxChoices !== undefined && { maxChoices: item.maxChoices }),
  };
}
