import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { DateTime } from 'luxon';
import pino, { type Logger } from 'pino';
import { createBotApp, type BotApp } from '../bot/bot-app';
import { loadConfig } from '../bot/config';
import type { Campaign } from '../core/campaigns/campaign';
import type { ConversationRef } from '../core/installations';
import { connectionStringFor, startEmbeddedTableServer, type EmbeddedTableServer } from '../storage/embedded-azurite';
import { openStorage, type Storage } from '../storage/open-storage';
import { TeamsConnector, type TeamsConnectorOptions } from './teams-connector';

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
  connector: TeamsConnector;
  channels: number;
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
  /** environment overrides (TEAMS_TENANT_RATE …). */
  env?: Record<string, string>;
  log?: Logger;
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

/** Azurite's table server as a child process, in memory, without telemetry. */
async function startTableProcess(): Promise<EmbeddedTableServer> {
  const port = await freePort();
  const main = require.resolve('azurite/dist/src/table/main.js');
  const child = spawn(process.execPath, [main, '--tableHost', '127.0.0.1', '--tablePort', String(port), '--inMemoryPersistence', '--disableTelemetry', '--skipApiVersionCheck'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`azurite exited with ${code}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('successfully started')) resolve();
    });
  });
  child.stdout.resume();
  return {
    port,
    connectionString: connectionStringFor(port),
    close: async () => {
      child.removeAllListeners('exit');
      const exited = new Promise((r) => child.once('exit', r));
      child.kill();
      await exited;
    },
  } as EmbeddedTableServer;
}

/** starts storage, connector and bot, seeds the teams, the admin's personal chat and a campaign with one poll due a minute ago. */
export async function startFanoutWorld(o: FanoutWorldOptions): Promise<FanoutWorld> {
  const tableServer: EmbeddedTableServer = o.storageProcess ? await startTableProcess() : await startEmbeddedTableServer();
  const connector = await new TeamsConnector(o.connector).start();
  const config = loadConfig({ PLAYGROUND: 'off', ADMIN_AAD_IDS: FANOUT_ADMIN, LOG_LEVEL: 'silent', CAMPAIGNS_DIR: '.bench-campaigns-unused', ...o.env });
  const log = o.log ?? pino({ level: 'silent' });
  const storage = await openStorage({ connectionString: tableServer.connectionString, answerSecret: 'bench-secret-bench-secret-bench-secret', timeZone: config.timeZone });
  const app = createBotApp({ config, storage, log });
  const now = new Date();

  const teams = Array.from({ length: o.channels }, (_, i) => teamIdOf(i));
  await inBatches(teams, 32, async (teamId) => {
    await storage.installations.saveTeam({
      teamId,
      name: `Team ${teamId.slice(8, 13)}`,
      tenantId: FANOUT_TENANT,
      serviceUrl: connector.url,
      active: true,
      reference: reference(connector.url, { id: teamId, tenantId: FANOUT_TENANT, conversationType: 'channel', isGroup: true }),
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
    reference: reference(connector.url, { id: `a:personal-${FANOUT_ADMIN}`, tenantId: FANOUT_TENANT, conversationType: 'personal' }),
    updatedAt: now,
  });
  const start = DateTime.now().setZone(config.timeZone).minus({ minutes: 1 }).toFormat("yyyy-LL-dd'T'HH:mm");
  const campaign: Campaign = {
    id: FANOUT_CAMPAIGN,
    title: 'Gute Arbeit – Puls',
    targets: { kind: 'all' },
    channel: 'General',
    timeZone: config.timeZone,
    status: 'scheduled',
    items: [
      {
        type: 'poll',
        id: 'puls',
        question: 'Wie gut fühlst du dich über Veränderungen informiert?',
        options: ['sehr gut', 'eher gut', 'eher schlecht', 'schlecht'],
        multiple: false,
        anonymous: true,
        schedule: { start, every: 'P1W' },
        openFor: 'P5D',
      },
    ],
  };
  await storage.campaigns.upsertFromFile(campaign, 'fanout.yml');

  return {
    app,
    storage,
    connector,
    channels: o.channels,
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
