import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type AjvCore from 'ajv/dist/core';
import type { Options, ValidateFunction } from 'ajv/dist/core';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { parseCommand } from '../core/commands';
import { buildManifest, type BuildManifestOptions } from './build-manifest';
import { MANIFEST_DU } from './address-du';
import template from './manifest.template.json';
import { drawColorIcon, drawOutlineIcon, ICON_BACKGROUND } from './draw-icons';
import { decodePng, encodePng, readPngHeader, type RgbaImage } from './png-codec';
import { ICON_FILES, writeAppPackage } from './write-app-package';

const OPTIONS: BuildManifestOptions = { appId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', version: '2.3.4' };

// The Teams schemas declare JSON Schema draft-04, which Ajv 8 supports only through ajv-draft-04. We load the copy
// that @microsoft/app-manifest itself depends on (and validates with), so it matches the package's own validator.
const manifestPackageDir = dirname(require.resolve('@microsoft/app-manifest/package.json'));
const requireFromManifestPackage = createRequire(join(manifestPackageDir, 'package.json'));
const AjvDraft04 = (requireFromManifestPackage('ajv-draft-04') as { default: new (options: Options) => AjvCore })
  .default;

// The v1.30 localization schema has two patternProperties keys with an unescaped "]", which is a syntax error in
// unicode mode (Ajv's default) but valid in legacy mode. Such patterns are compiled without the "u" flag; every other
// pattern keeps unicode semantics (the manifest schema needs them for \p{L}).
const unicodeOrLegacyRegExp = Object.assign(
  (pattern: string, flags: string): RegExp => {
    try {
      return new RegExp(pattern, flags);
    } catch {
      return new RegExp(pattern, flags.replace('u', ''));
    }
  },
  { code: 'unicodeOrLegacyRegExp' },
);

/** compiles one of the official Teams JSON schemas shipped offline in @microsoft/app-manifest. */
function compileTeamsSchema(manifestVersion: string, file: string): ValidateFunction {
  const schemaPath = join(manifestPackageDir, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, file);
  const ajv = new AjvDraft04({ allErrors: true, strictTypes: false, code: { regExp: unicodeOrLegacyRegExp } });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
}

const built = buildManifest(OPTIONS);
const manifestVersion = String(built.manifest.manifestVersion);
const validateManifest = compileTeamsSchema(manifestVersion, 'MicrosoftTeams.schema.json');
const validateLocalization = compileTeamsSchema(manifestVersion, 'MicrosoftTeams.Localization.schema.json');

interface CommandList {
  scopes: string[];
  commands: { title: string; description?: string }[];
}
const commandListsOf = (manifest: Record<string, unknown>): CommandList[] =>
  (manifest.bots as { commandLists: CommandList[] }[])[0]?.commandLists ?? [];

/** counts pixels that are visible (alpha > 0) but not pure white. */
function countVisibleNonWhitePixels({ pixels }: RgbaImage): number {
  let count = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const white = pixels[i] === 255 && pixels[i + 1] === 255 && pixels[i + 2] === 255;
    if (pixels[i + 3] !== 0 && !white) count++;
  }
  return count;
}

describe('buildManifest', () => {
  it('builds a manifest that validates against the official Teams JSON schema of its manifestVersion', () => {
    expect(manifestVersion).toBe('1.30');
    expect(validateManifest(built.manifest) ? [] : validateManifest.errors).toEqual([]);
  });

  it('makes the schema validation fail for a bot id that is not a GUID and for an unknown property', () => {
    const broken = structuredClone(built.manifest);
    (broken.bots as { botId: string }[])[0]!.botId = 'not-a-guid';
    broken.surprise = true;
    expect(validateManifest(broken)).toBe(false);
    expect(validateManifest.errors?.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/bots/0/botId', '']));
  });

  it('returns an English localization that validates against the official localization schema', () => {
    const english = built.localizations['en.json'];
    expect(english).toBeDefined();
    expect(validateLocalization(english) ? [] : validateLocalization.errors).toEqual([]);
  });

  it('makes the localization schema fail for a key the schema does not know and for an over-long short name', () => {
    expect(
      validateLocalization({ ...built.localizations['en.json'], 'bots[0].commandLists[3].commands[0].title': 'x' }),
    ).toBe(false);
    expect(validateLocalization({ ...built.localizations['en.json'], 'name.short': 'x'.repeat(31) })).toBe(false);
  });

  it('returns exactly the localization files that localizationInfo lists, with the language tags de and en', () => {
    const info = built.manifest.localizationInfo as {
      defaultLanguageTag: string;
      additionalLanguages: { languageTag: string; file: string }[];
    };
    expect(info.defaultLanguageTag).toBe('de');
    expect(info.additionalLanguages).toEqual([{ languageTag: 'en', file: 'en.json' }]);
    expect(Object.keys(built.localizations)).toEqual(['en.json']);
  });

  it('localizes only commands that exist in the manifest, and every command title and description', () => {
    const lists = commandListsOf(built.manifest);
    const english = built.localizations['en.json'] as Record<string, string>;
    const commandKeys = Object.keys(english).filter((key) => key.startsWith('bots['));
    for (const key of commandKeys) {
      const match = /^bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(title|description)$/.exec(key);
      expect(match).not.toBeNull();
      expect(lists[Number(match![1])]?.commands[Number(match![2])]).toBeDefined();
    }
    const commandCount = lists.reduce((sum, list) => sum + list.commands.length, 0);
    expect(commandKeys).toHaveLength(commandCount * 2);
  });

  it('offers per scope the German commands that work there, with their English titles in en.json', () => {
    const lists = commandListsOf(built.manifest);
    const english = built.localizations['en.json'] as Record<string, string>;
    expect(lists.map((list) => list.scopes)).toEqual([['personal'], ['team']]);
    // the personal chat: the person's own views and the leaders' and admins' tools (all refused in a channel);
    // never `schließen`, which needs a thread. The channel: posting, answering and closing in the team.
    const expected = [
      {
        de: [
          'hilfe',
          'idee',
          'meine ideen',
          'maßnahmen',
          'ergebnisse',
          'überblick',
          'meine daten',
          'kampagnen',
          'kampagne neu',
          'export',
        ],
        en: [
          'help',
          'idea',
          'my ideas',
          'measures',
          'results',
          'digest',
          'my data',
          'campaigns',
          'new campaign',
          'export',
        ],
      },
      {
        de: [
          'hilfe',
          'idee',
          'ideen',
          'umfrage',
          'bewertung',
          'ideenabfrage',
          'schließen',
          'maßnahmen',
          'maßnahme neu',
          'ergebnis posten',
        ],
        en: ['help', 'idea', 'ideas', 'poll', 'rating', 'prompt', 'close', 'measures', 'new measure', 'post results'],
      },
    ];
    lists.forEach((list, l) => {
      expect(list.commands.map((c) => c.title)).toEqual(expected[l]?.de);
      const titles = list.commands.map((_c, i) => english[`bots[0].commandLists[${l}].commands[${i}].title`]);
      expect(titles).toEqual(expected[l]?.en);
    });
  });

  it('lists only titles the bot understands as a command, in German and in English, at most ten per scope', () => {
    const english = built.localizations['en.json'] as Record<string, string>;
    commandListsOf(built.manifest).forEach((list, l) => {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      list.commands.forEach((command, i) => {
        // `idee`, `umfrage` … alone ask for their text (Teams puts the title into the box to type on); no title is unknown.
        for (const title of [command.title, english[`bots[0].commandLists[${l}].commands[${i}].title`] ?? '']) {
          const parsed = parseCommand(title);
          if (parsed.ok) continue;
          expect(['errIdeaTextMissing', 'errMissingQuestion']).toContain(parsed.problem.key);
        }
      });
    });
  });

  it('declares supportsChannelFeatures tier1, which Teams asks of apps with the team scope from manifest 1.25 on, and not the older supportedChannelTypes', () => {
    // docs/deploy.md, section 6, gives the reasons and what it means for shared and private channels.
    expect(built.manifest.supportsChannelFeatures).toBe('tier1');
    expect(built.manifest).not.toHaveProperty('supportedChannelTypes');
    expect((built.manifest.bots as { scopes: string[] }[])[0]?.scopes).toContain('team');
    expect(validateManifest({ ...built.manifest, supportsChannelFeatures: 'tier2' })).toBe(false);
  });

  it("asks for the one resource-specific permission that lets the bot read a private or shared channel's members, on the bot's app", () => {
    // without ChannelMember.Read.Group, Teams refuses the channel roster and sends no channel member events.
    const botId = '11111111-2222-4333-8444-555555555555';
    const manifest = buildManifest({ ...OPTIONS, botId }).manifest;
    expect(manifest.authorization).toEqual({
      permissions: { resourceSpecific: [{ name: 'ChannelMember.Read.Group', type: 'Application' }] },
    });
    expect(manifest.webApplicationInfo).toEqual({ id: botId });
  });

  it('takes the app id and version from the options and uses the app id as bot id unless a bot id is given', () => {
    expect(built.manifest).toMatchObject({ id: OPTIONS.appId, version: '2.3.4', bots: [{ botId: OPTIONS.appId }] });
    const botId = '11111111-2222-4333-8444-555555555555';
    expect(buildManifest({ ...OPTIONS, botId }).manifest).toMatchObject({ id: OPTIONS.appId, bots: [{ botId }] });
    expect(JSON.stringify(built.manifest)).not.toMatch(/\{\{\w*\}\}/);
  });

  it('puts example.org developer links in by default and the configured ones when given', () => {
    expect(built.manifest.developer).toMatchObject({
      privacyUrl: 'https://example.org/mitwirken/privacy',
      termsOfUseUrl: 'https://example.org/mitwirken/terms',
    });
    const links = {
      websiteUrl: 'https://amt.example',
      privacyUrl: 'https://amt.example/datenschutz',
      termsOfUseUrl: 'https://amt.example/nutzung',
    };
    const developer = buildManifest({ ...OPTIONS, ...links, developerName: 'Stadt Beispiel' }).manifest.developer;
    expect(developer).toEqual({ name: 'Stadt Beispiel', ...links });
  });

  it('rejects an app id that is not a GUID, a version Teams does not accept and a privacy link without https', () => {
    expect(() => buildManifest({ ...OPTIONS, appId: 'mitwirken' })).toThrow('must be a GUID');
    expect(() => buildManifest({ ...OPTIONS, version: '1.0.0-beta.1' })).toThrow('MAJOR.MINOR.PATCH');
    expect(() => buildManifest({ ...OPTIONS, privacyUrl: 'http://example.org/privacy' })).toThrow('https');
  });
});

/** every string of a manifest (its German texts: the manifest's default language is de). */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}
const INFORMAL = /(?<!\p{L})(du|dich|dir|dein\p{L}*|euch|euer|eure\p{L}*)(?!\p{L})/iu;
const FORMAL = /(?<!\p{L})(Sie|Ihnen|Ihre?[mnrs]?)(?!\p{L})/u;

describe('the German form of address in the manifest', () => {
  it('says "Sie" by default and never "du"', () => {
    const german = stringsOf(buildManifest(OPTIONS).manifest);
    expect(german.filter((text) => INFORMAL.test(text))).toEqual([]);
    expect(german.filter((text) => FORMAL.test(text)).length).toBeGreaterThanOrEqual(4);
  });

  it('says "du" with address du, in every text that says "Sie" by default', () => {
    const german = stringsOf(buildManifest({ ...OPTIONS, address: 'du' }).manifest);
    expect(german.filter((text) => FORMAL.test(text))).toEqual([]);
    expect(german).toEqual(expect.arrayContaining(Object.values(MANIFEST_DU)));
  });

  it('has an informal text only for formal texts the template still has', () => {
    const texts = new Set(stringsOf(template));
    expect(Object.keys(MANIFEST_DU).filter((formal) => !texts.has(formal))).toEqual([]);
  });
});

describe('writeAppPackage', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mitwirken-package-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a zip with exactly manifest.json, en.json and both icons at its root, the manifest carrying id and version', async () => {
    const outFile = join(dir, 'nested', 'appPackage.zip');
    await writeAppPackage(outFile, OPTIONS);
    const zip = await JSZip.loadAsync(await readFile(outFile));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ id: OPTIONS.appId, version: OPTIONS.version, icons: ICON_FILES });
    expect(validateManifest(manifest)).toBe(true);
    expect(JSON.parse(await zip.file('en.json')!.async('string'))).toEqual(built.localizations['en.json']);
    const colorIcon = await zip.file('color.png')!.async('nodebuffer');
    expect(colorIcon.equals(readFileSync(join(__dirname, 'color.png')))).toBe(true);
  });
});

describe('app icons', () => {
  const color = readFileSync(join(__dirname, 'color.png'));
  const outline = readFileSync(join(__dirname, 'outline.png'));

  it('has a 192 × 192 colour icon and a 32 × 32 outline icon, as their PNG headers state', () => {
    expect(readPngHeader(color)).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(outline)).toMatchObject({ width: 32, height: 32 });
  });

  it('draws the outline icon with white and transparent pixels only, and with some white', () => {
    const image = decodePng(outline);
    expect(countVisibleNonWhitePixels(image)).toBe(0);
    expect(image.pixels.some((value, i) => i % 4 === 3 && value === 255)).toBe(true);
  });

  it('finds non-white pixels in the colour icon, so the outline check can catch a coloured outline', () => {
    expect(countVisibleNonWhitePixels(decodePng(color))).toBeGreaterThan(1000);
  });

  it('uses the colour icon background as the manifest accent colour', () => {
    expect(built.manifest.accentColor).toBe(ICON_BACKGROUND);
  });

  it('has committed icon files identical to what draw-icons produces now', () => {
    expect(encodePng(drawColorIcon()).equals(color)).toBe(true);
    expect(encodePng(drawOutlineIcon()).equals(outline)).toBe(true);
  });
});
