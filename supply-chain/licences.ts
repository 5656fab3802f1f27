// `npm run licences`: writes build/licences.json and build/LICENCES.md, the licences of every production dependency
// (see supply-chain/licence-report.ts and docs/operations.md); exits with 1 when one is refused.
import { join, relative } from 'node:path';
import { buildLicenceReport, writeLicenceReport } from './licence-report';

const root = join(__dirname, '..');

function main(): void {
  const started = process.hrtime.bigint();
  const report = buildLicenceReport(root);
  const files = writeLicenceReport(report, join(root, 'build'));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const { summary } = report;
  console.log(
    `${summary.packages} production packages: ${summary.allowed} allowed, ${summary.exceptions} by exception, ` +
      `${summary.refused} refused (${Math.round(ms)} ms)`,
  );
  console.log(
    Object.entries(summary.byLicence)
      .map(([licence, n]) => `  ${n} × ${licence}`)
      .join('\n'),
  );
  for (const e of report.unusedExceptions) console.warn(`exception not needed by this tree: ${e.name}@${e.version}`);
  for (const p of report.packages.filter((p) => p.status === 'refused')) {
    const text = p.licenceText ? ` (${p.licenceFile}: ${p.licenceText.split('\n')[0]})` : '';
    console.error(`refused: ${p.name}@${p.version} (${p.path}): ${p.why}${text}`);
  }
  console.log(`wrote ${relative(process.cwd(), files.json)} and ${relative(process.cwd(), files.markdown)}`);
  if (summary.refused > 0) process.exitCode = 1;
}

try {
  main();
} catch (error: unknown) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
