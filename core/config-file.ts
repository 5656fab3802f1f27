import { Document, LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';

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
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

export type Source = { ok: true; data: unknown; locate: Locator } | { ok: false; errors: FileError[] };

/** parses a .yml/.yaml (YAML 1.2 core schema, so local date-times stay strings) or .json file; never throws. */
export function readSource(fileName: string, text: string): Source {
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
