import { Document, Lexer, LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';

/**
 * Reading configuration files that admins and HR maintain (campaign files, the organisation file): YAML 1.2 or
 * JSON, every problem with file, 1-based line and path, so a reviewer finds it in the file.
 */

/** one problem in a file: where (file, line when known, path such as `items[0].options`) and what. */
export interface FileError {
  file: string;
  line?: number;
  path: string;
  message: string;
}

export type Path = readonly PropertyKey[];

/** locates a path in the parsed source; undefined when the source has no usable positions. */
export type Locator = (path: Path) => number | undefined;

/** one line for logs and the admin: 'campaigns/x.yml:12 items[0].options: needs at least 2 entries'. */
export function formatFileError(e: FileError): string {
  const where = e.line === undefined ? e.file : `${e.file}:${e.line}`;
  return e.path === '' ? `${where} ${e.message}` : `${where} ${e.path}: ${e.message}`;
}

/** writes a zod path the way a reader of the file thinks of it: items[0].schedule.start. */
export function formatPath(path: Path): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

export type Source = { ok: true; data: unknown; locate: Locator } | { ok: false; errors: FileError[] };

/** how many copies aliases may expand to in one file: the yaml library's guard against "billion laughs" documents. */
const MAX_ALIAS_COUNT = 100;

/**
 * how deep flow collections (`[…]`, `{…}`, all of JSON) may nest. Campaign and organisation files need a handful of
 * levels; the YAML parser needs about 1 KB of memory per level, so a few MB of brackets would exhaust the process.
 */
const MAX_FLOW_DEPTH = 64;

/**
 * parses a .yml/.yaml (YAML 1.2 core schema, so local date-times stay strings) or .json file; never throws. Whatever
 * the parser throws (aliases expanding too far, an alias without anchor, nesting deeper than the stack) becomes an
 * error of this file, so one bad file never stops the reading of the others.
 */
export function readSource(fileName: string, text: string): Source {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension !== 'yml' && extension !== 'yaml' && extension !== 'json') {
    return {
      ok: false,
      errors: [{ file: fileName, path: '', message: 'unknown file type; use .yml, .yaml or .json' }],
    };
  }
  try {
    const tooDeep = lineNestedDeeperThan(text, MAX_FLOW_DEPTH);
    if (tooDeep !== undefined)
      return {
        ok: false,
        errors: [
          { file: fileName, line: tooDeep, path: '', message: `nested more than ${MAX_FLOW_DEPTH} levels deep` },
        ],
      };
    return extension === 'json' ? readJson(fileName, text) : readYaml(fileName, text);
  } catch (err) {
    return { ok: false, errors: [{ file: fileName, path: '', message: describeThrown(err) }] };
  }
}

/** the line where flow collections first nest deeper than `limit`, found by the YAML lexer alone (no tree is built); undefined when they never do. */
function lineNestedDeeperThan(text: string, limit: number): number | undefined {
  let depth = 0;
  let line = 1;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      depth += 1;
      if (depth > limit) return line;
    } else if (token === ']' || token === '}') {
      depth = Math.max(0, depth - 1);
    } else {
      for (let i = token.indexOf('\n'); i !== -1; i = token.indexOf('\n', i + 1)) line += 1;
    }
  }
  return undefined;
}

/** a parser exception as a reader of the file understands it. */
function describeThrown(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/excessive alias count/i.test(message))
    return `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} copies); write the repeated values out`;
  if (err instanceof RangeError) return 'nested too deeply to be read';
  if (/^unresolved alias/i.test(message))
    return `YAML alias without anchor: ${message.replace(/^[^:]*:\s*/, '*')} is used before any &anchor of that name`;
  return `cannot be read: ${message.split('\n')[0]}`;
}

/** the line of the first alias whose anchor is not set before it, if there is one. */
function unresolvedAliasLine(doc: Document, lines: LineCounter): number | undefined {
  const anchors = new Set<string>();
  let line: number | undefined;
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node) && !anchors.has(node.source)) {
        line = node.range ? lines.linePos(node.range[0]).line : undefined;
        return visit.BREAK;
      }
      if (node.anchor) anchors.add(node.anchor);
      return undefined;
    },
  });
  return line;
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
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), locate: locator(doc, lines) };
  } catch (err) {
    const line = unresolvedAliasLine(doc, lines);
    return {
      ok: false,
      errors: [{ file: fileName, ...(line !== undefined && { line }), path: '', message: describeThrown(err) }],
    };
  }
}

function readJson(fileName: string, text: string): Source {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const position = /position (\d+)/.exec(message)?.[1];
    const line = /line (\d+)/.exec(message)?.[1];
    const lineNumber =
      line !== undefined ? Number(line) : position !== undefined ? lineAt(text, Number(position)) : undefined;
    return {
      ok: false,
      errors: [{ file: fileName, line: lineNumber, path: '', message: `JSON syntax error: ${message}` }],
    };
  }
  // JSON is YAML 1.2, so the YAML parser supplies line numbers for JSON files too; should it fail on valid JSON, there are none.
  try {
    const { doc, lines } = parseYaml(text);
    return { ok: true, data, locate: doc.errors.length === 0 ? locator(doc, lines) : () => undefined };
  } catch {
    return { ok: true, data, locate: () => undefined };
  }
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
