import type { Logger } from 'pino';
import type { Storage } from '../../storage/open-storage';
import type { Config } from '../config';
import type { TeamsPoster, TeamsRosters } from './teams';
import type { CardRefresher } from '../polls';
import type { DemoAnswerer } from '../polls';
import type { TeamMembership } from '../teams';
import type { ExportRequest } from '../exports';
import type { DownloadLinks } from '../exports';
import type { MyDataRequest } from '../privacy';
import type { Telemetry } from './telemetry';

/** the capabilities every handler gets; built once in the composition root. */
export interface AppServices {
  config: Config;
  storage: Storage;
  log: Logger;
  /** metrics for operators (docs/operations.md, "Telemetry and alerts"); records nothing without Application Insights. */
  telemetry: Telemetry;
  poster: TeamsPoster;
  refresher: CardRefresher;
  /** local mode only: answers items as the Playground's mock users. */
  demo?: DemoAnswerer;
  /** whether a person (AAD object id from the activity) is an admin: configured in ADMIN_AAD_IDS or granted in chat. */
  isAdmin(aadObjectId: string | undefined): Promise<boolean>;
  /** team members from Teams. */
  roster: TeamsRosters;
  /** who belongs to which team (rosters, kept briefly): the member check of every click on a team's cards (team-access.ts). */
  membership: TeamMembership;
  /** signed, short-lived download links for CSV exports (served at GET /exports/<token>). */
  exportLinks: DownloadLinks<ExportRequest>;
  /** encrypted, short-lived download links of a person's own data (served at GET /my-data/<token>). */
  myDataLinks: DownloadLinks<MyDataRequest>;
  now(): Date;
}
