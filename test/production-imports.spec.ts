// A production install (`npm ci --omit=dev`) has only package.json's dependencies. Every package the bot loads when it
// starts (the static imports reachable from bot/main.ts) must be one of them; development-only packages (embedded
// Azurite, the Agents Playground, pino-pretty) may only be loaded lazily, in local mode or when they are installed.
// scripts/check-production-install.ts proves the same by running the build; this finds the import that breaks it early.
import { builtinModules } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** the package a bare specifier names: `@scope/name` or `name`. */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
const builtin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(packageOf(specifier));

/** a relative specifier as the .ts (or .json) file it names. */
function resolveLocal(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find((file) => existsSync(file) && !file.endsWith('/'));
}

/**
 * the module specifiers of one file: `eager` ones load with it (import and export declarations without `type`,
 * `import x = require()`, `require()` outside any function), `lazy` ones when code runs (`import()`, `require()` in a function).
 */
function importsOf(file: string): { eager: string[]; lazy: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const eager: string[] = [];
  const lazy: string[] = [];
  const visit = (node: ts.Node, inFunction: boolean): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && !node.importClause?.isTypeOnly) {
      const named = node.importClause?.namedBindings;
      const onlyTypes = !node.importClause?.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) eager.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      eager.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      eager.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0] as ts.Node)) {
      const specifier = (node.arguments[0] as ts.StringLiteral).text;
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) lazy.push(specifier);
      else if (ts.isIdentifier(node.expression) && node.expression.text === 'require') (inFunction ? lazy : eager).push(specifier);
    }
    ts.forEachChild(node, (child) => visit(child, inFunction || ts.isFunctionLike(node)));
  };
  visit(source, false);
  return { eager, lazy };
}

/** the packages reached from `entry`: `eager` through static imports only, `all` also through lazy loads. */
function packagesFrom(entry: string): { eager: Set<string>; all: Set<string>; eagerFiles: Set<string> } {
  const eager = new Set<string>();
  const all = new Set<string>();
  const eagerFiles = new Set<string>();
  const seen = new Map<string, boolean>(); // file → reached eagerly
  const walk = (file: string, isEager: boolean): void => {
    if (seen.get(file) === true || (seen.has(file) && !isEager)) return;
    seen.set(file, isEager);
    if (isEager) eagerFiles.add(path.relative(ROOT, file));
    if (!file.endsWith('.ts')) return;
    const { eager: now, lazy } = importsOf(file);
    for (const [specifier, viaEager] of [...now.map((s) => [s, isEager] as const), ...lazy.map((s) => [s, false] as const)]) {
      if (specifier.startsWith('.')) {
        const target = resolveLocal(file, specifier);
        if (!target) throw new Error(`${path.relative(ROOT, file)}: cannot resolve ${specifier}`);
        walk(target, viaEager);
      } else if (!builtin(specifier)) {
        all.add(packageOf(specifier));
        if (viaEager) eager.add(packageOf(specifier));
      }
    }
  };
  walk(entry, true);
  return { eager, all, eagerFiles };
}

const reached = packagesFrom(path.join(ROOT, 'bot', 'main.ts'));

describe('what bot/main.ts loads', () => {
  test('every package it imports when it starts is a production dependency', () => {
    const notInstalled = [...reached.eager].filter((name) => !(name in pkg.dependencies));
    expect(notInstalled).toEqual([]);
  });

  test('the development-only parts are loaded lazily, and only they need development dependencies', () => {
    expect(reached.eagerFiles).not.toContain('storage/embedded-azurite.ts');
    expect(reached.eagerFiles).not.toContain('bot/playground.ts');
    const lazyOnly = [...reached.all].filter((name) => !reached.eager.has(name)).sort();
    expect(lazyOnly).toEqual(['azurite']);
    for (const name of lazyOnly) expect(pkg.devDependencies).toHaveProperty([name]);
  });

  test('every production dependency is used by the bot', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => !reached.all.has(name))).toEqual([]);
  });

  test('packages for local mode, tests, packaging and the card gallery are development dependencies', () => {
    for (const name of ['azurite', '@microsoft/m365agentsplayground', 'tsx', 'pino-pretty', 'jszip', 'adaptivecards', 'typescript', 'jest']) {
      expect(pkg.devDependencies).toHaveProperty([name]);
      expect(pkg.dependencies).not.toHaveProperty([name]);
    }
  });
});
