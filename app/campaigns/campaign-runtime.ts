import { createHash } from 'node:crypto';
import type { TargetTeam } from '../../core/campaigns/campaign-posts';
import type { TeamRecord } from '../../core/installations';
import { formatDateTime } from '../../core/locale';
import { messages } from '../../core/messages';
import { channelOfConversation } from '../../core/installations';
import { closeItem } from '../polls';
import { CampaignScheduler } from './campaign-scheduler';
import { ConversationGoneError } from '../ports/delivery-errors';
import { startFanoutProgress } from './fanout-progress';
import { loadCampaignFiles, type CampaignFilesResult } from './campaign-files';
import { publishItem } from '../polls';
import { unitLabelsOfTeam } from '../../core/org/org-units';
import type { CampaignsPorts } from './ports';
import { mayPostCampaign, reviewCampaign } from '../approvals';
import { newInstanceId } from '../jobs/instance-id';

/** the scheduler's rhythm: a tick every 10 s, leadership for 30 s, a silent claim resumed after 60 s. */
const TICK_MS = 10_000;
const LEASE_TTL_MS = 30_000;
const RESUME_AFTER_MS = 60_000;
/**
 * channels of one slot claimed and posted at once: enough to keep the outbound queue busy while claims, items
 * and ledger rows are written (about 4 s of posts at the tenant rate), few enough that a claim is posted long
 * before it counts as crashed (RESUME_AFTER_MS).
 */
export function fanOutConcurrencyFor(tenantRate: number): number {
  return Math.max(16, Math.ceil(tenantRate * 4));
}

/** how long the teams read for a tick's targets stand in for a point read per post (a fan-out of 1,000 channels takes ~20 s). */
const TEAMS_FRESH_MS = 60_000;

/** a stable item id for one scheduled post, so a resumed claim never posts a second card. */
export function scheduledItemId(ledgerKey: string): string {
  const h = createHash('sha256').update(ledgerKey).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** every active team with its channels and the units it lies below (read now, so a unit target is resolved when posting), as campaign targets. */
async function listTargets(s: CampaignsPorts, teams: TeamRecord[]): Promise<TargetTeam[]> {
  const org = await s.storage.org.organisation();
  return Promise.all(
    teams.map(async (t) => {
      const units = unitLabelsOfTeam(org, t.teamId);
      return {
        teamId: t.teamId,
        teamName: t.name,
        channels: (await s.storage.installations.channelsOf(t.teamId)).map((c) => ({
          channelId: c.channelId,
          name: c.name,
        })),
        ...(units.length > 0 && { units }),
      };
    }),
  );
}

/** replies in the item's thread that it closes soon and how many answered: no one is singled out. */
async function remindThread(s: CampaignsPorts, itemId: string): Promise<void> {
  const item = await s.storage.items.get(itemId);
  if (!item?.conversationId || item.status !== 'open' || !item.closesAt) return;
  const team = await s.storage.installations.getTeam(item.teamId);
  if (!team?.active) return;
  const answered = await s.storage.responses.participantCount(item);
  const text = messages(item.locale).reminder(formatDateTime(item.locale, item.closesAt, s.config.timeZone), answered);
  await s.poster.send(team.reference, item.conversationId, text);
}

/**
 * Teams answered 403/404: the bot was removed from the team (403, or 404 on General) and the team is marked
 * inactive; a 404 in another channel marks only that channel inactive (it was deleted).
 */
async function markGone(
  s: CampaignsPorts,
  target: { teamId: string; channelId: string },
  err: ConversationGoneError,
): Promise<void> {
  const channelOnly = err.status === 404 && target.channelId !== target.teamId;
  if (channelOnly) await s.storage.installations.deactivateChannel(target.teamId, target.channelId);
  else await s.storage.installations.deactivateTeam(target.teamId);
  s.log.warn(
    { teamId: target.teamId, channelId: target.channelId, status: err.status },
    channelOnly ? 'channel gone: marked inactive' : 'team gone: marked inactive',
  );
}

/** runs a follow-up on a posted item (close, reminder); a conversation that is gone marks its team inactive instead of failing every tick. */
async function unlessGone(s: CampaignsPorts, itemId: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (!(err instanceof ConversationGoneError)) throw err;
    const item = await s.storage.items.get(itemId);
    if (item) await markGone(s, { teamId: item.teamId, channelId: item.channelId }, err);
  }
}

/** the campaign scheduler, wired to the bot's storage and delivery. */
export function createCampaignScheduler(s: CampaignsPorts): CampaignScheduler {
  // the teams read for the latest targets, so each post of a fan-out need not read its team again.
  let known: { at: number; teams: Map<string, TeamRecord> } | undefined;
  const knownTeam = (teamId: string) =>
    known && Date.now() - known.at < TEAMS_FRESH_MS ? known.teams.get(teamId) : undefined;
  return new CampaignScheduler({
    campaigns: s.storage.campaigns,
    ledger: s.storage.scheduleLedger,
    listTargets: async () => {
      const teams = await s.storage.installations.activeTeams();
      known = { at: Date.now(), teams: new Map(teams.map((t) => [t.teamId, t])) };
      return listTargets(s, teams);
    },
    publish: async (draft, target, closesAt, campaign, context) => {
      const team = knownTeam(target.teamId) ?? (await s.storage.installations.getTeam(target.teamId));
      if (!team?.active) throw new Error(`team ${target.teamId} is not installed`);
      const item = await publishItem(
        s,
        draft,
        { team, channelId: target.channelId },
        {
          aadObjectId: `campaign:${campaign.id}`,
          locale: s.config.defaultLocale,
          closesAt,
          itemId: scheduledItemId(context.ledgerKey),
        },
      );
      s.log.info(
        {
          campaignId: campaign.id,
          itemId: item.id,
          thread: item.conversationId && channelOfConversation(item.conversationId),
        },
        'campaign item posted',
      );
      return { itemId: item.id };
    },
    close: (itemId) =>
      unlessGone(s, itemId, async () => {
        await closeItem(s, itemId);
      }),
    remind: (itemId) => unlessGone(s, itemId, () => remindThread(s, itemId)),
    conversationGone: (target, err) => markGone(s, target, err),
    progress: (start) =>
      startFanoutProgress(
        {
          poster: s.poster,
          getPerson: (id) => s.storage.installations.getPerson(id),
          adminIds: s.config.adminIds,
          defaultLocale: s.config.defaultLocale,
          log: s.log,
        },
        start,
      ),
    log: s.log,
    now: s.now,
    instanceId: newInstanceId(),
    catchUpWindowMs: s.config.catchUpWindowMs,
    leaseTtlMs: LEASE_TTL_MS,
    tickMs: TICK_MS,
    resumeAfterMs: RESUME_AFTER_MS,
    fanOutConcurrency: fanOutConcurrencyFor(s.config.teamsTenantRate),
    telemetry: s.telemetry,
    mayPost: (campaign) => mayPostCampaign(s, campaign),
  });
}

/** loads (or reloads) the campaign files from CAMPAIGNS_DIR and logs what happened. */
export async function reloadCampaigns(s: CampaignsPorts): Promise<CampaignFilesResult> {
  const result = await loadCampaignFiles(s.config.campaignsDir, s.storage.campaigns, {
    defaultTimeZone: s.config.timeZone,
    log: s.log,
  });
  for (const e of result.errors)
    s.log.warn({ file: e.file, line: e.line, path: e.path, problem: e.message }, 'campaign file rejected');
  // a new or changed campaign from a file goes to the staff council (once per version) before it may post.
  const loaded = new Set(result.loaded);
  for (const stored of await s.storage.campaigns.list()) {
    if (loaded.has(stored.id))
      await reviewCampaign(s, stored, { id: stored.source, name: stored.source.slice('file:'.length) });
  }
  s.log.info(
    { loaded: result.loaded.length, errors: result.errors.length, orphaned: result.orphaned },
    'campaign files loaded',
  );
  return result;
}
