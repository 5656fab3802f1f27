/**
 * The licences of Mitwirken's production dependencies, as installed: each one must let Mitwirken be distributed
 * under MIT (supply-chain/licence-policy.ts), or have a reasoned exception (supply-chain/licence-exceptions.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLicenceReport, readExceptions } from './licence-report';

const root = join(__dirname, '..');
const report = buildLicenceReport(root);
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean }>;
};
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

describe('the licences of the production dependencies', () => {
  it('let Mitwirken be distributed under MIT, or have a reasoned exception', () => {
    const refused = report.packages
      .filter((p) => p.status === 'refused')
      .map(
        (p) =>
          `${p.name}@${p.version} (${p.path}): ${p.licence ?? 'no licence'}: ${p.why}${p.licenceText ? ` – ${p.licenceText.split('\n')[0]}` : ''}`,
      );
    expect(refused).toEqual([]);
  });

  it('are read from the installed tree: every direct dependency, and no dev-only package', () => {
    const reported = new Set(report.packages.map((p) => p.path));
    for (const name of Object.keys(manifest.dependencies ?? {})) expect(reported).toContain(`node_modules/${name}`);
    for (const name of Object.keys(manifest.devDependencies ?? {})) {
      if (lock.packages[`node_modules/${name}`]?.dev) expect(reported).not.toContain(`node_modules/${name}`);
    }
    expect(report.packages.every((p) => p.name !== '' && p.version !== '')).toBe(true);
  });

  it('come with a well-formed exceptions file', () => {
    expect(() => readExceptions()).not.toThrow();
  });
});
