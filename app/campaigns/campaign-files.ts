import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { formatCampaignFileError, parseCampaignFile, type CampaignFileError } from '../../core/campaigns/campaign-file';
import { CampaignStoreError, type CampaignRepository } from '../../storage/campaign-repository';

/** what loading a folder of campaign files did. */
export interface CampaignFilesResult {
  /** ids of the campaigns stored or confirmed unchanged, in file-name order. */
  loaded: string[];
  /** every problem, each naming its file (and line when known); those files changed nothing. */
  errors: CampaignFileError[];
  /** ids of campaigns that came from a file no longer in the folder; they stay as they are until an admin ends them. */
  orphaned: string[];
}

const CAMPAIGN_FILE = /\.(ya?ml|json)$/i;

/**
 * reads every *.yml, *.yaml and *.json in `dir` (a missing folder is an empty one), validates each with
 * parseCampaignFile and upserts the valid ones; a bad file is reported and never touches another campaign.
 * Storage failures other than a refused campaign are thrown.
 */
export async function loadCampaignFiles(
  dir: string,
  repository: CampaignRepository,
  options: { defaultTimeZone: string; log: Logger },
): Promise<CampaignFilesResult> {
  const { log } = options;
  const result: CampaignFilesResult = { loaded: [], errors: [], orphaned: [] };
  const files = await campaignFileNames(dir);
  const fileOf = new Map<string, string>();
  for (const file of files) {
    const fail = (message: string) => result.errors.push({ file, path: '', message });
    let text: string;
    try {
      text = await readFile(path.join(dir, file), 'utf8');
    } catch (err) {
      fail(`cannot be read: ${(err as Error).message}`);
      continue;
    }
    const parsed = parseCampaignFile(file, text, { defaultTimeZone: options.defaultTimeZone });
    if (!parsed.ok) {
      result.errors.push(...parsed.errors);
      continue;
    }
    const { campaign } = parsed;
    const earlier = fileOf.get(campaign.id);
    if (earlier !== undefined) {
      fail(`campaign id '${campaign.id}' is already defined in ${earlier}; ids must be unique`);
      continue;
    }
    fileOf.set(campaign.id, file);
    try {
      const outcome = await repository.upsertFromFile(campaign, file);
      result.loaded.push(campaign.id);
      if (outcome !== 'unchanged') log.info({ campaignId: campaign.id, file, outcome }, 'campaign file loaded');
    } catch (err) {
      if (!(err instanceof CampaignStoreError)) throw err;
      fail(err.message);
    }
  }
  // a campaign whose file is gone, or now defines another id, is orphaned; one whose file is broken is not (yet).
  const broken = new Set(result.errors.map((e) => e.file));
  for (const stored of await repository.list()) {
    const source = stored.source.startsWith('file:') ? stored.source.slice('file:'.length) : undefined;
    if (source !== undefined && !fileOf.has(stored.id) && !broken.has(source)) result.orphaned.push(stored.id);
  }
  for (const error of result.errors)
    log.warn({ file: error.file, line: error.line }, `campaign file not loaded: ${formatCampaignFileError(error)}`);
  if (result.orphaned.length > 0)
    log.warn(
      { campaignIds: result.orphaned },
      'campaigns whose file was removed stay as they are; end them to stop them',
    );
  return result;
}

async function campaignFileNames(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && CAMPAIGN_FILE.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
