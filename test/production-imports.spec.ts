// A production install (`npm ci --omit=dev`) has only package.json's dependencies. Every package the bot loads when it
// starts (the static imports reachable from host/main.ts) must be one of them; development-only packages (embedded
// Azurite, the Agents Playground, pino-pretty) may only be loaded lazily, in local mode or when they are installed.
// scripts/check-production-install.ts proves the same by running the build; this finds the import that breaks it early.
import { builtinModules } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** the package a bare specifier names: `@scope/name` or `name`. */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
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
      const onlyTypes =
        !node.importClause?.name &&
        named &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) eager.push(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      !node.isTypeOnly
    ) {
      eager.push(node.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      eager.push(node.moduleReference.expression.text);
    } else if (
      ts.isCallExpression(node) &&
      node.arguments.length > 0 &&
      ts.isStringLiteral(node.arguments[0] as ts.Node)
    ) {
      const specifier = (node.arguments[0] as ts.StringLiteral).text;
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) lazy.push(specifier);
      else if (ts.isIdentifier(node.expression) && node.expression.text === 'require')
        (inFunction ? lazy : eager).push(specifier);
    }
    ts.forEachChild(node, (child) => visit(child, inFunction || ts.isFunctionLike(node)));
  };
  visit(source, false);
  return { eager, lazy };
}

/** the modules only local mode loads (embedded Azurite, the Agents Playground): development dependencies may live there. */
const LOCAL_MODE_FILES = new Set(['storage/embedded-azurite.ts', 'host/playground.ts']);

/**
 * the packages reached from `entry`: `production` outside the local-mode modules (lazily loaded ones included:
 * telemetry comes first, so main.ts loads the rest with import()), `localOnly` only through them; `eagerFiles` are the
 * files loaded with main.ts itself.
 */
function packagesFrom(entry: string): { production: Set<string>; localOnly: Set<string>; eagerFiles: Set<string> } {
  const production = new Set<string>();
  const local = new Set<string>();
  const eagerFiles = new Set<string>();
  const seen = new Set<string>();
  const walk = (file: string, isEager: boolean, inLocal: boolean): void => {
    const relative = path.relative(ROOT, file);
    const local_ = inLocal || LOCAL_MODE_FILES.has(relative);
    const key = `${file}|${isEager}|${local_}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (isEager) eagerFiles.add(relative);
    if (!file.endsWith('.ts')) return;
    const { eager: now, lazy } = importsOf(file);
    for (const [specifier, viaEager] of [
      ...now.map((s) => [s, isEager] as const),
      ...lazy.map((s) => [s, false] as const),
    ]) {
      if (specifier.startsWith('.')) {
        const target = resolveLocal(file, specifier);
        if (!target) throw new Error(`${relative}: cannot resolve ${specifier}`);
        walk(target, viaEager, local_);
      } else if (!builtin(specifier)) (local_ ? local : production).add(packageOf(specifier));
    }
  };
  walk(entry, true, false);
  return { production, localOnly: new Set([...local].filter((name) => !production.has(name))), eagerFiles };
}

const reached = packagesFrom(path.join(ROOT, 'host', 'main.ts'));

describe('what host/main.ts loads', () => {
  test('every package it loads outside local mode is a production dependency', () => {
    const notInstalled = [...reached.production].filter((name) => !(name in pkg.dependencies));
    expect(notInstalled).toEqual([]);
  });

  test('the local-mode parts are loaded lazily, and only they need development dependencies', () => {
    for (const file of LOCAL_MODE_FILES) expect(reached.eagerFiles).not.toContain(file);
    expect([...reached.localOnly].sort()).toEqual(['azurite']);
    for (const name of reached.localOnly) expect(pkg.devDependencies).toHaveProperty([name]);
  });

  test('every production dependency is used by the bot', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => !reached.production.has(name))).toEqual([]);
  });

  test('packages for local mode, tests, packaging and the card gallery are development dependencies', () => {
    for (const name of [
      'azurite',
      '@microsoft/m365agentsplayground',
      'tsx',
      'pino-pretty',
      'jszip',
      'adaptivecards',
      'typescript',
      'jest',
    ]) {
      expect(pkg.devDependencies).toHaveProperty([name]);
      expect(pkg.dependencies).not.toHaveProperty([name]);
    }
  });
});
