import { CampaignRepository } from './campaign-repository';
import { ItemRepository } from './item-repository';
import { InstallationRepository } from './installation-repository';
import { AnonymousParticipationLog, ResponseRepository } from './response-repository';
import { ScheduleLedger } from './schedule-ledger';
import { ensureTables, openTables, pingStorage } from './tables';

/** the repositories the bot works with, over one storage account. */
export interface Storage {
  items: ItemRepository;
  responses: ResponseRepository;
  installations: InstallationRepository;
  participation: AnonymousParticipationLog;
  campaigns: CampaignRepository;
  scheduleLedger: ScheduleLedger;
  /** resolves when storage answers; rejects when it does not (for /readyz). */
  ping(): Promise<void>;
}

export interface StorageOptions {
  connectionString: string;
  /** secret for HMAC pseudonyms in the anonymous voter roll. */
  answerSecret: string;
  /** time zone for ISO-week index partitions. */
  timeZone: string;
}

/** opens all tables (creating missing ones) and builds the repositories. */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  const tables = openTables(options.connectionString);
  await ensureTables(tables);
  const participation = new AnonymousParticipationLog(tables);
  return {
    items: new ItemRepository(tables, options.timeZone),
    responses: new ResponseRepository(tables, options.answerSecret, participation),
    installations: new InstallationRepository(tables),
    participation,
    campaigns: new CampaignRepository(tables),
    scheduleLedger: new ScheduleLedger(tables),
    ping: () => pingStorage(options.connectionString),
  };
}
