import { AnonymousParticipationLog } from './anonymous-participation-log';
import { AuditLog } from './audit-log';
import { BotStateStore } from './bot-state-store';
import { CampaignRepository } from './campaign-repository';
import { DigestLedger } from './digest-ledger';
import { IdeaRepository } from './idea-repository';
import { ItemRepository } from './item-repository';
import { InstallationRepository } from './installation-repository';
import { ParticipationRepository } from './participation-repository';
import { PersonalDataStore } from './personal-data-repository';
import { ResponseRepository } from './response-repository';
import { RetentionStore } from './retention-repository';
import { RoleRepository } from './role-repository';
import { ScheduleLedger } from './schedule-ledger';
import { ensureTables, openTables, pingStorage } from './tables';

/** the repositories the bot works with, over one storage account. */
export interface Storage {
  items: ItemRepository;
  responses: ResponseRepository;
  installations: InstallationRepository;
  /** the delayed, shuffled writes of anonymous answers; flush it periodically, on close and at shutdown. */
  participation: AnonymousParticipationLog;
  /** distinct people who answered per team and ISO week. */
  weeklyParticipation: ParticipationRepository;
  campaigns: CampaignRepository;
  scheduleLedger: ScheduleLedger;
  roles: RoleRepository;
  ideas: IdeaRepository;
  digestLedger: DigestLedger;
  audit: AuditLog;
  /** conversation state of multi-turn dialogs (the campaign wizard). */
  botState: BotStateStore;
  /** the storage side of the retention job: closed items by close month, purging personal fields. */
  retention: RetentionStore;
  /** a person's own data across tables: named votes, personal chat, and what erasure changes. */
  personalData: PersonalDataStore;
  /** resolves when storage answers; rejects when it does not (for /readyz). */
  ping(): Promise<void>;
}

export interface StorageOptions {
  connectionString: string;
  /** secret for HMAC pseudonyms in the anonymous voter roll and weekly participation, and for idea delivery keys. */
  answerSecret: string;
  /** time zone for ISO-week partitions. */
  timeZone: string;
}

/** opens all tables (creating missing ones) and builds the repositories. */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  const tables = openTables(options.connectionString);
  await ensureTables(tables);
  const participation = new AnonymousParticipationLog(tables);
  const weeklyParticipation = new ParticipationRepository(tables, options.answerSecret, options.timeZone, participation);
  const ideas = new IdeaRepository(tables, options.answerSecret, options.timeZone);
  const responses = new ResponseRepository(tables, options.answerSecret, participation, ideas, weeklyParticipation);
  return {
    items: new ItemRepository(tables, options.timeZone),
    responses,
    installations: new InstallationRepository(tables),
    participation,
    weeklyParticipation,
    campaigns: new CampaignRepository(tables),
    scheduleLedger: new ScheduleLedger(tables),
    roles: new RoleRepository(tables),
    ideas,
    digestLedger: new DigestLedger(tables),
    audit: new AuditLog(tables),
    botState: new BotStateStore(tables.botState),
    retention: new RetentionStore(tables),
    personalData: new PersonalDataStore(tables, options.answerSecret, responses),
    ping: () => pingStorage(options.connectionString),
  };
}
