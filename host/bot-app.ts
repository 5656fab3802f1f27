import type { Logger } from 'pino';
import type { Storage } from '../storage/open-storage';
import type { MitwirkenBot } from '../bot/mitwirken-bot';
import { TeamsEdge } from '../bot/teams-edge';
import { CardRefresher } from '../app/polls';
import type { CampaignScheduler } from '../app/campaigns';
import { createCampaignScheduler } from '../app/campaigns';
import { planFileFor } from '../app/campaigns';
import { planRequestSchema } from '../core/campaigns/plan-request';
import { exportFileFor } from '../app/exports';
import { exportRequestSchema } from '../core/export/export-request';
import type { DigestScheduler } from '../app/digest';
import { createDigestScheduler } from '../app/digest';
import { createProgressScheduler, type ProgressScheduler } from '../app/results';
import { DOWNLOAD_ROUTES, DownloadLinks } from '../app/exports';
import { myDataFile } from '../app/privacy';
import { myDataRequestSchema } from '../core/privacy/my-data-request';
import { RetentionJob } from '../app/privacy';
import type { Config } from '../app/config';
import { CampaignWizard } from '../dialogs/campaign-wizard';
import { DemoAnswerer, type MockUser } from '../app/polls';
import { publishItem } from '../app/polls';
import { reviewCampaign } from '../app/approvals';
import { DueCloseJob } from '../app/polls';
import { TeamMembership } from '../app/teams';
import type { AppServices } from '../app/ports/services';
import { noTelemetry, type Telemetry } from '../app/ports/telemetry';
import { useGermanAddress } from '../core/texts/address';
import { newInstanceId } from '../app/jobs/instance-id';

export interface BotAppOptions {
  config: Config;
  storage: Storage;
  log: Logger;
  /** where metrics go (main.ts: OpenTelemetry when APPLICATIONINSIGHTS_CONNECTION_STRING is set); default: nowhere. */
  telemetry?: Telemetry;
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
  services: AppServices;
  /** the Teams edge: adapter, posting, rosters (tests reach the adapter here). */
  edge: TeamsEdge;
  /** the activity router the server hands Teams' requests to. */
  bot: MitwirkenBot;
  /** posts campaign items on schedule once started (main.ts starts it; tests drive it directly). */
  scheduler: CampaignScheduler;
  /** sends the weekly leader digests once started (main.ts starts it; tests drive it directly). */
  digestScheduler: DigestScheduler;
  /** posts the monthly progress into each team's General once started (main.ts starts it; tests drive it directly). */
  progressScheduler: ProgressScheduler;
  /** deletes personal data after its retention period, once a day (main.ts starts it; tests call run). */
  retention: RetentionJob;
  /** closes ad-hoc items at their "open until" once started (main.ts starts it; tests call run). */
  dueClose: DueCloseJob;
  listen(port: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * who may use admin commands: the configured AAD ids; in local mode with none configured, the Playground's current
 * user (or, without a Playground tenant, every person). Nobody without an AAD object id is ever an admin.
 */
export function adminPolicy(
  config: Config,
  localAdminId: string | undefined,
): (aadObjectId: string | undefined) => boolean {
  const admins = new Set(config.adminIds);
  if (admins.size === 0 && config.localMode) return (id) => Boolean(id) && (localAdminId ? id === localAdminId : true);
  return (id) => Boolean(id && admins.has(id));
}

/** wires the bot from its capabilities; the composition root (main.ts) and tests both call this. */
export function createBotApp(options: BotAppOptions): BotApp {
  const { config, storage, log } = options;
  // German texts say "Sie" or "du" for the whole process, like the time zone: chosen once, here.
  useGermanAddress(config.address);
  const telemetry = options.telemetry ?? noTelemetry;
  const edge = new TeamsEdge({ config, log, telemetry });
  const { poster, roster } = edge;
  const refresher = new CardRefresher(storage, poster, log, {
    minGroupSize: config.minGroupSize,
    timeZone: config.timeZone,
    delayMs: options.cardUpdateDelayMs ?? 1500,
  });
  const now = options.now ?? (() => new Date());
  const configuredAdmin = adminPolicy(config, options.playgroundTenant?.currentUserId);
  // local mode without PUBLIC_BASE_URL: links point at the port the server actually listens on.
  let listeningPort: number | undefined;
  const publicBaseUrl = () =>
    config.publicBaseUrl ??
    (config.localMode && listeningPort !== undefined ? `http://localhost:${listeningPort}` : undefined);
  const exportLinks = new DownloadLinks({
    path: DOWNLOAD_ROUTES.exports,
    purpose: 'csv-export',
    secret: config.answerSecret,
    schema: exportRequestSchema,
    now,
    baseUrl: publicBaseUrl,
    build: (request) => exportFileFor(services, request),
  });
  const myDataLinks = new DownloadLinks({
    path: DOWNLOAD_ROUTES.myData,
    purpose: 'my-data',
    secret: config.answerSecret,
    schema: myDataRequestSchema,
    now,
    baseUrl: publicBaseUrl,
    build: (request) => myDataFile(services, request),
  });
  const planLinks = new DownloadLinks({
    path: DOWNLOAD_ROUTES.plans,
    purpose: 'campaign-plan',
    secret: config.answerSecret,
    schema: planRequestSchema,
    now,
    baseUrl: publicBaseUrl,
    build: (request) => planFileFor(services, request),
  });
  const services: AppServices = {
    config,
    storage,
    log,
    telemetry,
    poster,
    refresher,
    demo:
      config.localMode && options.playgroundTenant
        ? new DemoAnswerer(storage, options.playgroundTenant.users, now)
        : undefined,
    isAdmin: async (id, options) =>
      configuredAdmin(id) ||
      (id !== undefined && (await (options?.recently ? storage.roles.isAdminRecently(id) : storage.roles.isAdmin(id)))),
    roster,
    membership: new TeamMembership(roster, storage.installations, log, now),
    exportLinks,
    myDataLinks,
    now,
    planLinks,
    itemPublisher: {
      publish: async (draft, target, by) => {
        const team = await storage.installations.getTeam(target.teamId);
        if (!team?.active) throw new Error(`team ${target.teamId} is not installed`);
        return publishItem(services, draft, { team, channelId: target.channelId }, by);
      },
    },
  };
  const wizard = new CampaignWizard({
    state: storage.botState,
    campaigns: storage.campaigns,
    listTeams: async () => {
      const teams = await storage.installations.activeTeams();
      return Promise.all(
        teams.map(async (t) => ({
          teamId: t.teamId,
          name: t.name,
          channels: (await storage.installations.channelsOf(t.teamId)).filter((c) => c.active).map((c) => c.name),
        })),
      );
    },
    listUnits: async () => (await storage.org.organisation()).units.map((u) => ({ unitId: u.id, name: u.name })),
    timeZone: config.timeZone,
    minGroupSize: config.minGroupSize,
    now,
    log,
    onSaved: async (campaign, by) => {
      await storage.audit.record({
        actorId: by,
        action: 'campaign.create',
        target: campaign.id,
        details: { status: campaign.status, items: campaign.items.length },
        at: now(),
      });
      // a planned campaign goes to the staff council before it may post (when approval is required).
      const stored = await storage.campaigns.get(campaign.id);
      if (stored) await reviewCampaign(services, stored, { id: by });
    },
  });
  const scheduler = createCampaignScheduler(services);
  const digestScheduler = createDigestScheduler(services);
  const progressScheduler = createProgressScheduler(services);
  const retention = new RetentionJob({
    storage,
    defaultDays: config.retentionDays,
    timeZone: config.timeZone,
    now,
    log,
    instanceId: newInstanceId(),
  });
  const dueClose = new DueCloseJob(services);
  const { bot, server } = edge.serve(services, {
    wizard,
    answerIntervalMs: options.answerIntervalMs,
    ready: () => storage.ping(),
    downloads: [
      { path: DOWNLOAD_ROUTES.exports, source: exportLinks },
      { path: DOWNLOAD_ROUTES.myData, source: myDataLinks },
      { path: DOWNLOAD_ROUTES.plans, source: planLinks },
    ],
  });
  return {
    services,
    edge,
    bot,
    scheduler,
    digestScheduler,
    progressScheduler,
    retention,
    dueClose,
    listen: (port) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, config.localMode ? '127.0.0.1' : '0.0.0.0', () => {
          listeningPort = (server.address() as { port: number }).port;
          resolve(listeningPort);
        });
      }),
    close: async () => {
      await scheduler.stop();
      await digestScheduler.stop();
      await progressScheduler.stop();
      await retention.stop();
      await dueClose.stop();
      await refresher.flush();
      await storage.background.settle();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      edge.close();
    },
  };
}
