// `npm run package`: writes build/appPackage.zip for upload to Teams (see manifest/package-app.ts and docs/deploy.md).
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageApp } from '../manifest/package-app';

const root = join(__dirname, '..');

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const { outFile, options, warnings } = await packageApp(root, process.env);
  for (const warning of warnings) console.warn(warning);
  console.log(`wrote ${relative(process.cwd(), outFile)} (app ${options.appId}, version ${options.version})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
