import type { Logger } from 'pino';
import { eachConcurrently, TickLoop } from '../jobs/tick-loop';
import type { CampaignItem } from '../../core/campaigns/campaign';
import {
  draftOf,
  postTimes,
  resolveTargets,
  type PostTarget,
  type TargetTeam,
} from '../../core/campaigns/campaign-posts';
import { slotsBetween, type Slot } from '../../core/campaigns/schedule';
import type { ItemDraft } from '../../core/items';
import type { CampaignRepository, StoredCampaign } from '../../storage/campaign-repository';
import { slotLedgerKey, type ScheduleLedger, type SlotRef } from '../../storage/schedule-ledger';
import { ConversationGoneError } from '../ports/delivery-errors';
import { countedTick, LeaseWatch } from '../jobs/scheduler-telemetry';
import { METRICS, noTelemetry, type Telemetry } from '../ports/telemetry';

/** posts one campaign item into one channel and returns the posted item's id; `ledgerKey` is stable per slot and channel, usable as an idempotency key. */
export type PublishCampaignItem = (
  draft: ItemDraft,
  target: { teamId: string; channelId: string },
  closesAt: Date,
  campaign: StoredCampaign,
  context: { ledgerKey: string },
) => Promise<{ itemId: string }>;

/** one channel of a fan-out that was not posted: skipped (with the ledger's reason), gone (403/404) or failed (retried later). */
export interface FanoutFailure {
  teamId: string;
  channelId: string;
  /** "Team › Kanal" as the admin knows it. */
  label: string;
  kind: 'skipped' | 'gone' | 'failed';
  reason: string;
}

/** where a fan-out stands: `posted` of `total` channels done, and what did not work. */
export interface FanoutState {
  total: number;
  posted: number;
  failures: FanoutFailure[];
}

/** a fan-out of one slot to many channels, as reported to the admin. */
export interface FanoutStart {
  campaign: StoredCampaign;
  item: CampaignItem;
  slot: Slot;
  total: number;
}

/** receives a fan-out's progress: `update` often (the receiver coalesces), `finish` once with the summary. */
export interface FanoutProgress {
  update(state: FanoutState): void;
  finish(state: FanoutState): Promise<void>;
}

/** what the scheduler needs; the composition root passes real capabilities, tests pass fakes for the Teams side only. */
export interface CampaignSchedulerOptions {
  campaigns: CampaignRepository;
  ledger: ScheduleLedger;
  /** the active teams the bot is installed in, with their channels. */
  listTargets(): Promise<TargetTeam[]>;
  publish: PublishCampaignItem;
  /** closes a posted item and updates its card; called again after a crash, so it must be idempotent. */
  close(itemId: string): Promise<void>;
  /** reminds the channel that a posted item closes soon. */
  remind(itemId: string): Promise<void>;
  log: Logger;
  now(): Date;
  /** unique per process, e.g. host name plus a random suffix. */
  instanceId: string;
  /** slots missed by up to this much are posted late; older ones are recorded as skipped (CATCH_UP_WINDOW, default 6 h). */
  catchUpWindowMs: number;
  /** how long leadership lasts without renewal; renewed every tick, so keep it a few ticks long (e.g. 30 s). */
  leaseTtlMs: number;
  tickMs: number;
  /** a claim not posted after this long is taken as crashed and posted again; default 60 s. Keep it above the longest publish. */
  resumeAfterMs?: number;
  /** claims attempted this often without success are recorded as skipped; default 5. */
  maxAttempts?: number;
  /** channels of one slot claimed and posted at once (default 64); the outbound queue sets the actual rate. */
  fanOutConcurrency?: number;
  /** a slot going to more than this many channels reports progress (default 10). */
  progressThreshold?: number;
  /** starts progress reporting for a large fan-out (a card for the admin); optional. */
  progress?(start: FanoutStart): FanoutProgress | undefined;
  /** Teams answered 403/404 for a target: mark the team or channel inactive; the slot is recorded as skipped. */
  conversationGone?(target: { teamId: string; channelId: string }, err: ConversationGoneError): Promise<void>;
  /** records ticks, fan-out durations and the lease (mitwirken.scheduler.*, mitwirken.fanout.duration). */
  telemetry?: Telemetry;
  /** whether a campaign may post now (the staff council approved its current content); default: always. */
  mayPost?(campaign: StoredCampaign): Promise<boolean>;
}

/** how one post ended. */
type PostOutcome = { kind: 'posted' } | { kind: 'skipped' | 'gone' | 'failed'; reason: string };

/** what one tick did; `leader` false means another instance holds the lease and nothing was done. */
export interface TickReport {
  leader: boolean;
  posted: number;
  skipped: number;
  resumed: number;
  closed: number;
  reminded: number;
  failed: number;
}

const emptyReport = (): TickReport => ({
  leader: false,
  posted: 0,
  skipped: 0,
  resumed: 0,
  closed: 0,
  reminded: 0,
  failed: 0,
});

/**
 * posts campaign items on schedule, exactly once per slot and channel, across restarts and instances: one
 * lease holder per tick, a ledger row claimed before each post, claims left by a crash resumed, missed slots
 * caught up within the window and recorded as skipped beyond it; closes posts and sends reminders on time.
 */
export class CampaignScheduler {
  private readonly resumeAfterMs: number;
  private readonly maxAttempts: number;
  private readonly fanOutConcurrency: number;
  private readonly progressThreshold: number;
  private readonly loop: TickLoop;
  private readonly telemetry: Telemetry;
  private readonly lease: LeaseWatch;

  constructor(private readonly o: CampaignSchedulerOptions) {
    this.telemetry = o.telemetry ?? noTelemetry;
    this.lease = new LeaseWatch(this.telemetry, 'campaigns', () => o.now());
    this.resumeAfterMs = o.resumeAfterMs ?? 60_000;
    this.maxAttempts = o.maxAttempts ?? 5;
    this.fanOutConcurrency = o.fanOutConcurrency ?? 64;
    this.progressThreshold = o.progressThreshold ?? 10;
    this.loop = new TickLoop({
      intervalMs: o.tickMs,
      log: o.log,
      failure: 'scheduler tick failed',
      pass: async () => {
        const report = await this.tick();
        if (report.posted + report.skipped + report.closed + report.reminded + report.failed > 0)
          this.o.log.info({ report }, 'scheduler tick');
      },
    });
  }

  /** starts the tick loop (first tick at once); the timer does not keep the process alive. */
  start(): void {
    this.loop.start();
  }

  /** stops the loop, waits for a running tick and hands the lease back so another instance can lead at once. */
  async stop(): Promise<void> {
    await this.loop.stop();
    await this.o.ledger
      .releaseLease(this.o.instanceId)
      .catch((err: unknown) => this.o.log.warn({ err }, 'scheduler lease not released'));
    this.lease.close();
  }

  /** one pass: lease, due slots (claim, publish, record), resumed claims, closes, reminders; counted as a tick. */
  tick(): Promise<TickReport> {
    return countedTick(this.telemetry, 'campaigns', emptyReport(), (report) => this.pass(report));
  }

  private async pass(report: TickReport): Promise<void> {
    const now = this.o.now();
    const held = await this.o.ledger.acquireLease(this.o.instanceId, now, this.o.leaseTtlMs);
    this.lease.observe(held, now);
    if (!held) return;
    report.leader = true;
    const renewal = this.renewLeaseWhileRunning();
    try {
      const campaigns = await this.o.campaigns.list();
      let teams: Promise<TargetTeam[]> | undefined;
      const targets = () => (teams ??= this.o.listTargets());
      for (const campaign of campaigns) {
        try {
          await this.scheduleCampaign(campaign, now, targets, report);
        } catch (err) {
          report.failed++;
          this.o.log.error({ err, campaignId: campaign.id }, 'campaign not scheduled this tick');
        }
      }
      await this.resumeUnfinished(campaigns, now, report);
      await this.closeDue(now, report);
      await this.remindDue(now, report);
    } finally {
      clearInterval(renewal);
    }
  }

  /**
   * renews the lease every third of its TTL while a tick runs: a fan-out to thousands of channels outlasts the
   * lease, and another instance taking over meanwhile would post the same slot at the same time (exactly once
   * still, thanks to the claims, but at twice the tenant's rate).
   */
  private renewLeaseWhileRunning(): NodeJS.Timeout {
    const timer = setInterval(
      () => {
        const at = this.o.now();
        this.o.ledger.acquireLease(this.o.instanceId, at, this.o.leaseTtlMs).then(
          (held) => {
            this.lease.observe(held, at);
            if (!held)
              this.o.log.warn(
                { instanceId: this.o.instanceId },
                'scheduler lease lost during a tick; claims keep posts exactly once',
              );
          },
          (err: unknown) => this.o.log.warn({ err }, 'scheduler lease not renewed'),
        );
      },
      Math.max(1000, this.o.leaseTtlMs / 3),
    );
    timer.unref();
    return timer;
  }

  /** looks at the slots since the campaign's cursor: posts due ones, records missed, paused and unreachable ones as skipped. */
  private async scheduleCampaign(
    c: StoredCampaign,
    now: Date,
    targets: () => Promise<TargetTeam[]>,
    report: TickReport,
  ): Promise<void> {
    if (c.status === 'draft' || c.status === 'ended') return;
    const windowStart = now.getTime() - this.o.catchUpWindowMs;
    const cursor = await this.o.ledger.cursor(c.id);
    const from = new Date(cursor ? cursor.getTime() + 1 : windowStart);
    const to = new Date(now.getTime() + 1);
    const due = c.items
      .map((item) => ({ item, slots: slotsBetween(item.schedule, c.timeZone, from, to) }))
      .filter((d) => d.slots.length > 0);
    if (due.length > 0) {
      // asked only when something is due; until then the cursor stays, so slots that pass while it waits are
      // caught up (within the window) once it may post.
      if (this.o.mayPost && !(await this.o.mayPost(c))) return;
      const teams = await targets();
      const resolved = resolveTargets(c, teams);
      for (const { item, slots } of due) {
        for (const slot of slots) {
          const late =
            slot.at.getTime() < windowStart
              ? `missed: due ${slot.at.toISOString()}, outside the catch-up window`
              : undefined;
          const reason = c.status === 'paused' ? 'campaign paused' : late;
          if (reason) {
            for (const target of resolved)
              await this.skip(slotRef(c, item, target, slot), target.ok ? reason : target.reason, now, report);
          } else {
            await this.fanOut(c, item, slot, resolved, teams, now, report);
          }
        }
      }
    }
    await this.o.ledger.setCursor(c.id, now);
  }

  /**
   * posts one slot into all its channels concurrently (each channel its own claim, so exactly once still holds);
   * more than `progressThreshold` channels report progress from the first claim on.
   */
  private async fanOut(
    c: StoredCampaign,
    item: CampaignItem,
    slot: Slot,
    resolved: PostTarget[],
    teams: TargetTeam[],
    now: Date,
    report: TickReport,
  ): Promise<void> {
    const startedAt = performance.now();
    const state: FanoutState = { total: resolved.length, posted: 0, failures: [] };
    let progress: FanoutProgress | undefined;
    let started = false;
    const snapshot = (): FanoutState => ({ ...state, failures: [...state.failures] });
    const fail = (target: PostTarget, kind: FanoutFailure['kind'], reason: string) => {
      state.failures.push({
        teamId: target.teamId,
        channelId: target.channelId,
        label: labelOf(teams, target),
        kind,
        reason,
      });
    };
    // a large fan-out lets the ledger gather its writes into shared transactions (a little latency, far fewer requests).
    const endFanOut = resolved.length > this.progressThreshold ? this.o.ledger.beginFanOut() : undefined;
    await eachConcurrently(resolved, this.fanOutConcurrency, async (target) => {
      const ref = slotRef(c, item, target, slot);
      if (!target.ok) {
        if (await this.skip(ref, target.reason, now, report)) fail(target, 'skipped', target.reason);
      } else if ((await this.o.ledger.claimSlot(ref, now, this.o.instanceId)) === 'claimed') {
        if (!started && resolved.length > this.progressThreshold) {
          started = true;
          progress = this.startProgress({ campaign: c, item, slot, total: resolved.length });
        }
        const outcome = await this.post(c, item, ref, now, report);
        if (outcome.kind === 'posted') state.posted++;
        else fail(target, outcome.kind, outcome.reason);
      } else {
        // claimed before: posted (or being posted) by an earlier tick or another instance.
        state.posted++;
      }
      progress?.update(snapshot());
    }).finally(() => {
      endFanOut?.();
      this.telemetry.record(METRICS.fanoutDuration, (performance.now() - startedAt) / 1000, {
        complete: state.failures.length === 0,
      });
    });
    if (progress)
      await progress
        .finish(snapshot())
        .catch((err: unknown) => this.o.log.warn({ err, campaignId: c.id }, 'fan-out summary not sent'));
  }

  private startProgress(start: FanoutStart): FanoutProgress | undefined {
    try {
      return this.o.progress?.(start);
    } catch (err) {
      this.o.log.warn({ err, campaignId: start.campaign.id }, 'fan-out progress not started');
      return undefined;
    }
  }

  /** publishes a claimed slot and records it; a failed publish leaves the claim to be resumed after `resumeAfterMs`. */
  private async post(
    c: StoredCampaign,
    item: CampaignItem,
    ref: SlotRef,
    now: Date,
    report: TickReport,
  ): Promise<PostOutcome> {
    const { closesAt, remindAt } = postTimes(item, ref.slot.at, c.timeZone);
    if (closesAt.getTime() <= now.getTime()) {
      const reason = 'closed before it could be posted';
      await this.skip(ref, reason, now, report);
      return { kind: 'skipped', reason };
    }
    let itemId: string;
    const target = { teamId: ref.teamId, channelId: ref.channelId };
    try {
      ({ itemId } = await this.o.publish(draftOf(item), target, closesAt, c, { ledgerKey: slotLedgerKey(ref) }));
    } catch (err) {
      if (err instanceof ConversationGoneError) {
        const reason = `Teams answered ${err.status}: the bot can no longer post there`;
        await this.o
          .conversationGone?.(target, err)
          .catch((e: unknown) => this.o.log.warn({ err: e, ...logRef(ref) }, 'gone conversation not marked inactive'));
        await this.skip(ref, reason, now, report);
        return { kind: 'gone', reason };
      }
      report.failed++;
      this.o.log.warn({ err, ...logRef(ref) }, 'campaign post failed; retried later');
      return { kind: 'failed', reason: err instanceof Error ? err.message : String(err) };
    }
    const outcome = await this.o.ledger.markPosted(ref, itemId, { closesAt, remindAt, now });
    report.posted++;
    if (outcome === 'duplicate')
      this.o.log.warn(
        { ...logRef(ref), itemId },
        'campaign slot was posted twice (a resumed claim had posted after all)',
      );
    else this.o.log.info({ ...logRef(ref), itemId }, 'campaign item posted');
    if (c.status === 'scheduled') {
      // set first: concurrent posts of one fan-out mark the campaign running once.
      c.status = 'running';
      await this.o.campaigns.markRunning(c.id);
    }
    return { kind: 'posted' };
  }

  /** posts claims whose poster crashed or failed, once each; gives up with a skipped row when posting no longer makes sense. */
  private async resumeUnfinished(campaigns: StoredCampaign[], now: Date, report: TickReport): Promise<void> {
    const claims = await this.o.ledger.unfinishedClaims(new Date(now.getTime() - this.resumeAfterMs));
    for (const claim of claims) {
      const c = campaigns.find((x) => x.id === claim.campaignId);
      const item = c?.items.find((i) => i.id === claim.itemId);
      if (!c || !item) {
        await this.skip(claim, 'campaign or item no longer exists', now, report);
        continue;
      }
      let reason: string | undefined;
      if (c.status !== 'scheduled' && c.status !== 'running') reason = `campaign ${c.status}`;
      else if (claim.attempts >= this.maxAttempts) reason = `posting failed ${claim.attempts} times`;
      else if (claim.slot.at.getTime() < now.getTime() - this.o.catchUpWindowMs)
        reason = 'missed: not posted within the catch-up window';
      if (reason) {
        await this.skip(claim, reason, now, report);
        continue;
      }
      if ((await this.o.ledger.reclaim(claim, now, this.o.instanceId)) === 'taken') continue;
      report.resumed++;
      this.o.log.info({ ...logRef(claim), attempt: claim.attempts + 1 }, 'resuming an unfinished campaign post');
      await this.post(c, item, claim, now, report);
    }
  }

  private async closeDue(now: Date, report: TickReport): Promise<void> {
    for (const post of await this.o.ledger.openPosts(now)) {
      try {
        await this.o.close(post.itemId);
        await this.o.ledger.markClosed(post);
        report.closed++;
      } catch (err) {
        report.failed++;
        this.o.log.warn({ err, itemId: post.itemId }, 'campaign item not closed; retried next tick');
      }
    }
  }

  private async remindDue(now: Date, report: TickReport): Promise<void> {
    for (const reminder of await this.o.ledger.dueReminders(now)) {
      try {
        const moot = reminder.closesAt.getTime() <= now.getTime();
        if (!moot && (await this.o.ledger.claimReminder(reminder.itemId)) === 'claimed') {
          await this.o.remind(reminder.itemId);
          report.reminded++;
        }
        await this.o.ledger.dropReminder(reminder);
      } catch (err) {
        report.failed++;
        this.o.log.warn({ err, itemId: reminder.itemId }, 'campaign reminder failed');
      }
    }
  }

  /** records a slot as skipped; true when this call did (not an earlier one). */
  private async skip(ref: SlotRef, reason: string, now: Date, report: TickReport): Promise<boolean> {
    if ((await this.o.ledger.markSkipped(ref, reason, now)) !== 'skipped') return false;
    report.skipped++;
    this.o.log.info({ ...logRef(ref), reason }, 'campaign slot skipped');
    return true;
  }
}

function slotRef(c: StoredCampaign, item: CampaignItem, target: PostTarget, slot: Slot): SlotRef {
  return { campaignId: c.id, itemId: item.id, teamId: target.teamId, channelId: target.channelId, slot };
}

/** "Team › Kanal" from the listed teams, falling back to the ids (or the names the campaign used). */
function labelOf(teams: TargetTeam[], target: PostTarget): string {
  const team = teams.find((t) => t.teamId === target.teamId);
  const channel = team?.channels.find((ch) => ch.channelId === target.channelId);
  const channelName = channel?.name || (target.channelId === target.teamId ? 'General' : target.channelId);
  return `${team?.teamName || target.teamId} › ${channelName}`;
}

function logRef(ref: SlotRef): Record<string, string> {
  return {
    campaignId: ref.campaignId,
    campaignItemId: ref.itemId,
    teamId: ref.teamId,
    channelId: ref.channelId,
    slot: ref.slot.key,
  };
}
