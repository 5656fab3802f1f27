import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import {
  LOCAL_APP_ID,
  manifestOptionsFromEnv,
  newestChangelogVersion,
  packageApp,
  readPackageVersion,
} from './package-app';

const repoRoot = join(__dirname, '..');
const APP_ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

async function manifestIn(zipFile: string): Promise<Record<string, unknown>> {
  const zip = await JSZip.loadAsync(await readFile(zipFile));
  return JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown>;
}

describe('the release version', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mitwirken-release-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes an app package whose manifest.json version equals package.json's version", async () => {
    const outFile = join(dir, 'appPackage.zip');
    const result = await packageApp(repoRoot, { MicrosoftAppId: APP_ID }, outFile);
    const manifest = await manifestIn(outFile);
    expect(manifest.version).toBe(readPackageVersion(repoRoot));
    expect(manifest).toMatchObject({ id: APP_ID, bots: [{ botId: APP_ID }] });
    expect(result.outFile).toBe(outFile);
  });

  it("names package.json's version as the newest version heading of CHANGELOG.md", () => {
    const changelog = readFileSync(join(repoRoot, 'CHANGELOG.md'), 'utf8');
    expect(newestChangelogVersion(changelog)).toBe(readPackageVersion(repoRoot));
  });

  it('packages the repository without a warning about the changelog', async () => {
    const { warnings } = await packageApp(repoRoot, { MicrosoftAppId: APP_ID }, join(dir, 'checked.zip'));
    expect(warnings.filter((w) => w.includes('CHANGELOG'))).toEqual([]);
  });

  it('warns, and still packages, when the changelog names another version than package.json', async () => {
    const root = await mkdtemp(join(dir, 'root-'));
    await writeFile(join(root, 'package.json'), JSON.stringify({ version: '9.9.9' }));
    await writeFile(join(root, 'CHANGELOG.md'), '# Changelog\n\n## [Unreleased]\n\n## [9.9.8] - 2026-01-01\n');
    const { outFile, warnings } = await packageApp(root, { MicrosoftAppId: APP_ID });
    expect(outFile).toBe(join(root, 'build', 'appPackage.zip'));
    expect((await manifestIn(outFile)).version).toBe('9.9.9');
    expect(warnings).toContainEqual(expect.stringContaining('newest version is 9.9.8, package.json says 9.9.9'));
  });

  it('refuses a package.json version that Teams does not accept', async () => {
    const root = await mkdtemp(join(dir, 'root-'));
    await writeFile(join(root, 'package.json'), JSON.stringify({ version: '1.0.0-rc.1' }));
    await expect(packageApp(root, { MicrosoftAppId: APP_ID })).rejects.toThrow(
      'package.json version: must be MAJOR.MINOR.PATCH',
    );
  });

  it('names the variable that holds a link without https or an app id that is not a GUID', async () => {
    const env = { MicrosoftAppId: 'mitwirken', MANIFEST_PRIVACY_URL: 'http://amt.example/datenschutz' };
    const failure = packageApp(repoRoot, env, join(dir, 'refused.zip'));
    await expect(failure).rejects.toThrow('MicrosoftAppId: must be a GUID');
    await expect(failure).rejects.toThrow('MANIFEST_PRIVACY_URL: must be an https URL');
  });
});

describe('newestChangelogVersion', () => {
  it('returns the first version heading, skipping Unreleased, and undefined when there is none', () => {
    const text = '# Changelog\n\n## [Unreleased]\n### Added\n\n## [1.2.0] - 2026-11-27\n\n## [1.1.0] - 2026-10-01\n';
    expect(newestChangelogVersion(text)).toBe('1.2.0');
    expect(newestChangelogVersion('# Changelog\n\n## [Unreleased]\n')).toBeUndefined();
  });
});

describe('manifestOptionsFromEnv', () => {
  it('takes the app id from MicrosoftAppId and falls back to the local id when it is blank', () => {
    expect(manifestOptionsFromEnv({ MicrosoftAppId: ` ${APP_ID} ` }, '1.0.0')).toEqual({
      appId: APP_ID,
      version: '1.0.0',
    });
    expect(manifestOptionsFromEnv({ MicrosoftAppId: '  ' }, '1.0.0')).toEqual({
      appId: LOCAL_APP_ID,
      version: '1.0.0',
    });
  });

  it('takes the developer name and links from the MANIFEST_ variables', () => {
    const env = {
      MANIFEST_DEVELOPER_NAME: 'Stadt Beispiel',
      MANIFEST_WEBSITE_URL: 'https://amt.example',
      MANIFEST_PRIVACY_URL: 'https://amt.example/datenschutz',
      MANIFEST_TERMS_URL: 'https://amt.example/nutzung',
    };
    expect(manifestOptionsFromEnv(env, '1.0.0')).toEqual({
      appId: LOCAL_APP_ID,
      version: '1.0.0',
      developerName: 'Stadt Beispiel',
      websiteUrl: 'https://amt.example',
      privacyUrl: 'https://amt.example/datenschutz',
      termsOfUseUrl: 'https://amt.example/nutzung',
    });
  });

  it('takes the German form of address from ADDRESS and leaves the default to the manifest otherwise', () => {
    expect(manifestOptionsFromEnv({ ADDRESS: 'du' }, '1.0.0')).toEqual({
      appId: LOCAL_APP_ID,
      version: '1.0.0',
      address: 'du',
    });
    expect(manifestOptionsFromEnv({}, '1.0.0')).toEqual({ appId: LOCAL_APP_ID, version: '1.0.0' });
  });
});
