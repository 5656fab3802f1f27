import { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type restify from 'restify';
import type { Config } from '../app/config';
import type { DownloadSource } from '../app/exports';
import type { AppServices } from '../app/ports/services';
import type { Telemetry } from '../app/ports/telemetry';
import type { CampaignWizard } from '../dialogs/campaign-wizard';
import { createBotAuthentication } from './bot-auth';
import { ChannelPoster } from './channel-poster';
import { OutboundQueue } from './delivery/outbound-queue';
import { MitwirkenBot } from './mitwirken-bot';
import { createServer } from './server';
import { TeamRoster } from './team-roster';

/**
 * the Teams edge, wired: the Bot Framework adapter with the bot's credentials, the paced outbound queue, and the two
 * ports the product's features use — posting (ChannelPoster) and rosters (TeamRoster). `serve` adds the activity
 * router and the HTTP server once the features' services exist. The only module the composition root (host/) needs
 * from the Bot Framework side.
 */
export class TeamsEdge {
  readonly adapter: CloudAdapter;
  readonly poster: ChannelPoster;
  readonly roster: TeamRoster;
  private readonly queue: OutboundQueue;

  constructor(o: { config: Config; log: Logger; telemetry: Telemetry }) {
    const { config, log, telemetry } = o;
    this.adapter = new CloudAdapter(createBotAuthentication(config, log));
    this.adapter.onTurnError = async (_ctx, err) => {
      log.error({ err }, 'unhandled turn error');
    };
    this.queue = new OutboundQueue({ log, telemetry, tenantRate: config.teamsTenantRate });
    this.poster = new ChannelPoster(this.adapter, config.appId ?? '', this.queue);
    this.roster = new TeamRoster(this.adapter, config.appId ?? '');
  }

  /** the activity router for the services, behind the HTTP server (/api/messages, health, downloads). */
  serve(
    services: AppServices,
    o: {
      wizard: CampaignWizard;
      answerIntervalMs?: number;
      ready(): Promise<void>;
      downloads: ReadonlyArray<{ path: string; source: DownloadSource }>;
    },
  ): { bot: MitwirkenBot; server: restify.Server } {
    const bot = new MitwirkenBot(services, { wizard: o.wizard, answerIntervalMs: o.answerIntervalMs });
    const { config, log, telemetry } = services;
    const server = createServer({
      adapter: this.adapter,
      bot,
      log,
      telemetry,
      ready: o.ready,
      allowedTenantIds: config.allowedTenantIds,
      downloads: o.downloads,
    });
    return { bot, server };
  }

  /** stops the outbound queue (after the last send). */
  close(): void {
    this.queue.close();
  }
}
