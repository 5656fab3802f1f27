import { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { Storage } from '../storage/open-storage';
import { createBotAuthentication } from './bot-auth';
import { CardRefresher } from './card-refresher';
import type { CampaignScheduler } from './campaign-scheduler';
import { createCampaignScheduler } from './campaign-runtime';
import { ChannelPoster } from './channel-poster';
import { OutboundQueue } from './delivery/outbound-queue';
import type { Config } from './config';
import { CampaignWizard } from '../dialogs/campaign-wizard';
import { DemoAnswerer, type MockUser } from './demo-answerer';
import { MitwirkenBot } from './mitwirken-bot';
import { createServer } from './server';
import { TeamRoster } from './team-roster';
import type { BotServices } from './services';

export interface BotAppOptions {
  config: Config;
  storage: Storage;
  log: Logger;
  /** local mode: the Playground's mock users, for `demo`; its current user becomes admin when no admins are configured. */
  playgroundTenant?: { currentUserId?: string; users: MockUser[] };
  /** least time between two processed answers of one person to one item (ms, default 1000). */
  answerIntervalMs?: number;
  /** delay for coalescing card updates (ms). */
  cardUpdateDelayMs?: number;
  now?: () => Date;
}

/** a wired bot: adapter, handlers, HTTP server. */
export interface BotApp {
  services: BotServices;
  adapter: CloudAdapter;
  /** posts campaign items on schedule once started (main.ts starts it; tests drive it directly). */
  scheduler: CampaignScheduler;
  listen(port: number): Promise<number>;
  close(): Promise<void>;
}

/** who may use admin commands: the configured AAD ids; in local mode with none configured, the Playground's current user. */
export function adminPolicy(config: Config, localAdminId: string | undefined): (aadObjectId: string | undefined) => boolean {
  const admins = new Set(config.adminIds);
  if (admins.size === 0 && config.localMode) return (id) => (localAdminId ? id === localAdminId : true);
  return (id) => Boolean(id && admins.has(id));
}

/** wires the bot from its capabilities; the composition root (main.ts) and tests both call this. */
export function createBotApp(options: BotAppOptions): BotApp {
  const { config, storage, log } = options;
  const adapter = new CloudAdapter(createBotAuthentication(config, log));
  adapter.onTurnError = async (_ctx, err) => {
    log.error({ err }, 'unhandled turn error');
  };
  const queue = new OutboundQueue({ log, tenantRate: config.teamsTenantRate });
  const poster = new ChannelPoster(adapter, config.appId ?? '', queue);
  const refresher = new CardRefresher(storage, poster, log, {
    minGroupSize: config.minGroupSize,
    timeZone: config.timeZone,
    delayMs: options.cardUpdateDelayMs ?? 1500,
  });
  const now = options.now ?? (() => new Date());
  const configuredAdmin = adminPolicy(config, options.playgroundTenant?.currentUserId);
  const services: BotServices = {
    config,
    storage,
    log,
    poster,
    refresher,
    demo: config.localMode && options.playgroundTenant ? new DemoAnswerer(storage, options.playgroundTenant.users) : undefined,
    isAdmin: async (id) => configuredAdmin(id) || (id !== undefined && (await storage.roles.isAdmin(id))),
    wizard: new CampaignWizard({
      state: storage.botState,
      campaigns: storage.campaigns,
      listTeams: async () => {
        const teams = await storage.installations.activeTeams();
        return Promise.all(teams.map(async (t) => ({ teamId: t.teamId, name: t.name, channels: (await storage.installations.channelsOf(t.teamId)).filter((c) => c.active).map((c) => c.name) })));
      },
      timeZone: config.timeZone,
      minGroupSize: config.minGroupSize,
      now,
      log,
      onSaved: (campaign, by) => storage.audit.record({ actorId: by, action: 'campaign.create', target: campaign.id, details: { status: campaign.status, items: campaign.items.length }, at: now() }),
    }),
    roster: new TeamRoster(adapter, config.appId ?? ''),
    now,
  };
  const bot = new MitwirkenBot(services, { answerIntervalMs: options.answerIntervalMs });
  const scheduler = createCampaignScheduler(services);
  const server = createServer({ adapter, bot, log, ready: () => storage.ping(), allowedTenantIds: config.allowedTenantIds });
  return {
    services,
    adapter,
    scheduler,
    listen: (port) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, config.localMode ? '127.0.0.1' : '0.0.0.0', () => resolve((server.address() as { port: number }).port));
      }),
    close: async () => {
      await scheduler.stop();
      await refresher.flush();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
