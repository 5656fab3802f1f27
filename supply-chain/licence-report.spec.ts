import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LicenceException } from './licence-policy';
import { buildLicenceReport, writeLicenceReport, type ReportedPackage } from './licence-report';

const MIT_TEXT = `The MIT License

Copyright (c) 2014 Someone

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction ...

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the
Software.`;

interface Fixture {
  lock: Record<string, Record<string, unknown>>;
  installed: Record<string, { manifest: Record<string, unknown>; files?: Record<string, string> }>;
}

/** a project folder with a package-lock.json and the given node_modules. */
function project(fixture: Fixture): string {
  const root = mkdtempSync(join(tmpdir(), 'mitwirken-licences-'));
  const packages = { '': { name: 'product', version: '1.2.3', license: 'MIT' }, ...fixture.lock };
  writeFileSync(
    join(root, 'package-lock.json'),
    JSON.stringify({ name: 'product', version: '1.2.3', lockfileVersion: 3, packages }),
  );
  for (const [path, { manifest, files }] of Object.entries(fixture.installed)) {
    mkdirSync(join(root, path), { recursive: true });
    writeFileSync(join(root, path, 'package.json'), JSON.stringify(manifest));
    for (const [file, text] of Object.entries(files ?? {})) writeFileSync(join(root, path, file), text);
  }
  return root;
}

const byPath = (packages: ReportedPackage[], path: string): ReportedPackage | undefined =>
  packages.find((p) => p.path === path);

describe('the licence report of an installed tree', () => {
  const roots: string[] = [];
  const make = (fixture: Fixture): string => {
    const root = project(fixture);
    roots.push(root);
    return root;
  };
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  const tree: Fixture = {
    lock: {
      'node_modules/prod': { version: '1.0.0', license: 'MIT' },
      'node_modules/prod/node_modules/nested': { version: '2.0.0' },
      'node_modules/dev-tool': { version: '3.0.0', license: 'GPL-3.0-only', dev: true },
      'node_modules/legacy': { version: '0.1.0' },
      'node_modules/textual': { version: '0.2.0' },
      'node_modules/custom': { version: '0.3.0', license: 'SEE LICENSE IN TERMS.txt' },
      'node_modules/bare': { version: '0.4.0' },
      'node_modules/@scope/other-platform': { version: '5.0.0', license: 'MIT', optional: true },
      'node_modules/aliased': { name: 'real-name', version: '1.1.0', license: 'ISC' },
      'packages/workspace': { version: '0.0.1', license: 'UNLICENSED' },
      'node_modules/workspace': { resolved: 'packages/workspace', link: true },
    },
    installed: {
      'node_modules/prod': { manifest: { name: 'prod', version: '1.0.0', license: 'MIT' } },
      'node_modules/prod/node_modules/nested': {
        manifest: { name: 'nested', version: '2.0.0', license: '(MIT OR GPL-3.0-or-later)' },
      },
      'node_modules/dev-tool': { manifest: { name: 'dev-tool', version: '3.0.0', license: 'GPL-3.0-only' } },
      'node_modules/legacy': {
        manifest: { name: 'legacy', version: '0.1.0', licenses: [{ type: 'BSD-2-Clause', url: 'x' }] },
      },
      'node_modules/textual': { manifest: { name: 'textual', version: '0.2.0' }, files: { 'LICENSE-MIT': MIT_TEXT } },
      'node_modules/custom': {
        manifest: { name: 'custom', version: '0.3.0', license: 'SEE LICENSE IN TERMS.txt' },
        files: { 'TERMS.txt': 'ACME END USER TERMS\n\nYou may evaluate this software.' },
      },
      'node_modules/bare': { manifest: { name: 'bare', version: '0.4.0' } },
      'node_modules/aliased': { manifest: { name: 'real-name', version: '1.1.0', license: 'ISC' } },
    },
  };

  it('reports every package the lockfile does not mark dev, wherever it sits, and nothing else', () => {
    const report = buildLicenceReport(make(tree), []);
    expect(report.packages.map((p) => p.path).sort()).toEqual([
      'node_modules/@scope/other-platform',
      'node_modules/aliased',
      'node_modules/bare',
      'node_modules/custom',
      'node_modules/legacy',
      'node_modules/prod',
      'node_modules/prod/node_modules/nested',
      'node_modules/textual',
    ]);
    expect(report.product).toEqual({ name: 'product', version: '1.2.3' });
  });

  it("takes each package's licence from its installed package.json, a legacy licenses array or its licence file", () => {
    const { packages } = buildLicenceReport(make(tree), []);
    expect(byPath(packages, 'node_modules/prod/node_modules/nested')).toMatchObject({
      name: 'nested',
      version: '2.0.0',
      licence: '(MIT OR GPL-3.0-or-later)',
      source: 'license',
      status: 'allowed',
      why: 'MIT',
      installed: true,
    });
    expect(byPath(packages, 'node_modules/legacy')).toMatchObject({
      licence: 'BSD-2-Clause',
      source: 'licenses',
      status: 'allowed',
    });
    expect(byPath(packages, 'node_modules/textual')).toMatchObject({
      licence: 'MIT',
      source: 'file',
      licenceFile: 'LICENSE-MIT',
      status: 'allowed',
    });
    expect(byPath(packages, 'node_modules/textual')?.licenceText).toBe(
      'The MIT License\nCopyright (c) 2014 Someone\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software and associated\ndocumentation files (the "Software"), to deal in the Software without restriction ...',
    );
    expect(byPath(packages, 'node_modules/aliased')).toMatchObject({ name: 'real-name', licence: 'ISC' });
  });

  it('refuses a custom licence and a package without any, showing the terms it points to', () => {
    const report = buildLicenceReport(make(tree), []);
    expect(byPath(report.packages, 'node_modules/custom')).toMatchObject({
      licence: 'SEE LICENSE IN TERMS.txt',
      source: 'license',
      licenceFile: 'TERMS.txt',
      licenceText: 'ACME END USER TERMS\nYou may evaluate this software.',
      status: 'refused',
    });
    expect(byPath(report.packages, 'node_modules/bare')).toMatchObject({
      licence: null,
      source: 'none',
      status: 'refused',
      why: 'no licence declared',
    });
    expect(report.summary).toMatchObject({ packages: 8, allowed: 6, exceptions: 0, refused: 2 });
  });

  it('reports an optional package this platform did not install from the lockfile', () => {
    const { packages } = buildLicenceReport(make(tree), []);
    expect(byPath(packages, 'node_modules/@scope/other-platform')).toMatchObject({
      name: '@scope/other-platform',
      version: '5.0.0',
      licence: 'MIT',
      source: 'lockfile',
      installed: false,
      status: 'allowed',
    });
  });

  it('applies exceptions and lists those no package needs', () => {
    const bare: LicenceException = {
      name: 'bare',
      version: '0.4.0',
      licence: null,
      reason: 'its README says MIT; reviewed for this version',
    };
    const gone: LicenceException = {
      name: 'gone',
      version: '1.0.0',
      licence: null,
      reason: 'a package that left the tree long ago',
    };
    const report = buildLicenceReport(make(tree), [bare, gone]);
    expect(byPath(report.packages, 'node_modules/bare')).toMatchObject({ status: 'exception', why: bare.reason });
    expect(report.summary).toMatchObject({ exceptions: 1, refused: 1 });
    expect(report.unusedExceptions).toEqual([gone]);
  });

  it('refuses to report a tree that does not match the lockfile', () => {
    const missing = make({ lock: { 'node_modules/prod': { version: '1.0.0' } }, installed: {} });
    expect(() => buildLicenceReport(missing, [])).toThrow(
      'node_modules/prod is in package-lock.json but not installed: run npm ci',
    );
    const stale = make({
      lock: { 'node_modules/prod': { version: '1.0.1' } },
      installed: { 'node_modules/prod': { manifest: { name: 'prod', version: '1.0.0', license: 'MIT' } } },
    });
    expect(() => buildLicenceReport(stale, [])).toThrow(
      'node_modules/prod is prod@1.0.0, package-lock.json says 1.0.1: run npm ci',
    );
  });

  it('writes licences.json and LICENCES.md', () => {
    const root = make(tree);
    const report = buildLicenceReport(root, []);
    const files = writeLicenceReport(report, join(root, 'build'));
    expect(JSON.parse(readFileSync(files.json, 'utf8'))).toEqual(report);
    const markdown = readFileSync(files.markdown, 'utf8');
    expect(markdown).toContain(
      '8 packages from package-lock.json (dev-only ones left out): 6 allowed, 0 by exception, 2 refused.',
    );
    expect(markdown).toContain('| (MIT OR GPL-3.0-or-later) | 1 |');
    expect(markdown).toMatch(
      /## Refused[\s\S]*\| custom@0\.3\.0 \| SEE LICENSE IN TERMS\.txt \| a custom licence \(SEE LICENSE IN TERMS\.txt\) \(TERMS\.txt: ACME END USER TERMS \/ You may evaluate this software\.\) \|/,
    );
    expect(markdown).toContain('| textual | 0.2.0 | MIT | file LICENSE-MIT | node_modules/textual |');
    expect(markdown).toContain(
      '| @scope/other-platform | 5.0.0 | MIT | lockfile (not installed here) | node_modules/@scope/other-platform |',
    );
    expect(markdown).not.toContain('dev-tool');
  });
});
