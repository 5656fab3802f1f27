import { buildProgressCard } from '../../cards/results-card';
import { asAttachment } from '../../cards/render';
import type { TeamRecord } from '../../core/installations';
import type { MonthKey } from '../../core/progress/progress-schedule';
import { ConversationGoneError } from '../ports/delivery-errors';
import type { ResultsPorts } from './ports';
import { teamProgress } from './progress-report';
import { ProgressScheduler, type ProgressDelivery } from './progress-scheduler';
import { newInstanceId } from '../jobs/instance-id';

/** the progress poster's rhythm: a tick every 60 s, leadership for 180 s, a silent claim resumed after 5 minutes. */
const TICK_MS = 60_000;
const LEASE_TTL_MS = 180_000;
const RESUME_AFTER_MS = 5 * 60_000;

/** posts a team's progress of a month into its General channel; skipped when nothing moved or General is gone. */
export async function postTeamProgress(s: ResultsPorts, team: TeamRecord, month: MonthKey): Promise<ProgressDelivery> {
  const report = await teamProgress(s, team, month);
  if (!report) return { kind: 'skipped', reason: 'nothing moved' };
  try {
    await s.poster.postCard(team, team.teamId, asAttachment(buildProgressCard(report, s.config.defaultLocale)));
    return { kind: 'sent' };
  } catch (err) {
    if (!(err instanceof ConversationGoneError)) throw err;
    s.log.info({ teamId: team.teamId, status: err.status }, 'progress: General channel gone');
    return { kind: 'skipped', reason: `General channel not reachable (${err.status})` };
  }
}

/** the monthly progress poster, wired to the bot's storage and delivery. */
export function createProgressScheduler(s: ResultsPorts): ProgressScheduler {
  return new ProgressScheduler({
    ledger: s.storage.progressLedger,
    teams: () => s.storage.installations.activeTeams(),
    deliver: (team, month) => postTeamProgress(s, team, month),
    cron: s.config.progressCron,
    timeZone: s.config.timeZone,
    log: s.log,
    now: s.now,
    instanceId: newInstanceId(),
    leaseTtlMs: LEASE_TTL_MS,
    tickMs: TICK_MS,
    resumeAfterMs: RESUME_AFTER_MS,
    telemetry: s.telemetry,
  });
}
