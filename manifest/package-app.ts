// What `npm run package` does, as functions: the version comes from package.json, ids and links from the environment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZodError } from 'zod';
import type { BuildManifestOptions } from './build-manifest';
import { writeAppPackage } from './write-app-package';

/** the app id used when MicrosoftAppId is unset; such a package only works against a local client. */
export const LOCAL_APP_ID = '00000000-0000-0000-0000-000000000000';

/** the environment variables the packager reads, mapped to the manifest option each one sets. */
const MANIFEST_ENV = {
  MANIFEST_DEVELOPER_NAME: 'developerName',
  MANIFEST_WEBSITE_URL: 'websiteUrl',
  MANIFEST_PRIVACY_URL: 'privacyUrl',
  MANIFEST_TERMS_URL: 'termsOfUseUrl',
} as const;

/** where each manifest option comes from, for error messages. */
const SOURCE_OF: Record<string, string> = {
  appId: 'MicrosoftAppId',
  version: 'package.json version',
  ...Object.fromEntries(Object.entries(MANIFEST_ENV).map(([name, option]) => [option, name])),
};

/** the `version` field of `<root>/package.json`; throws when it is missing. */
export function readPackageVersion(root: string): string {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof version !== 'string' || !version) throw new Error(`${join(root, 'package.json')} has no version`);
  return version;
}

/**
 * the newest released version in a Keep a Changelog text: the first `## [x.y.z]` heading, skipping `## [Unreleased]`.
 * Undefined when there is none.
 */
export function newestChangelogVersion(changelog: string): string | undefined {
  for (const match of changelog.matchAll(/^##\s+\[([^\]]+)\]/gm)) {
    const heading = match[1]!.trim();
    if (heading.toLowerCase() !== 'unreleased') return heading;
  }
  return undefined;
}

/**
 * the manifest options from the environment: app id (MicrosoftAppId, else LOCAL_APP_ID) and developer name and links
 * (MANIFEST_* variables, else the example.org placeholders) and the German form of address (ADDRESS, else 'sie'),
 * with the given version.
 */
export function manifestOptionsFromEnv(env: NodeJS.ProcessEnv, version: string): BuildManifestOptions {
  const options: BuildManifestOptions = { appId: env.MicrosoftAppId?.trim() || LOCAL_APP_ID, version };
  for (const [name, option] of Object.entries(MANIFEST_ENV)) {
    const value = env[name]?.trim();
    if (value) options[option] = value;
  }
  const address = env.ADDRESS?.trim();
  if (address === 'du' || address === 'sie') options.address = address;
  return options;
}

export interface PackageAppResult {
  outFile: string;
  options: BuildManifestOptions;
  /** notes for the person packaging: placeholder id or links, a changelog that does not name this version. */
  warnings: string[];
}

/**
 * writes `<root>/build/appPackage.zip` (or `outFile`) with the version of `<root>/package.json`.
 * Throws one readable error, naming the variable, when an id is not a GUID, the version is not MAJOR.MINOR.PATCH
 * or a link is not https.
 */
export async function packageApp(
  root: string,
  env: NodeJS.ProcessEnv,
  outFile = join(root, 'build', 'appPackage.zip'),
): Promise<PackageAppResult> {
  const version = readPackageVersion(root);
  const options = manifestOptionsFromEnv(env, version);
  const warnings: string[] = [];
  if (options.appId === LOCAL_APP_ID) {
    warnings.push(
      `MicrosoftAppId is not set: using ${LOCAL_APP_ID}. This package is only for local use (e.g. the Agents Playground).`,
    );
  } else if (!options.privacyUrl || !options.termsOfUseUrl) {
    warnings.push(
      'MANIFEST_PRIVACY_URL or MANIFEST_TERMS_URL is not set: the package links to example.org placeholders.',
    );
  }
  let changelogVersion: string | undefined;
  try {
    changelogVersion = newestChangelogVersion(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'));
  } catch {
    changelogVersion = undefined;
  }
  if (changelogVersion !== version) {
    warnings.push(`CHANGELOG.md's newest version is ${changelogVersion ?? 'missing'}, package.json says ${version}.`);
  }
  try {
    await writeAppPackage(outFile, options);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const lines = error.issues.map(
      (issue) => `  ${SOURCE_OF[String(issue.path[0])] ?? issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Cannot build the app package:\n${lines.join('\n')}`);
  }
  return { outFile, options, warnings };
}
