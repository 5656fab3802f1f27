// The layout's promise that no module depends on itself through others (docs/architecture.md, "The house"): the
// relative imports of every production source form no circle. Type-only imports count too: a circle of types still
// ties two rooms together.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const FOLDERS = ['host', 'bot', 'dialogs', 'app', 'cards', 'storage', 'core', 'manifest'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** the project files a source imports (relative specifiers resolved to .ts files or folder indexes). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // an import may span lines (a long name list); what lies between the keyword and `from` holds no quote or semicolon.
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+'(\.{1,2}\/[^']+)'/g)].map(
    (m) => m[1] as string,
  );
  return specs.flatMap((spec) => {
    const base = path.resolve(path.dirname(file), spec);
    for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) {
      try {
        if (statSync(candidate).isFile()) return [candidate];
      } catch {
        /* try the next */
      }
    }
    return [];
  });
}

/** one circle of the graph, as relative paths, or undefined. */
function findCircle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    if (!state.has(node)) {
      const found = visit(node);
      if (found) return found.map((f) => path.relative(ROOT, f));
    }
  }
  return undefined;
}

describe('the import graph of the production code', () => {
  const files = FOLDERS.flatMap((folder) => sources(path.join(ROOT, folder)));
  const graph = new Map(files.map((file) => [file, importsOf(file)]));

  test('is read: every folder has sources and the edge imports the features', () => {
    expect(files.length).toBeGreaterThan(150);
    expect(graph.get(path.join(ROOT, 'bot', 'mitwirken-bot.ts'))).toContain(
      path.join(ROOT, 'app', 'polls', 'index.ts'),
    );
  });

  test('has no circle', () => {
    expect(findCircle(graph)).toBeUndefined();
  });

  test('would show a circle if there were one', () => {
    const a = path.join(ROOT, 'a.ts');
    const b = path.join(ROOT, 'b.ts');
    expect(
      findCircle(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual(['a.ts', 'b.ts', 'a.ts']);
  });
});
