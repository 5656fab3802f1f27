// Zips the manifest, its localization files and the icons into the app package that Teams uploads.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { buildManifest, type BuildManifestOptions } from './build-manifest';

/** file names of the icons, next to this module and at the root of the package. */
export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;

/** builds the app package in memory: manifest.json, the localization files and both icons at the zip root. */
export async function buildAppPackage(options: BuildManifestOptions): Promise<Buffer> {
  const { manifest, localizations } = buildManifest(options);
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [file, localization] of Object.entries(localizations)) {
    zip.file(file, `${JSON.stringify(localization, null, 2)}\n`);
  }
  for (const icon of Object.values(ICON_FILES)) zip.file(icon, await readFile(join(__dirname, icon)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** writes the app package to `outFile`, creating its folder; the caller passes the version from package.json. */
export async function writeAppPackage(outFile: string, options: BuildManifestOptions): Promise<void> {
  const zip = await buildAppPackage(options);
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, zip);
}
