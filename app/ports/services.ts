import type { Logger } from 'pino';
import type { ExportRequest } from '../../core/export/export-request';
import type { ChannelKind, TeamRecord } from '../../core/installations';
import type { Item, ItemDraft } from '../../core/items';
import type { Locale } from '../../core/locale';
import type { Member } from '../../core/people';
import type { MyDataRequest } from '../../core/privacy/my-data-request';
import type { PlanRequest } from '../../core/campaigns/plan-request';
import type { Storage } from '../../storage/open-storage';
import type { Config } from '../config';
import type { TeamsPoster, TeamsRosters } from './teams';
import type { Telemetry } from './telemetry';

// The ports every feature may use, as interfaces: the composition root (host/bot-app.ts) fills them with the edge's
// and the features' implementations. Nothing here imports a feature, so no feature depends on another through it.

/** updates of posted item cards, coalesced per item (polls/card-refresher.ts). */
export interface CardUpdates {
  /** the item's shared card is updated soon, once for all answers in the meantime. */
  schedule(itemId: string): void;
  /** updates the item's card now (closing, a campaign's close). */
  refreshNow(itemId: string): Promise<void>;
  /** waits for scheduled updates (shutdown). */
  flush(): Promise<void>;
}

/** local mode only: answers an item as the Playground's mock users (polls/demo-answerer.ts); returns how many answered. */
export interface DemoAnswers {
  answer(item: Item): Promise<number>;
}

/** short-lived links whose token carries a request (exports/download-links.ts); the token is a credential. */
export interface DownloadLinkMaker<T> {
  /** how many minutes a link works. */
  readonly minutes: number;
  /** the link for a request, or undefined when no public address is known. */
  link(request: T): string | undefined;
  /** the token alone. */
  token(request: T): string;
}

/** whether a roster lists a person; 'unknown' when Teams gave no roster (and none read lately stands in). */
export type Membership = 'member' | 'not-member' | 'unknown';

/** who belongs to which installed team or channel, from Teams' rosters kept briefly (teams/team-membership.ts). */
export interface TeamMembers {
  member(team: TeamRecord, personId: string, channelId?: string): Promise<Member | undefined>;
  membership(team: TeamRecord, personId: string, channelId?: string): Promise<Membership>;
  teamsOf(teams: readonly TeamRecord[], personId: string): Promise<TeamRecord[]>;
  hasOwnMembers(team: TeamRecord, channelId: string): Promise<boolean>;
  forget(teamId: string, channelId?: string): void;
  knownKind(team: TeamRecord, channelId: string): Promise<ChannelKind | undefined>;
  rememberKind(teamId: string, channelId: string, kind: ChannelKind): void;
}

/** posts an item into a team channel now (polls/publish-item.ts): approvals post a held ad-hoc item with it once approved. */
export interface ItemPublisher {
  publish(
    draft: ItemDraft,
    target: { teamId: string; channelId: string },
    by: { aadObjectId: string; locale: Locale; closesAt?: Date; itemId?: string },
  ): Promise<Item>;
}

/** the capabilities every handler gets; built once in the composition root. */
export interface AppServices {
  config: Config;
  storage: Storage;
  log: Logger;
  /** metrics for operators (docs/operations.md, "Telemetry and alerts"); records nothing without Application Insights. */
  telemetry: Telemetry;
  poster: TeamsPoster;
  refresher: CardUpdates;
  /** local mode only: answers items as the Playground's mock users. */
  demo?: DemoAnswers;
  /**
   * whether a person (AAD object id from the activity) is an admin: configured in ADMIN_AAD_IDS or granted in chat.
   * `recently`: a grant as read up to a few seconds ago will do — only for what a card shows, never for a permission.
   */
  isAdmin(aadObjectId: string | undefined, options?: { recently?: boolean }): Promise<boolean>;
  /** team members from Teams. */
  roster: TeamsRosters;
  /** who belongs to which team (rosters, kept briefly): the member check of every click on a team's cards (teams/team-access.ts). */
  membership: TeamMembers;
  /** signed, short-lived download links for CSV exports (served at GET /exports/<token>). */
  exportLinks: DownloadLinkMaker<ExportRequest>;
  /** encrypted, short-lived download links of a person's own data (served at GET /my-data/<token>). */
  myDataLinks: DownloadLinkMaker<MyDataRequest>;
  now(): Date;
  /** encrypted, short-lived download links of a campaign's plan and campaign file (served at GET /plans/<token>). */
  planLinks: DownloadLinkMaker<PlanRequest>;
  /** posts an item now; absent where nothing posts (tests of single parts). */
  itemPublisher?: ItemPublisher;
}
