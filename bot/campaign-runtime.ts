import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { TargetTeam } from '../core/campaigns/campaign-posts';
import { formatDateTime } from '../core/locale';
import { messages } from '../core/messages';
import { channelOfConversation } from './channel-poster';
import { closeItem } from './close-item';
import { CampaignScheduler } from './campaign-scheduler';
import { loadCampaignFiles, type CampaignFilesResult } from './campaign-files';
import { publishItem } from './publish-item';
import type { BotServices } from './services';

/** the scheduler's rhythm: a tick every 10 s, leadership for 30 s, a silent claim resumed after 60 s. */
const TICK_MS = 10_000;
const LEASE_TTL_MS = 30_000;
const RESUME_AFTER_MS = 60_000;

/** a stable item id for one scheduled post, so a resumed claim never posts a second card. */
export function scheduledItemId(ledgerKey: string): string {
  const h = createHash('sha256').update(ledgerKey).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** every active team with its channels, as campaign targets. */
async function listTargets(s: BotServices): Promise<TargetTeam[]> {
  const teams = await s.storage.installations.activeTeams();
  return Promise.all(
    teams.map(async (t) => ({
      teamId: t.teamId,
      teamName: t.name,
      channels: (await s.storage.installations.channelsOf(t.teamId)).map((c) => ({ channelId: c.channelId, name: c.name })),
    })),
  );
}

/** replies in the item's thread that it closes soon and how many answered: no one is singled out. */
async function remindThread(s: BotServices, itemId: string): Promise<void> {
  const item = await s.storage.items.get(itemId);
  if (!item?.conversationId || item.status !== 'open' || !item.closesAt) return;
  const team = await s.storage.installations.getTeam(item.teamId);
  if (!team?.active) return;
  const answered = await s.storage.responses.participantCount(item);
  const text = messages(item.locale).reminder(formatDateTime(item.locale, item.closesAt, s.config.timeZone), answered);
  await s.poster.send(team.reference, item.conversationId, text);
}

/** the campaign scheduler, wired to the bot's storage and delivery. */
export function createCampaignScheduler(s: BotServices): CampaignScheduler {
  return new CampaignScheduler({
    campaigns: s.storage.campaigns,
    ledger: s.storage.scheduleLedger,
    listTargets: () => listTargets(s),
    publish: async (draft, target, closesAt, campaign, context) => {
      const team = await s.storage.installations.getTeam(target.teamId);
      if (!team?.active) throw new Error(`team ${target.teamId} is not installed`);
      const item = await publishItem(s, draft, { team, channelId: target.channelId }, {
        aadObjectId: `campaign:${campaign.id}`,
        locale: s.config.defaultLocale,
        closesAt,
        itemId: scheduledItemId(context.ledgerKey),
      });
      s.log.info({ campaignId: campaign.id, itemId: item.id, thread: item.conversationId && channelOfConversation(item.conversationId) }, 'campaign item posted');
      return { itemId: item.id };
    },
    close: async (itemId) => {
      await closeItem(s, itemId);
    },
    remind: (itemId) => remindThread(s, itemId),
    log: s.log,
    now: s.now,
    instanceId: `${hostname()}-${randomUUID().slice(0, 8)}`,
    catchUpWindowMs: s.config.catchUpWindowMs,
    leaseTtlMs: LEASE_TTL_MS,
    tickMs: TICK_MS,
    resumeAfterMs: RESUME_AFTER_MS,
  });
}

/** loads (or reloads) the campaign files from CAMPAIGNS_DIR and logs what happened. */
export async function reloadCampaigns(s: BotServices): Promise<CampaignFilesResult> {
  const result = await loadCampaignFiles(s.config.campaignsDir, s.storage.campaigns, { defaultTimeZone: s.config.timeZone, log: s.log });
  for (const e of result.errors) s.log.warn({ file: e.file, line: e.line, path: e.path, problem: e.message }, 'campaign file rejected');
  s.log.info({ loaded: result.loaded.length, errors: result.errors.length, orphaned: result.orphaned }, 'campaign files loaded');
  return result;
}
