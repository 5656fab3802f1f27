import type { Logger } from 'pino';
import type { Storage } from '../storage/open-storage';
import type { Config } from './config';
import type { ChannelPoster } from './channel-poster';
import type { CardRefresher } from './card-refresher';
import type { DemoAnswerer } from './demo-answerer';
import type { CampaignWizard } from '../dialogs/campaign-wizard';
import type { TeamRoster } from './team-roster';
import type { TeamMembership } from './team-membership';
import type { ExportRequest } from './campaign-export';
import type { DownloadLinks } from './download-links';
import type { MyDataRequest } from './personal-data';
import type { Telemetry } from './telemetry/telemetry';

/** the capabilities every handler gets; built once in the composition root. */
export interface BotServices {
  config: Config;
  storage: Storage;
  log: Logger;
  /** metrics for operators (docs/operations.md, "Telemetry and alerts"); records nothing without Application Insights. */
  telemetry: Telemetry;
  poster: ChannelPoster;
  refresher: CardRefresher;
  /** local mode only: answers items as the Playground's mock users. */
  demo?: DemoAnswerer;
  /** whether a person (AAD object id from the activity) is an admin: configured in ADMIN_AAD_IDS or granted in chat. */
  isAdmin(aadObjectId: string | undefined): Promise<boolean>;
  /** the campaign wizard (`kampagne neu`). */
  wizard: CampaignWizard;
  /** team members from Teams. */
  roster: TeamRoster;
  /** who belongs to which team (rosters, kept briefly): the member check of every click on a team's cards (team-access.ts). */
  membership: TeamMembership;
  /** signed, short-lived download links for CSV exports (served at GET /exports/<token>). */
  exportLinks: DownloadLinks<ExportRequest>;
  /** encrypted, short-lived download links of a person's own data (served at GET /my-data/<token>). */
  myDataLinks: DownloadLinks<MyDataRequest>;
  now(): Date;
}
