// `npm run package`: writes build/appPackage.zip for upload to Teams, with the app id from MicrosoftAppId.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeAppPackage } from '../manifest/write-app-package';

/** the fixed id used when MicrosoftAppId is unset; such a package only works against a local client. */
const LOCAL_APP_ID = '00000000-0000-0000-0000-000000000000';
const root = join(__dirname, '..');

async function main(): Promise<void> {
  const appId = process.env.MicrosoftAppId?.trim() || LOCAL_APP_ID;
  if (appId === LOCAL_APP_ID) {
    console.warn(`MicrosoftAppId is not set: using ${LOCAL_APP_ID}. This package is only for local use (e.g. the Agents Playground).`);
  }
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const outFile = join(root, 'build', 'appPackage.zip');
  await writeAppPackage(outFile, { appId, version });
  console.log(`wrote ${relative(process.cwd(), outFile)} (app ${appId}, version ${version})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
