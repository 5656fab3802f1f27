// Fills the manifest template with ids, version and developer links; pure, so tests and the packager share it.
import { z } from 'zod';
import english from './en.json';
import { MANIFEST_DU } from './address-du';
import template from './manifest.template.json';

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
/** the version format Teams accepts: MAJOR.MINOR.PATCH, digits only (the schema's `semver` definition). */
const TEAMS_VERSION = /^([0-9]|[1-9]+[0-9]*)\.([0-9]|[1-9]+[0-9]*)\.([0-9]|[1-9]+[0-9]*)$/;
const httpsUrl = z.string().regex(/^https:\/\/\S+$/, { message: 'must be an https URL' });

const optionsSchema = z.object({
  appId: z.string().regex(GUID, { message: 'must be a GUID' }),
  version: z.string().regex(TEAMS_VERSION, { message: 'must be MAJOR.MINOR.PATCH (digits only)' }),
  botId: z.string().regex(GUID, { message: 'must be a GUID' }).optional(),
  developerName: z.string().min(1).max(32).default('Mitwirken'),
  websiteUrl: httpsUrl.default('https://example.org/mitwirken'),
  privacyUrl: httpsUrl.default('https://example.org/mitwirken/privacy'),
  termsOfUseUrl: httpsUrl.default('https://example.org/mitwirken/terms'),
  /** how the German texts address people (ADDRESS): 'sie' (default) or 'du'. */
  address: z.enum(['du', 'sie']).default('sie'),
});

/** what the manifest needs from outside: `botId` defaults to `appId`, the developer fields to example.org placeholders. */
export type BuildManifestOptions = z.input<typeof optionsSchema>;

/** the app manifest plus its localization files, keyed by the file name the manifest refers to. */
export interface BuiltManifest {
  manifest: Record<string, unknown>;
  localizations: Record<string, Record<string, unknown>>;
}

/** the localization files shipped with the template, by file name (see `localizationInfo.additionalLanguages`). */
const LOCALIZATIONS: Record<string, Record<string, unknown>> = { 'en.json': english };

function fill(value: unknown, values: Record<string, string>): unknown {
  if (typeof value === 'string') {
    return value.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
      const replacement = values[name];
      if (replacement === undefined) throw new Error(`manifest template has an unknown placeholder {{${name}}}`);
      return replacement;
    });
  }
  if (Array.isArray(value)) return value.map((item) => fill(item, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, values)]));
  }
  return value;
}

/** the template with its German texts in the informal address (MANIFEST_DU). */
function informal(value: unknown): unknown {
  if (typeof value === 'string') return MANIFEST_DU[value] ?? value;
  if (Array.isArray(value)) return value.map(informal);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, informal(item)]));
  }
  return value;
}

/**
 * builds the Teams app manifest from `manifest.template.json` and returns it with its localization files.
 * Throws a ZodError when an id is not a GUID, the version is not MAJOR.MINOR.PATCH or a URL is not https.
 */
export function buildManifest(options: BuildManifestOptions): BuiltManifest {
  const { botId, address, ...rest } = optionsSchema.parse(options);
  const german = address === 'du' ? informal(template) : template;
  const manifest = fill(german, { ...rest, botId: botId ?? rest.appId }) as Record<string, unknown>;
  const localizations = Object.fromEntries(
    template.localizationInfo.additionalLanguages.map(({ file }) => {
      const localization = LOCALIZATIONS[file];
      if (!localization) throw new Error(`no localization file ${file} next to the manifest template`);
      return [file, structuredClone(localization)];
    }),
  );
  return { manifest, localizations };
}
