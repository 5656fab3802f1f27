import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { parseDigestCron } from '../../core/digest/digest-schedule';
import { useEmbeddedStorage } from '../../test/support/storage-fixture';
import type { DigestLeader } from './digest-builder';
import { DigestScheduler, type DigestDelivery, type DigestSchedulerOptions } from './digest-scheduler';

const fixture = useEmbeddedStorage();
const parsed = parseDigestCron('0 8 * * 1');
if (!parsed.ok) throw new Error(parsed.error);
const cron = parsed.cron;
const MONDAY = new Date('2026-11-30T07:00:00Z'); // 08:00 in Berlin: 2026-W48 is due
const MINUTE = 60_000;

const running: DigestScheduler[] = [];
// hands the lease back, so the next test's scheduler leads at once.
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

/** a scheduler with its own leaders and a recording Teams side; `deliver` may be replaced to fail. */
function world(leaders: DigestLeader[], over: Partial<DigestSchedulerOptions> = {}) {
  const clock = { now: MONDAY };
  const sent: Array<{ leaderId: string; week: string }> = [];
  const scheduler = new DigestScheduler({
    ledger: fixture().storage.digestLedger,
    leaders: async () => leaders,
    deliver: async (leader, week): Promise<DigestDelivery> => {
      sent.push({ leaderId: leader.personId, week });
      return { kind: 'sent' };
    },
    cron,
    timeZone: 'Europe/Berlin',
    log: pino({ level: 'silent' }),
    now: () => clock.now,
    instanceId: `test-${randomUUID()}`,
    leaseTtlMs: 60 * MINUTE,
    tickMs: 1000,
    resumeAfterMs: 5 * MINUTE,
    maxAttempts: 3,
    ...over,
  });
  running.push(scheduler);
  return { clock, sent, scheduler };
}

const leader = (): DigestLeader => ({
  personId: `aad-${randomUUID()}`,
  name: 'Anna Becker',
  teamIds: ['19:a@thread.tacv2'],
});
const later = (minutes: number) => new Date(MONDAY.getTime() + minutes * MINUTE);

describe('DigestScheduler', () => {
  test('records a crashed claim of a week that is no longer due as skipped and never sends it', async () => {
    const anna = leader();
    await fixture().storage.digestLedger.claim(anna.personId, '2026-W47', 'crashed', new Date('2026-11-23T07:00:00Z'));
    const { sent, scheduler } = world([anna]);
    const report = await scheduler.tick();
    expect(sent).toEqual([{ leaderId: anna.personId, week: '2026-W48' }]);
    expect(report).toMatchObject({ week: '2026-W48', sent: 1, skipped: 1 });
    const old = await fixture().storage.digestLedger.status(anna.personId, '2026-W47');
    expect(old).toMatchObject({ status: 'skipped' });
    expect(old?.reason).toContain('no longer due');
  });

  test('leaves a failed send claimed, retries it once it is old enough, and gives up after the last attempt', async () => {
    const bernd = leader();
    let calls = 0;
    const { clock, scheduler } = world([bernd], {
      deliver: async () => {
        calls++;
        throw new Error('Teams is not answering');
      },
    });
    expect(await scheduler.tick()).toMatchObject({ sent: 0, failed: 1 });
    clock.now = later(1);
    expect(await scheduler.tick()).toMatchObject({ resumed: 0, failed: 0 });
    clock.now = later(6);
    expect(await scheduler.tick()).toMatchObject({ resumed: 1, failed: 1 });
    clock.now = later(12);
    expect(await scheduler.tick()).toMatchObject({ resumed: 1, failed: 1 });
    clock.now = later(18);
    expect(await scheduler.tick()).toMatchObject({ resumed: 0, skipped: 1 });
    expect(calls).toBe(3);
    expect(await fixture().storage.digestLedger.status(bernd.personId, '2026-W48')).toMatchObject({
      status: 'skipped',
      attempts: 3,
      reason: 'sending failed 3 times',
    });
  });

  test('records a leader the sender cannot reach as skipped with the reason, once', async () => {
    const gerd = leader();
    const { clock, scheduler } = world([gerd], {
      deliver: async () => ({ kind: 'skipped', reason: 'no personal chat' }),
    });
    expect(await scheduler.tick()).toMatchObject({ skipped: 1 });
    clock.now = later(30);
    expect(await scheduler.tick()).toMatchObject({ skipped: 0, sent: 0 });
    expect(await fixture().storage.digestLedger.status(gerd.personId, '2026-W48')).toMatchObject({
      status: 'skipped',
      reason: 'no personal chat',
    });
  });

  test('sends nothing before the first digest time of the week', async () => {
    const { clock, sent, scheduler } = world([leader()]);
    clock.now = new Date('2026-11-30T06:59:59Z');
    expect(await scheduler.tick()).toMatchObject({ leader: true, sent: 0 });
    expect(sent).toEqual([]);
  });
});
