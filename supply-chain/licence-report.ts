/**
 * The licence report of every production dependency, read from the installed tree: package-lock.json says which
 * packages are production ones (every entry without `dev: true`, whatever package.json's sections say), and each
 * one's own node_modules/…/package.json (or licence file) says its licence. Optional packages not installed on this
 * platform (esbuild's other platforms, fsevents) are reported from the lockfile, as other machines install them.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  ALLOWED_LICENCES,
  checkPackage,
  declaredLicence,
  exceptionProblems,
  recogniseLicenceText,
  type LicenceException,
  type PolicyResult,
} from './licence-policy';

export const EXCEPTIONS_FILE = join(__dirname, 'licence-exceptions.json');

export interface ReportedPackage {
  name: string;
  version: string;
  /** the SPDX expression (or whatever the package declares); null when nothing is declared or recognised. */
  licence: string | null;
  /** where the licence comes from: package.json `license`, its legacy `licenses`, the text of a licence file, the lockfile (not installed here), or nowhere. */
  source: 'license' | 'licenses' | 'file' | 'lockfile' | 'none';
  /** the licence file read (relative to the package), when package.json declares none or points to one. */
  licenceFile?: string;
  /** that file's first lines. */
  licenceText?: string;
  /** the package's folder relative to the project, as in package-lock.json. */
  path: string;
  /** false for an optional package that this platform did not install. */
  installed: boolean;
  status: PolicyResult['status'];
  why: string;
}

export interface LicenceReport {
  product: { name: string; version: string };
  packages: ReportedPackage[];
  summary: {
    packages: number;
    allowed: number;
    exceptions: number;
    refused: number;
    byLicence: Record<string, number>;
  };
  /** exceptions that matched no package of this tree (the package left, or has another version or licence now). */
  unusedExceptions: LicenceException[];
}

interface LockEntry {
  name?: string;
  version?: string;
  license?: string;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  link?: boolean;
}

const LICENCE_FILE = /^(licen[cs]e|copying)([-._].*)?$/i;
const FIRST_LINES = 4;

/** the package name a lockfile key stands for: the part after its last node_modules/. */
function nameFromPath(path: string): string {
  return path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

function firstLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, FIRST_LINES)
    .join('\n');
}

/** the licence file a package points to (`SEE LICENSE IN x`) or ships (LICENSE, LICENCE.md, LICENSE-MIT, COPYING …). */
function licenceFileOf(dir: string, declared: string | undefined): string | undefined {
  const pointed = declared?.match(/^SEE LICEN[CS]E IN\s+(.+)$/i)?.[1]?.trim();
  if (pointed && existsSync(join(dir, pointed))) return pointed;
  const candidates = readdirSync(dir)
    .filter((file) => LICENCE_FILE.test(file))
    .sort();
  return candidates.find((file) => /^licen[cs]e$/i.test(file)) ?? candidates[0];
}

function readInstalled(root: string, path: string, lock: LockEntry): Omit<ReportedPackage, 'status' | 'why'> {
  const dir = join(root, path);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  const name = typeof manifest.name === 'string' ? manifest.name : (lock.name ?? nameFromPath(path));
  const version = typeof manifest.version === 'string' ? manifest.version : '';
  if (lock.version !== undefined && version !== lock.version) {
    throw new Error(`${path} is ${name}@${version}, package-lock.json says ${lock.version}: run npm ci`);
  }
  const declared = declaredLicence(manifest);
  const entry: Omit<ReportedPackage, 'status' | 'why'> = {
    name,
    version,
    licence: declared?.licence ?? null,
    source: declared?.source ?? 'none',
    path,
    installed: true,
  };
  if (declared && !/^SEE LICEN[CS]E IN\b/i.test(declared.licence)) return entry;
  const file = licenceFileOf(dir, declared?.licence);
  if (!file) return entry;
  const text = readFileSync(join(dir, file), 'utf8');
  entry.licenceFile = file;
  entry.licenceText = firstLines(text);
  const recognised = recogniseLicenceText(text);
  if (recognised) {
    entry.licence = recognised;
    entry.source = 'file';
  }
  return entry;
}

export function readExceptions(file = EXCEPTIONS_FILE): LicenceException[] {
  const exceptions: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const problems = exceptionProblems(exceptions);
  if (problems.length > 0) throw new Error(`${file}:\n  ${problems.join('\n  ')}`);
  return exceptions as LicenceException[];
}

/** builds the report of the project at `root` from its package-lock.json and node_modules. */
export function buildLicenceReport(
  root: string,
  exceptions: readonly LicenceException[] = readExceptions(),
): LicenceReport {
  const lockFile = join(root, 'package-lock.json');
  const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as {
    lockfileVersion?: number;
    packages?: Record<string, LockEntry>;
  };
  if (!lock.packages || (lock.lockfileVersion ?? 1) < 2)
    throw new Error(`${lockFile}: needs lockfileVersion 2 or 3 (npm 7 or later)`);
  const project = lock.packages[''] ?? {};

  const packages: ReportedPackage[] = [];
  const used = new Set<LicenceException>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    // the project itself, workspace folders and links are Mitwirken's own code; dev-only packages are not shipped.
    if (!path.includes('node_modules/') || entry.dev || entry.link) continue;
    let found: Omit<ReportedPackage, 'status' | 'why'>;
    if (existsSync(join(root, path, 'package.json'))) {
      found = readInstalled(root, path, entry);
    } else if (entry.optional || entry.devOptional) {
      found = {
        name: entry.name ?? nameFromPath(path),
        version: entry.version ?? '',
        licence: entry.license ?? null,
        source: entry.license ? 'lockfile' : 'none',
        path,
        installed: false,
      };
    } else {
      throw new Error(`${path} is in package-lock.json but not installed: run npm ci`);
    }
    const result = checkPackage(found, exceptions);
    if (result.status === 'exception') {
      const exception = exceptions.find(
        (e) => e.name === found.name && e.version === found.version && e.licence === found.licence,
      );
      if (exception) used.add(exception);
    }
    packages.push({ ...found, ...result });
  }
  packages.sort(
    (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version) || a.path.localeCompare(b.path),
  );

  const byLicence: Record<string, number> = {};
  for (const p of packages) byLicence[p.licence ?? '(none)'] = (byLicence[p.licence ?? '(none)'] ?? 0) + 1;
  const count = (status: ReportedPackage['status']): number => packages.filter((p) => p.status === status).length;
  return {
    product: { name: project.name ?? basename(root), version: project.version ?? '' },
    packages,
    summary: {
      packages: packages.length,
      allowed: count('allowed'),
      exceptions: count('exception'),
      refused: count('refused'),
      byLicence: Object.fromEntries(Object.entries(byLicence).sort(([a, x], [b, y]) => y - x || a.localeCompare(b))),
    },
    unusedExceptions: exceptions.filter((e) => !used.has(e)),
  };
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' / ');

/** the report as Markdown: counts per licence, what is refused or excepted, then every package. */
export function renderLicenceMarkdown(report: LicenceReport): string {
  const { summary } = report;
  const lines = [
    `# Licences of ${report.product.name} ${report.product.version} production dependencies`,
    '',
    `${summary.packages} packages from package-lock.json (dev-only ones left out): ${summary.allowed} allowed, ` +
      `${summary.exceptions} by exception, ${summary.refused} refused. Written by \`npm run licences\`; the policy is ` +
      'supply-chain/licence-policy.ts, the exceptions supply-chain/licence-exceptions.json.',
    '',
    '| licence | packages |',
    '| --- | --- |',
    ...Object.entries(summary.byLicence).map(([licence, n]) => `| ${cell(licence)} | ${n} |`),
    '',
  ];
  const refused = report.packages.filter((p) => p.status === 'refused');
  if (refused.length > 0) {
    lines.push('## Refused', '', '| package | licence | why | path |', '| --- | --- | --- | --- |');
    for (const p of refused) {
      lines.push(
        `| ${cell(`${p.name}@${p.version}`)} | ${cell(p.licence ?? '(none)')} | ${cell(p.why)}${p.licenceText ? ` (${cell(p.licenceFile ?? '')}: ${cell(p.licenceText)})` : ''} | ${cell(p.path)} |`,
      );
    }
    lines.push('');
  }
  const excepted = report.packages.filter((p) => p.status === 'exception');
  if (excepted.length > 0) {
    lines.push('## Allowed by exception', '', '| package | licence | reason |', '| --- | --- | --- |');
    for (const p of excepted)
      lines.push(`| ${cell(`${p.name}@${p.version}`)} | ${cell(p.licence ?? '(none)')} | ${cell(p.why)} |`);
    lines.push('');
  }
  if (report.unusedExceptions.length > 0) {
    lines.push('## Exceptions no package needs', '');
    for (const e of report.unusedExceptions) lines.push(`- ${e.name}@${e.version} (${e.licence ?? 'no licence'})`);
    lines.push('');
  }
  lines.push('## Allow-list', '', '| licence | why it is allowed |', '| --- | --- |');
  for (const [id, why] of Object.entries(ALLOWED_LICENCES)) lines.push(`| ${id} | ${cell(why)} |`);
  lines.push('', '## Packages', '', '| package | version | licence | from | path |', '| --- | --- | --- | --- | --- |');
  for (const p of report.packages) {
    const from =
      p.source === 'file'
        ? `file ${p.licenceFile}`
        : p.source === 'lockfile'
          ? 'lockfile (not installed here)'
          : p.source;
    lines.push(
      `| ${cell(p.name)} | ${cell(p.version)} | ${cell(p.licence ?? '(none)')} | ${cell(from)} | ${cell(p.path)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** writes licences.json and LICENCES.md into `outDir`; returns their paths. */
export function writeLicenceReport(report: LicenceReport, outDir: string): { json: string; markdown: string } {
  mkdirSync(outDir, { recursive: true });
  const json = join(outDir, 'licences.json');
  const markdown = join(outDir, 'LICENCES.md');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(markdown, renderLicenceMarkdown(report));
  return { json, markdown };
}
