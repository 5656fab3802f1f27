import { AnonymousParticipationLog } from './anonymous-participation-log';
import { AuditLog } from './audit-log';
import { ApprovalRepository } from './approval-repository';
import { BackgroundWork, type BackgroundFailure } from './background-work';
import { BotStateStore } from './bot-state-store';
import { CampaignRepository } from './campaign-repository';
import { DigestLedger, progressLedger } from './digest-ledger';
import type { OnceLedger } from './once-ledger';
import { IdeaRepository } from './idea-repository';
import { ItemRepository } from './item-repository';
import { MeasureRepository } from './measure-repository';
import { InstallationRepository } from './installation-repository';
import { ParticipationRepository } from './participation-repository';
import { PersonalDataStore } from './personal-data-repository';
import { ResponseRepository } from './response-repository';
import { RetentionStore } from './retention-repository';
import { RoleRepository } from './role-repository';
import { OrgRepository } from './org-repository';
import { SealedBox } from './sealed-box';
import { ScheduleLedger } from './schedule-ledger';
import { ensureTables, openTables, storagePing, type TableEndpoint } from './tables';

export { azureCredential } from './tables';

/** the repositories the bot works with, over one storage account. */
export interface Storage {
  items: ItemRepository;
  responses: ResponseRepository;
  installations: InstallationRepository;
  /** the delayed, shuffled weekly participation of anonymous answers; flush it periodically and at shutdown. */
  participation: AnonymousParticipationLog;
  /** storage work that follows answers in the background (folding anonymous answers into groups); settle it at shutdown. */
  background: BackgroundWork;
  /** distinct people who answered per team and ISO week. */
  weeklyParticipation: ParticipationRepository;
  campaigns: CampaignRepository;
  scheduleLedger: ScheduleLedger;
  roles: RoleRepository;
  /** the resolved organisation: units above the teams and their leaders (rows in the Roles table). */
  org: OrgRepository;
  ideas: IdeaRepository;
  measures: MeasureRepository;
  digestLedger: DigestLedger;
  /** one monthly progress post per team and month across instances (rows in the DigestLedger table). */
  progressLedger: OnceLedger;
  audit: AuditLog;
  /** the staff council's approvals of campaigns and held ad-hoc items (rows in the Campaigns table). */
  approvals: ApprovalRepository;
  /** conversation state of multi-turn dialogs (the campaign wizard). */
  botState: BotStateStore;
  /** the storage side of the retention job: closed items by close month, purging personal fields. */
  retention: RetentionStore;
  /** a person's own data across tables: named votes, personal chat, and what erasure changes. */
  personalData: PersonalDataStore;
  /** resolves when storage answers; rejects when it does not (for /readyz). */
  ping(): Promise<void>;
}

/** where the tables are: `connectionString`, or `accountUrl` with a token `credential` (keyless, see `azureCredential`). */
export type StorageEndpoint = Exclude<TableEndpoint, string>;

export type StorageOptions = StorageEndpoint & StorageSettings;

export interface StorageSettings {
  /** secret for HMAC pseudonyms (voter rolls, weekly participation), idea delivery keys, and the sealed pending answers. */
  answerSecret: string;
  /** `MIN_GROUP_SIZE`: anonymous answers are folded, and their stored results kept, only in groups at least this large. */
  minGroupSize: number;
  /** where failures of background storage work are reported (the bot's log); by default they are dropped. */
  onBackgroundFailure?: BackgroundFailure;
  /** time zone for ISO-week partitions. */
  timeZone: string;
}

/** opens all tables (creating missing ones) and builds the repositories. */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  const tables = openTables(options);
  await ensureTables(tables);
  const participation = new AnonymousParticipationLog(tables);
  const weeklyParticipation = new ParticipationRepository(
    tables,
    options.answerSecret,
    options.timeZone,
    participation,
  );
  const ideas = new IdeaRepository(tables, options.answerSecret, options.timeZone);
  const background = new BackgroundWork(options.onBackgroundFailure ?? (() => undefined));
  const box = new SealedBox(options.answerSecret);
  const responses = new ResponseRepository(
    tables,
    { secret: options.answerSecret, box, minGroupSize: options.minGroupSize, work: background },
    ideas,
    weeklyParticipation,
  );
  return {
    items: new ItemRepository(tables, options.timeZone),
    responses,
    installations: new InstallationRepository(tables),
    participation,
    background,
    weeklyParticipation,
    campaigns: new CampaignRepository(tables),
    scheduleLedger: new ScheduleLedger(tables),
    roles: new RoleRepository(tables),
    org: new OrgRepository(tables),
    measures: new MeasureRepository(tables),
    ideas,
    digestLedger: new DigestLedger(tables),
    progressLedger: progressLedger(tables),
    audit: new AuditLog(tables),
    approvals: new ApprovalRepository(tables),
    botState: new BotStateStore(tables.botState),
    retention: new RetentionStore(tables),
    personalData: new PersonalDataStore(tables, options.answerSecret, responses),
    ping: storagePing(options),
  };
}
