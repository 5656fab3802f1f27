import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import pino, { type Logger } from 'pino';
import { createBotApp, type BotApp } from '../../host/bot-app';
import { loadConfig, type Config } from '../../app/config';
import type { Telemetry } from '../../app/ports/telemetry';
import type { ConversationRef } from '../../core/installations';
import {
  connectionStringFor,
  startEmbeddedTableServer,
  type EmbeddedTableServer,
} from '../../storage/embedded-azurite';
import { openStorage, type Storage } from '../../storage/open-storage';
import { TeamsConnector, type TeamsConnectorHandle, type TeamsConnectorOptions } from './teams-connector';
import { TeamsConnectorThread } from './teams-connector-thread';
import { aMinuteAgo, sampleCampaign, sampleCampaignPoll } from './sample-items';

export const FANOUT_TENANT = 'tenant-bench';
export const FANOUT_ADMIN = 'aad-admin';
export const FANOUT_CAMPAIGN = 'puls-fanout';
const BOT = { id: '28:mitwirken-bot', name: 'Mitwirken' };

/** the id of the n-th seeded team (its General channel has the same id). */
export const teamIdOf = (n: number): string => `19:team-${String(n).padStart(5, '0')}@thread.tacv2`;

/** the real bot against the Teams-like connector: embedded Azurite, N installed teams, one admin with a personal chat. */
export interface FanoutWorld {
  app: BotApp;
  storage: Storage;
  /** the Teams stand-in: its record of what was delivered. */
  connector: TeamsConnectorHandle;
  channels: number;
  /** Azurite's requests and CPU time so far; only when it runs in its own process (its access log, /proc). */
  storageUsage(): { requests: number; cpuMs?: number } | undefined;
  /** posts the campaign's due item: ticks the scheduler until every channel was posted or skipped, or nothing moves. */
  postDueItem(): Promise<void>;
  stop(): Promise<void>;
}

export interface FanoutWorldOptions {
  channels: number;
  connector: TeamsConnectorOptions;
  /**
   * run the in-memory Azurite in a child process instead of in the bot's process: production storage is a remote
   * service, and one event loop shared by bot, storage and connector measures the loop, not the delivery.
   */
  storageProcess?: boolean;
  /** run the Teams stand-in in a worker thread with its own event loop (the benchmark); default: in this thread. */
  connectorThread?: boolean;
  /** environment overrides (TEAMS_TENANT_RATE …). */
  env?: Record<string, string>;
  log?: Logger;
  /** where the bot records metrics (tests); default: nowhere. */
  telemetry?: Telemetry;
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

function reference(serviceUrl: string, conversation: ConversationRef['conversation']): ConversationRef {
  return { serviceUrl, channelId: 'msteams', conversation, bot: BOT };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

/** CPU time (user + system) of a process in ms, from /proc (Linux); undefined elsewhere. */
export function processCpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
  } catch {
    return undefined;
  }
}

/** a table server in its own process: its requests are counted from its access log (one line each). */
export interface TableProcess extends EmbeddedTableServer {
  /** requests so far; `batches` of them batch transactions (a refused one too: the batch answers 202 either way). */
  usage(): { requests: number; batches: number; cpuMs?: number };
}

const ACCESS_LOG_LINE = /" \d{3} /;
const BATCH_LINE = /"POST \S*\/\$batch /;

/** Azurite's table server as a child process, in memory, without telemetry. */
export async function startTableProcess(): Promise<TableProcess> {
  const port = await freePort();
  const main = require.resolve('azurite/dist/src/table/main.js');
  const child = spawn(
    process.execPath,
    [
      main,
      '--tableHost',
      '127.0.0.1',
      '--tablePort',
      String(port),
      '--inMemoryPersistence',
      '--disableTelemetry',
      '--skipApiVersionCheck',
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  // the server dies with the bench, even when the bench fails half-way.
  const killOnExit = () => child.kill();
  process.once('exit', killOnExit);
  let requests = 0;
  let batches = 0;
  let partial = '';
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`azurite exited with ${code}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (ACCESS_LOG_LINE.test(line)) {
          requests++;
          if (BATCH_LINE.test(line)) batches++;
        } else if (line.includes('successfully started')) resolve();
      }
    });
  });
  return {
    port,
    connectionString: connectionStringFor(port),
    usage: () => ({ requests, batches, cpuMs: processCpuMs(child.pid) }),
    close: async () => {
      process.off('exit', killOnExit);
      child.removeAllListeners('exit');
      const exited = new Promise((r) => child.once('exit', r));
      child.kill();
      await exited;
    },
  };
}

/** the bot's configuration in a fan-out world: no Playground, one configured admin, silent logs; `env` overrides. */
export function fanoutConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    PLAYGROUND: 'off',
    ADMIN_AAD_IDS: FANOUT_ADMIN,
    LOG_LEVEL: 'silent',
    CAMPAIGNS_DIR: '.bench-campaigns-unused',
    ...env,
  });
}

/** opens the repositories on a table endpoint, as each bot instance does. */
export function openFanoutStorage(connectionString: string, config: Config): Promise<Storage> {
  return openStorage({
    connectionString,
    answerSecret: 'bench-secret-bench-secret-bench-secret',
    timeZone: config.timeZone,
    minGroupSize: config.minGroupSize,
  });
}

/**
 * seeds what a fan-out needs: `channels` installed teams (each posted into its General channel) served by the
 * connector at `connectorUrl`, the admin's personal chat, and a campaign with one poll due a minute ago.
 */
export async function seedFanout(
  storage: Storage,
  o: { channels: number; connectorUrl: string; timeZone: string },
): Promise<void> {
  const now = new Date();
  const teams = Array.from({ length: o.channels }, (_, i) => teamIdOf(i));
  await inBatches(teams, 32, async (teamId) => {
    await storage.installations.saveTeam({
      teamId,
      name: `Team ${teamId.slice(8, 13)}`,
      tenantId: FANOUT_TENANT,
      serviceUrl: o.connectorUrl,
      active: true,
      reference: reference(o.connectorUrl, {
        id: teamId,
        tenantId: FANOUT_TENANT,
        conversationType: 'channel',
        isGroup: true,
      }),
      updatedAt: now,
    });
    await storage.installations.saveChannels([{ teamId, channelId: teamId, name: '', active: true }]);
  });
  await storage.installations.savePerson({
    aadObjectId: FANOUT_ADMIN,
    name: 'Sabine Krüger',
    locale: 'de-DE',
    tenantId: FANOUT_TENANT,
    active: true,
    reference: reference(o.connectorUrl, {
      id: `a:personal-${FANOUT_ADMIN}`,
      tenantId: FANOUT_TENANT,
      conversationType: 'personal',
    }),
    updatedAt: now,
  });
  const campaign = sampleCampaign({
    id: FANOUT_CAMPAIGN,
    title: 'Gute Arbeit – Puls',
    timeZone: o.timeZone,
    items: [
      sampleCampaignPoll({
        id: 'puls',
        question: 'Wie gut fühlst du dich über Veränderungen informiert?',
        options: ['sehr gut', 'eher gut', 'eher schlecht', 'schlecht'],
        schedule: { start: aMinuteAgo(o.timeZone), every: 'P1W' },
      }),
    ],
  });
  await storage.campaigns.upsertFromFile(campaign, 'fanout.yml');
}

/** starts storage, connector and bot, seeds the teams, the admin's personal chat and a campaign with one poll due a minute ago. */
export async function startFanoutWorld(o: FanoutWorldOptions): Promise<FanoutWorld> {
  const tableProcess = o.storageProcess ? await startTableProcess() : undefined;
  const tableServer: EmbeddedTableServer = tableProcess ?? (await startEmbeddedTableServer());
  const connector: TeamsConnectorHandle = o.connectorThread
    ? await TeamsConnectorThread.start(o.connector)
    : await new TeamsConnector(o.connector).start();
  const config = fanoutConfig(o.env);
  const storage = await openFanoutStorage(tableServer.connectionString, config);
  const app = createBotApp({ config, storage, log: o.log ?? pino({ level: 'silent' }), telemetry: o.telemetry });
  await seedFanout(storage, { channels: o.channels, connectorUrl: connector.url, timeZone: config.timeZone });

  return {
    app,
    storage,
    connector,
    channels: o.channels,
    storageUsage: () => tableProcess?.usage(),
    postDueItem: async () => {
      let settled = -1;
      for (let tick = 0; tick < 10; tick++) {
        await app.scheduler.tick();
        const history = await storage.scheduleLedger.history(FANOUT_CAMPAIGN);
        const done = history.filter((e) => e.status !== 'claimed').length;
        if (done >= o.channels || done === settled) return;
        settled = done;
      }
    },
    stop: async () => {
      await app.close();
      await connector.stop();
      await tableServer.close();
    },
  };
}
