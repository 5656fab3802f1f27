import { FANOUT_CAMPAIGN, startFanoutWorld, type FanoutWorld } from './support/fanout-world';
import type { TeamsConnectorRecord } from './support/teams-connector';
import { METRICS } from '../app/ports/telemetry';
import { ADMIN, people, startBotHarness, TEAM, type BotHarness } from './support/bot-harness';
import { recordTelemetry, type TelemetryRecorder } from './support/telemetry-recorder';

jest.setTimeout(60_000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Teams calls, the outbound queue and the fan-out, with Teams answering 429 and 503', () => {
  const CHANNELS = 30;
  let recorder: TelemetryRecorder;
  let world: FanoutWorld;
  let seen: TeamsConnectorRecord;
  let deepest = 0;

  beforeAll(async () => {
    recorder = recordTelemetry();
    // the bot sends 10 a second, so the queue holds a backlog while the 30 channels are posted.
    world = await startFanoutWorld({
      channels: CHANNELS,
      connector: { inject429: 0.2, inject503: 0.1, seed: 5 },
      env: { TEAMS_TENANT_RATE: '10' },
      telemetry: recorder.telemetry,
    });
    let posting = true;
    const sampler = (async () => {
      while (posting) {
        for (const point of await recorder.points(METRICS.outboundQueueDepth.name))
          deepest = Math.max(deepest, point.value);
        await sleep(20);
      }
    })();
    await world.postDueItem().finally(() => (posting = false));
    await sampler;
    seen = await world.connector.record();
  });

  afterAll(async () => {
    await world.stop();
  });

  test('counts every 429 Teams answered, and every 5xx, under its status class', async () => {
    expect(seen.stats.injected429).toBeGreaterThan(0);
    expect(seen.stats.injected503).toBeGreaterThan(0);
    expect(await recorder.total(METRICS.teamsRequests.name, { status_class: '429' })).toBe(
      seen.stats.injected429 + seen.stats.rateLimited,
    );
    expect(await recorder.total(METRICS.teamsRequests.name, { status_class: '5xx' })).toBe(seen.stats.injected503);
    expect(await recorder.total(METRICS.teamsRequests.name, { status_class: '2xx' })).toBe(seen.stats.delivered);
  });

  test('reports the queue depth while sends wait, and an empty queue after', async () => {
    expect(deepest).toBeGreaterThan(1);
    expect((await recorder.points(METRICS.outboundQueueDepth.name)).map((p) => p.value)).toEqual([0]);
  });

  test('records the duration of the fan-out, complete once every channel was posted', async () => {
    const history = await world.storage.scheduleLedger.history(FANOUT_CAMPAIGN);
    expect(history.filter((e) => e.status === 'posted')).toHaveLength(CHANNELS);
    const [fanout] = await recorder.points(METRICS.fanoutDuration.name);
    expect(fanout).toMatchObject({ attributes: { complete: true }, count: 1 });
    expect(fanout?.value).toBeGreaterThan((CHANNELS - 5) / 10); // at 10 sends a second
  });

  test("counts the scheduler's ticks and reports how long it has held its lease", async () => {
    expect(
      await recorder.total(METRICS.schedulerTicks.name, { job: 'campaigns', leader: true, outcome: 'ok' }),
    ).toBeGreaterThan(0);
    const [held] = await recorder.points(METRICS.leaseHeld.name);
    expect(held?.attributes).toEqual({ job: 'campaigns' });
    expect(held?.value).toBeGreaterThanOrEqual(0);
    expect((await recorder.points(METRICS.leaseSinceRenewal.name))[0]?.attributes).toEqual({ job: 'campaigns' });
  });
});

describe('weekly digests and logged errors', () => {
  const TOKEN = 'Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4';
  let clock = new Date('2026-11-25T10:00:00Z');
  let recorder: TelemetryRecorder;
  let h: BotHarness;

  beforeAll(async () => {
    recorder = recordTelemetry();
    h = await startBotHarness({}, {}, { now: () => clock, telemetry: recorder.telemetry });
    await h.installInTeam(TEAM);
    const [member] = people(1);
    // one leader on the team's roster (a chat can be opened) and one Teams does not list (skipped).
    for (const leader of [
      { personId: member?.aadObjectId ?? '', name: member?.name },
      { personId: 'aad-ghost', name: 'Gerd Geist' },
    ]) {
      await h.storage.roles.assignLeader({ teamId: TEAM.id, ...leader, grantedBy: ADMIN.aadObjectId, at: clock });
    }
  });

  afterAll(async () => {
    await h.stop();
  });

  test("counts digests sent and skipped, and the digest sender's ticks", async () => {
    clock = new Date('2026-11-30T07:05:00Z'); // Monday 08:05 in Berlin: last week's digests are due
    expect(await h.app.digestScheduler.tick()).toMatchObject({ leader: true, sent: 1, skipped: 1 });
    expect(await recorder.total(METRICS.digests.name, { outcome: 'sent' })).toBe(1);
    expect(await recorder.total(METRICS.digests.name, { outcome: 'skipped' })).toBe(1);
    expect(await recorder.total(METRICS.digests.name, { outcome: 'failed' })).toBe(0);
    expect(await recorder.total(METRICS.schedulerTicks.name, { job: 'digest', leader: true, outcome: 'ok' })).toBe(1);
    expect((await recorder.points(METRICS.leaseHeld.name)).map((p) => p.attributes)).toContainEqual({ job: 'digest' });
  });

  test('sends every error-level log line with an error as an exception, cleaned like the logs', () => {
    h.app.services.log.warn({ err: new Error('a retry') }, 'outbound send retried');
    h.app.services.log.error({ err: new Error(`download of /exports/${TOKEN} failed`) }, 'download failed');
    expect(recorder.exceptions).toHaveLength(1);
    expect(recorder.exceptions[0]).toMatchObject({
      body: 'download failed',
      attributes: { 'exception.type': 'Error', 'exception.message': 'download of /exports/[redacted] failed' },
    });
    expect(JSON.stringify(recorder.exceptions)).not.toContain(TOKEN);
  });
});
