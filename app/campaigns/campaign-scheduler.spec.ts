import pino from 'pino';
import type { Campaign, CampaignItem } from '../../core/campaigns/campaign';
import type { TargetTeam } from '../../core/campaigns/campaign-posts';
import type { ItemDraft } from '../../core/items';
import { CampaignRepository } from '../../storage/campaign-repository';
import { startEmbeddedTableServer, type EmbeddedTableServer } from '../../storage/embedded-azurite';
import { ScheduleLedger } from '../../storage/schedule-ledger';
import { ensureTables, openTables } from '../../storage/tables';
import { sampleCampaign, sampleCampaignPoll } from '../../test/support/sample-items';
import { CampaignScheduler, type CampaignSchedulerOptions } from './campaign-scheduler';

const HOUR = 3_600_000;
const TEAM_A: TargetTeam = {
  teamId: '19:a@thread.tacv2',
  teamName: 'Team Digitalisierung',
  channels: [
    { channelId: '19:a@thread.tacv2', name: '' },
    { channelId: '19:a-ideen@thread.tacv2', name: 'Ideen' },
  ],
};
const TEAM_B: TargetTeam = {
  teamId: '19:b@thread.tacv2',
  teamName: 'Team Leistung',
  channels: [{ channelId: '19:b@thread.tacv2', name: 'General' }],
};

interface Published {
  draft: ItemDraft;
  teamId: string;
  channelId: string;
  closesAt: Date;
  itemId: string;
}

/** one storage (embedded Azurite), a clock the test moves, and a Teams side that records what it was asked to do. */
interface World {
  clock: { now: Date };
  published: Published[];
  closed: string[];
  reminded: string[];
  /** called before each publish; throw to make a post fail. */
  beforePublish: (call: { teamId: string; channelId: string }) => void;
  campaigns: CampaignRepository;
  ledger: ScheduleLedger;
  scheduler(instanceId?: string, over?: Partial<CampaignSchedulerOptions>): CampaignScheduler;
}

let server: EmbeddedTableServer;
let world: World;

beforeEach(async () => {
  server = await startEmbeddedTableServer();
  const tables = openTables(server.connectionString);
  await ensureTables(tables);
  const w: World = {
    clock: { now: new Date(0) },
    published: [],
    closed: [],
    reminded: [],
    beforePublish: () => undefined,
    campaigns: new CampaignRepository(tables, () => w.clock.now),
    ledger: new ScheduleLedger(tables),
    scheduler: (instanceId = 'instance-a', over = {}) => {
      // each instance gets its own table clients, as a separate process would.
      const own = openTables(server.connectionString);
      return new CampaignScheduler({
        campaigns: new CampaignRepository(own, () => w.clock.now),
        ledger: new ScheduleLedger(own),
        listTargets: async () => [TEAM_A, TEAM_B],
        publish: async (draft, target, closesAt) => {
          w.beforePublish(target);
          const itemId = `posted-${w.published.length + 1}`;
          w.published.push({ draft, ...target, closesAt, itemId });
          return { itemId };
        },
        close: async (itemId) => void w.closed.push(itemId),
        remind: async (itemId) => void w.reminded.push(itemId),
        log: pino({ level: 'silent' }),
        now: () => w.clock.now,
        instanceId,
        catchUpWindowMs: 6 * HOUR,
        leaseTtlMs: 30_000,
        tickMs: 10_000,
        ...over,
      });
    },
  };
  world = w;
});
afterEach(async () => {
  await server.close();
});

const weeklyPoll: CampaignItem = sampleCampaignPoll({ id: 'puls' });

async function given(over: Partial<Campaign> = {}): Promise<Campaign> {
  const campaign: Campaign = sampleCampaign({ items: [weeklyPoll], ...over });
  await world.campaigns.upsertFromFile(campaign, 'gute-arbeit.yml');
  return campaign;
}

/** moves the clock and runs one tick of the given scheduler. */
async function tickAt(scheduler: CampaignScheduler, iso: string | Date) {
  world.clock.now = new Date(iso);
  return scheduler.tick();
}

const where = (p: Published[]) => p.map((x) => x.channelId).sort();
const history = async () =>
  (await world.ledger.history('gute-arbeit')).map((e) => [e.slot.key, e.teamId, e.status, e.reason ?? '']);

describe('CampaignScheduler', () => {
  test('posts a weekly item once per slot into every target channel, open until slot + openFor', async () => {
    await given();
    const s = world.scheduler();
    await tickAt(s, '2026-12-07T08:00:00Z');
    expect(where(world.published)).toEqual([TEAM_A.teamId, TEAM_B.teamId]);
    expect(world.published[0]).toMatchObject({
      draft: {
        kind: 'poll',
        pollKind: 'single',
        question: weeklyPoll.question,
        options: ['gut', 'schlecht'],
        anonymous: true,
      },
      closesAt: new Date('2026-12-12T08:00:00Z'),
    });
    await tickAt(s, '2026-12-10T08:00:00Z');
    expect(world.published).toHaveLength(2);
    await tickAt(s, '2026-12-14T08:00:30Z');
    expect(world.published).toHaveLength(4);
  });

  test('posts nothing new when it ticks a second time at the same moment', async () => {
    await given();
    const s = world.scheduler();
    const first = await tickAt(s, '2026-12-07T08:00:00Z');
    const second = await tickAt(s, '2026-12-07T08:00:00Z');
    expect(first.posted).toBe(2);
    expect(second).toMatchObject({ leader: true, posted: 0, skipped: 0 });
    expect(world.published).toHaveLength(2);
  });

  test('posts each slot exactly once when two instances tick concurrently against one storage', async () => {
    await given({ items: [{ ...weeklyPoll, schedule: { start: '2026-12-07T09:00', every: 'P1D' } }] });
    const a = world.scheduler('instance-a');
    const b = world.scheduler('instance-b');
    for (let minute = 0; minute < 6 * 24 * 60; minute += 97) {
      world.clock.now = new Date(Date.parse('2026-12-07T07:00:00Z') + minute * 60_000);
      const reports = await Promise.all([a.tick(), b.tick()]);
      expect(reports.filter((r) => r.leader).length).toBeLessThanOrEqual(1);
    }
    const keys = world.published.map((p) => `${p.channelId} ${p.closesAt.toISOString()}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(world.published).toHaveLength(2 * 6);
  });

  test('posts each slot exactly once even when two instances both believe they lead', async () => {
    await given();
    class SplitBrainLedger extends ScheduleLedger {
      override async acquireLease(): Promise<boolean> {
        return true;
      }
    }
    const tables = () => openTables(server.connectionString);
    const a = world.scheduler('instance-a', { ledger: new SplitBrainLedger(tables()) });
    const b = world.scheduler('instance-b', { ledger: new SplitBrainLedger(tables()) });
    world.clock.now = new Date('2026-12-07T08:00:00Z');
    const reports = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(reports.every((r) => r.leader)).toBe(true);
    expect(where(world.published)).toEqual([TEAM_A.teamId, TEAM_B.teamId]);
  });

  test('lets only the lease holder post and hands over to another instance once the lease expires', async () => {
    await given();
    const a = world.scheduler('instance-a');
    const b = world.scheduler('instance-b');
    expect((await tickAt(a, '2026-12-07T07:59:50Z')).leader).toBe(true);
    expect((await tickAt(b, '2026-12-07T08:00:00Z')).leader).toBe(false);
    expect(world.published).toHaveLength(0);
    expect((await tickAt(b, '2026-12-07T08:00:21Z')).leader).toBe(true);
    expect(world.published).toHaveLength(2);
  });

  test('resumes a slot claimed by an instance that died before posting, exactly once, after the grace', async () => {
    await given();
    const slot = { key: '2026-12-07T09:00', at: new Date('2026-12-07T08:00:00Z') };
    await world.ledger.claimSlot(
      { campaignId: 'gute-arbeit', itemId: 'puls', teamId: TEAM_A.teamId, channelId: TEAM_A.teamId, slot },
      slot.at,
      'died',
    );
    const next = world.scheduler('instance-b');
    await tickAt(next, '2026-12-07T08:00:10Z');
    expect(where(world.published)).toEqual([TEAM_B.teamId]);
    const report = await tickAt(next, '2026-12-07T08:01:10Z');
    expect(report.resumed).toBe(1);
    expect(where(world.published)).toEqual([TEAM_A.teamId, TEAM_B.teamId]);
    await tickAt(next, '2026-12-07T08:05:00Z');
    expect(world.published).toHaveLength(2);
    expect((await world.ledger.history('gute-arbeit')).map((e) => e.status)).toEqual(['posted', 'posted']);
  });

  test('retries a post whose publish failed on a later tick and posts it exactly once', async () => {
    await given();
    let failures = 1;
    world.beforePublish = (t) => {
      if (t.teamId === TEAM_A.teamId && failures-- > 0) throw new Error('Teams answered 503');
    };
    const s = world.scheduler();
    expect((await tickAt(s, '2026-12-07T08:00:00Z')).failed).toBe(1);
    await tickAt(s, '2026-12-07T08:00:30Z');
    expect(where(world.published)).toEqual([TEAM_B.teamId]);
    await tickAt(s, '2026-12-07T08:01:00Z');
    await tickAt(s, '2026-12-07T08:02:00Z');
    expect(where(world.published)).toEqual([TEAM_A.teamId, TEAM_B.teamId]);
  });

  test('records a slot whose publish keeps failing as skipped after the last attempt', async () => {
    await given({ targets: { kind: 'teams', teams: ['Team Leistung'] } });
    world.beforePublish = () => {
      throw new Error('Teams answered 403');
    };
    const s = world.scheduler('instance-a', { maxAttempts: 2 });
    for (const t of ['08:00:00', '08:01:00', '08:02:00', '08:03:00']) await tickAt(s, `2026-12-07T${t}Z`);
    expect(await history()).toEqual([['2026-12-07T09:00', TEAM_B.teamId, 'skipped', 'posting failed 2 times']]);
  });

  test('catches up slots missed within the window and records older ones as skipped', async () => {
    await given({
      targets: { kind: 'teams', teams: [TEAM_B.teamId] },
      items: [{ ...weeklyPoll, schedule: { start: '2026-12-07T09:00', every: 'P1D' } }],
    });
    const s = world.scheduler();
    await tickAt(s, '2026-12-07T08:00:00Z');
    // down from Monday 09:00 until Wednesday 12:00: Tuesday's slot is 27 h late, Wednesday's 3 h.
    await tickAt(s, '2026-12-09T11:00:00Z');
    expect(world.published.map((p) => p.closesAt.toISOString())).toEqual([
      '2026-12-12T08:00:00.000Z',
      '2026-12-14T08:00:00.000Z',
    ]);
    const rows = await history();
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['2026-12-07T09:00', TEAM_B.teamId, 'posted'],
      ['2026-12-08T09:00', TEAM_B.teamId, 'skipped'],
      ['2026-12-09T09:00', TEAM_B.teamId, 'posted'],
    ]);
    expect(rows[1]?.[3]).toMatch(/missed/);
  });

  test('posts nothing for a paused campaign, records its slots as skipped and does not catch them up after resuming', async () => {
    await given({ targets: { kind: 'teams', teams: ['team leistung'] } });
    const s = world.scheduler();
    await tickAt(s, '2026-12-07T08:00:00Z');
    await world.campaigns.setStatus('gute-arbeit', 'paused', 'aad-admin');
    await tickAt(s, '2026-12-14T08:00:00Z');
    await world.campaigns.setStatus('gute-arbeit', 'running', 'aad-admin');
    await tickAt(s, '2026-12-14T09:00:00Z');
    await tickAt(s, '2026-12-21T08:00:00Z');
    expect(await history()).toEqual([
      ['2026-12-07T09:00', TEAM_B.teamId, 'posted', ''],
      ['2026-12-14T09:00', TEAM_B.teamId, 'skipped', 'campaign paused'],
      ['2026-12-21T09:00', TEAM_B.teamId, 'posted', ''],
    ]);
    expect(world.published).toHaveLength(2);
  });

  test('never posts a draft or an ended campaign', async () => {
    await given({ status: 'draft' });
    await given({ id: 'alt' });
    await world.campaigns.setStatus('alt', 'ended', 'aad-admin');
    const s = world.scheduler();
    for (const day of ['07', '14', '21']) await tickAt(s, `2026-12-${day}T08:00:00Z`);
    expect(world.published).toEqual([]);
    expect(await world.ledger.history('gute-arbeit')).toEqual([]);
    expect((await world.campaigns.get('gute-arbeit'))?.status).toBe('draft');
  });

  test('marks a scheduled campaign as running after its first post', async () => {
    await given();
    await tickAt(world.scheduler(), '2026-12-07T08:00:00Z');
    expect((await world.campaigns.get('gute-arbeit'))?.status).toBe('running');
  });

  test('closes each post once at slot + openFor', async () => {
    await given({ targets: { kind: 'teams', teams: ['Team Leistung'] } });
    const s = world.scheduler();
    await tickAt(s, '2026-12-07T08:00:00Z');
    await tickAt(s, '2026-12-12T07:59:59Z');
    expect(world.closed).toEqual([]);
    await tickAt(s, '2026-12-12T08:00:00Z');
    await tickAt(s, '2026-12-12T08:00:10Z');
    expect(world.closed).toEqual([world.published[0]?.itemId]);
  });

  test('sends a reminder once at closesAt - remindBefore', async () => {
    await given({
      targets: { kind: 'teams', teams: ['Team Leistung'] },
      items: [{ ...weeklyPoll, remindBefore: 'P1D' }],
    });
    const s = world.scheduler();
    await tickAt(s, '2026-12-07T08:00:00Z');
    await tickAt(s, '2026-12-11T07:59:59Z');
    expect(world.reminded).toEqual([]);
    await tickAt(s, '2026-12-11T08:00:00Z');
    await tickAt(s, '2026-12-11T09:00:00Z');
    expect(world.reminded).toEqual([world.published[0]?.itemId]);
  });

  test('posts a weekly 09:00 Europe/Berlin slot at 08:00Z in winter and at 07:00Z in summer', async () => {
    await given({
      targets: { kind: 'teams', teams: ['Team Leistung'] },
      items: [{ ...weeklyPoll, schedule: { start: '2027-03-22T09:00', every: 'P1W' } }],
    });
    const s = world.scheduler();
    expect((await tickAt(s, '2027-03-22T07:59:59Z')).posted).toBe(0);
    expect((await tickAt(s, '2027-03-22T08:00:00Z')).posted).toBe(1);
    expect((await tickAt(s, '2027-03-29T06:59:59Z')).posted).toBe(0);
    expect((await tickAt(s, '2027-03-29T07:00:00Z')).posted).toBe(1);
    expect(world.published.map((p) => p.closesAt.toISOString())).toEqual([
      '2027-03-27T08:00:00.000Z',
      '2027-04-03T07:00:00.000Z',
    ]);
  });

  test('records a slot for a team without the named channel, or an unknown team, as skipped with the reason', async () => {
    await given({
      channel: 'Ideen',
      targets: { kind: 'teams', teams: ['Team Digitalisierung', 'Team Leistung', 'Team Unbekannt'] },
    });
    await tickAt(world.scheduler(), '2026-12-07T08:00:00Z');
    expect(where(world.published)).toEqual(['19:a-ideen@thread.tacv2']);
    expect((await history()).filter((r) => r[2] === 'skipped').map((r) => r[3])).toEqual([
      "channel 'Ideen' not found in team 'Team Leistung'",
      "team 'Team Unbekannt' not found",
    ]);
  });

  test('turns idea, rating and yes/no items into the matching item drafts', async () => {
    const base = { anonymous: false, schedule: { start: '2026-12-07T09:00' }, openFor: 'P7D' };
    const items: CampaignItem[] = [
      { ...base, type: 'idea', id: 'idee', question: 'Was fehlt?' },
      { ...base, type: 'rating', id: 'note', question: 'Wie war es?' },
      { ...base, type: 'yesno', id: 'ja-nein', question: 'Weiter so?' },
      { ...weeklyPoll, id: 'mehr', multiple: true, options: ['a', 'b', 'c'] },
    ];
    await given({ targets: { kind: 'teams', teams: ['Team Leistung'] }, items });
    await tickAt(world.scheduler(), '2026-12-07T08:00:00Z');
    expect(world.published.map((p) => p.draft)).toEqual([
      { kind: 'idea', question: 'Was fehlt?', options: [], anonymous: false },
      { kind: 'poll', pollKind: 'rating', question: 'Wie war es?', options: [], anonymous: false },
      {
        kind: 'poll',
        pollKind: 'single',
        question: 'Weiter so?',
        options: ['Ja', 'Nein'],
        anonymous: false,
        yesNo: true,
      },
      { kind: 'poll', pollKind: 'multi', question: weeklyPoll.question, options: ['a', 'b', 'c'], anonymous: true },
    ]);
  });

  test('stops its tick loop and waits for a running tick', async () => {
    await given();
    world.clock.now = new Date('2026-12-07T08:00:00Z');
    const s = world.scheduler('instance-a', { tickMs: 5 });
    s.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await s.stop();
    const count = world.published.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(count).toBe(2);
    expect(world.published).toHaveLength(count);
  });
});
