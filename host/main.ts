// Only modules that load neither http nor the Azure SDK are imported here: telemetry must start before those load
// (its instrumentations patch them as they are required), so the rest is imported inside start() once it has.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Storage, StorageEndpoint } from '../storage/open-storage';
import { loadConfig, type Config } from '../app/config';
import { Lifecycle, within } from './lifecycle';
import { createLogger } from './logger';
import { noTelemetry, type Telemetry } from '../app/ports/telemetry';

/** how often the delayed weekly participation of anonymous answers is written. */
const PARTICIPATION_FLUSH_MS = 10 * 60 * 1000;

/** after a crash, how long background storage work (folding anonymous answers) may take before the participation flush. */
const CRASH_SETTLE_MS = 2000;

/** how far back items closed before the digest's closed-in-week index existed are indexed (once per account). */
const CLOSED_IN_WEEK_BACKFILL_DAYS = 42;

/** one-time changes to stored data that a newer version needs; each records that it ran and is skipped after. */
async function upgradeStorage(storage: Storage, log: Logger): Promise<void> {
  const since = new Date(Date.now() - CLOSED_IN_WEEK_BACKFILL_DAYS * 86_400_000);
  const indexed = await storage.items.backfillClosedInWeek(() => storage.retention.closedSince(since));
  if (indexed > 0) log.info({ indexed }, 'closed items indexed by the week they closed in');
}

/**
 * the composition root: reads the environment, starts storage, the bot and (locally) the Playground, and registers
 * how each part stops (host/lifecycle.ts). Embedded Azurite and the Playground are development dependencies: they are
 * loaded only in local mode, so a production install (`npm ci --omit=dev`) runs `node dist/host/main.js` without them.
 */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  // first, and only when configured: without the setting, nothing of OpenTelemetry is loaded.
  const monitor = config.appInsightsConnectionString
    ? (await import('./telemetry/azure-monitor')).startAzureMonitor(config.appInsightsConnectionString)
    : undefined;
  const telemetry = monitor?.telemetry ?? noTelemetry;
  const log = createLogger(config.logLevel, undefined, undefined, (err, msg) => telemetry.exception(err, msg));
  const lifecycle = new Lifecycle({ log, shutdownTimeoutMs: config.shutdownTimeoutMs });
  if (monitor) {
    // registered first, so it runs last: what the shutdown or the crash recorded is sent too.
    lifecycle.onShutdown('telemetry', () => monitor.shutdown());
    lifecycle.onCrash('telemetry', () => monitor.shutdown());
  }
  lifecycle.handleCrashes();
  lifecycle.handleSignals(); // a signal during the start is answered once the start is over, within the deadline
  await lifecycle.starting(start(config, log, lifecycle, telemetry));
}

/** starts every part and registers how it stops. */
async function start(config: Config, log: Logger, lifecycle: Lifecycle, telemetry: Telemetry): Promise<void> {
  const cwd = process.cwd();
  const { azureCredential, openStorage } = await import('../storage/open-storage');
  const { localAnswerSecret } = await import('./answer-secret');
  const { createBotApp } = await import('./bot-app');
  const { reloadCampaigns } = await import('../app/campaigns/campaign-runtime');
  const { reloadOrgFile } = await import('../app/leaders/org-file-loader');

  let endpoint: StorageEndpoint;
  if (config.storageAccountUrl) {
    endpoint = { accountUrl: config.storageAccountUrl, credential: azureCredential(config.managedIdentityClientId) };
    log.info(
      { accountUrl: config.storageAccountUrl, managedIdentityClientId: config.managedIdentityClientId },
      'table storage without a key: signing in with Entra ID',
    );
  } else if (config.storageConnectionString) {
    endpoint = { connectionString: config.storageConnectionString };
  } else {
    const { startEmbeddedTableServer } = await import('../storage/embedded-azurite');
    const tableServer = await startEmbeddedTableServer({ dataDir: path.resolve(config.dataDir, 'tables') });
    lifecycle.onShutdown('embedded table storage', () => tableServer.close());
    endpoint = { connectionString: tableServer.connectionString };
    log.info({ port: tableServer.port, dataDir: config.dataDir }, 'embedded table storage started');
  }
  const answerSecret = config.answerSecret ?? localAnswerSecret(config.dataDir);
  const storage = await openStorage({
    ...endpoint,
    answerSecret,
    timeZone: config.timeZone,
    minGroupSize: config.minGroupSize,
    onBackgroundFailure: (err, task) =>
      log.warn(
        { err, task: task.split('|')[0] },
        'background storage work failed; it is retried with the next answer or at close',
      ),
  });
  // after everything else stopped, the delayed weekly participation of anonymous answers is written.
  lifecycle.onShutdown('participation log', () => storage.participation.flush());
  // after a crash: fold what waits to be folded (briefly), then write the delayed participation.
  lifecycle.onCrash('storage', async () => {
    await within(storage.background.settle(), CRASH_SETTLE_MS, 'background storage work').catch((err) =>
      log.warn({ err }, 'background storage work not settled'),
    );
    await storage.participation.flush();
  });
  await upgradeStorage(storage, log);
  const playgroundModule = config.localMode ? await import('./playground') : undefined;
  const tenant = playgroundModule?.readPlaygroundTenant(path.join(cwd, '.m365agentsplayground.yml'));
  const app = createBotApp({ config, storage, log, telemetry, playgroundTenant: tenant });
  const port = await app.listen(config.port);
  log.info(
    { port, mode: config.localMode ? 'local' : 'production' },
    `bot listening on http://localhost:${port}/api/messages`,
  );

  await reloadCampaigns(app.services).catch((err) => log.error({ err }, 'campaign files could not be loaded'));
  app.scheduler.start();
  app.retention.start(); // deletes personal data after its retention period, once a day
  await reloadOrgFile(app.services).catch((err) => log.error({ err }, 'organisation file could not be loaded'));
  app.digestScheduler.start();
  app.progressScheduler.start();
  app.dueClose.start(); // closes ad-hoc items at their "open until"

  const flushTimer = setInterval(() => {
    storage.participation.flush().catch((err) => log.warn({ err }, 'participation flush failed'));
  }, PARTICIPATION_FLUSH_MS);
  flushTimer.unref();
  lifecycle.onShutdown('bot', async () => {
    clearInterval(flushTimer);
    await app.close();
  });

  if (config.playground && playgroundModule) {
    if (!playgroundModule.playgroundCli(cwd)) {
      log.warn(
        'the Agents Playground is not installed (a development dependency; run npm ci): the bot runs without it',
      );
    } else {
      const playground = playgroundModule.startPlayground({ botPort: port, dataDir: config.dataDir, cwd });
      lifecycle.onShutdown('playground', () => playground.stop());
      log.info(
        { url: playground.url, log: playground.logFile },
        `Agents Playground: open ${playground.url} in your browser`,
      );
      console.log(
        `\n  Mitwirken läuft lokal. Öffne ${playground.url} – Teams-ähnlicher Client mit Team, Kanälen und Chat.\n  Mitwirken runs locally. Open ${playground.url} – a Teams-like client with a team, channels and chat.\n  Stop with Ctrl-C.\n`,
      );
    }
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
