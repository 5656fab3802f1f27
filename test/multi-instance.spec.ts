import pino from 'pino';
import { FANOUT_CAMPAIGN, fanoutConfig, openFanoutStorage, seedFanout } from './support/fanout-world';
import { duplicatePosts, postsByChannel, TeamsConnector, type TeamsConnectorOptions } from './support/teams-connector';
import { createBotApp, type BotApp } from '../host/bot-app';
import type { TickReport } from '../app/campaigns/campaign-scheduler';
import { startEmbeddedTableServer, type EmbeddedTableServer } from '../storage/embedded-azurite';
import type { Storage } from '../storage/open-storage';

const CHANNELS = 30;

jest.setTimeout(60_000);

/** one bot instance: its own app, repositories and clock, like a separate process against the shared storage. */
interface Instance {
  app: BotApp;
  storage: Storage;
}

/** several instances of the bot against one Azurite and one Teams stand-in, with a campaign due for CHANNELS teams. */
interface Cluster {
  instances: Instance[];
  connector: TeamsConnector;
  /** storage as seen by an observer (the test). */
  storage: Storage;
  stop(): Promise<void>;
}

async function startCluster(o: {
  instances: number;
  env?: Record<string, string>;
  clockOffsetsMs?: number[];
  connector?: TeamsConnectorOptions;
}): Promise<Cluster> {
  const server: EmbeddedTableServer = await startEmbeddedTableServer();
  const connector = await new TeamsConnector({ tenantRate: 50, seed: 3, ...o.connector }).start();
  const config = fanoutConfig(o.env);
  const storage = await openFanoutStorage(server.connectionString, config);
  await seedFanout(storage, { channels: CHANNELS, connectorUrl: connector.url, timeZone: config.timeZone });
  const instances = await Promise.all(
    Array.from({ length: o.instances }, async (_, i): Promise<Instance> => {
      const own = await openFanoutStorage(server.connectionString, config);
      const offset = o.clockOffsetsMs?.[i] ?? 0;
      return {
        storage: own,
        app: createBotApp({
          config,
          storage: own,
          log: pino({ level: 'silent' }),
          now: () => new Date(Date.now() + offset),
        }),
      };
    }),
  );
  return {
    instances,
    connector,
    storage,
    stop: async () => {
      await Promise.all(instances.map((i) => i.app.close()));
      await connector.stop();
      await server.close();
    },
  };
}

async function slotsDone(storage: Storage): Promise<number> {
  return (await storage.scheduleLedger.history(FANOUT_CAMPAIGN)).filter((e) => e.status !== 'claimed').length;
}

/** every channel got the campaign's item exactly once, and the ledger names one posted item per channel. */
async function expectEveryChannelPostedOnce(cluster: Cluster): Promise<void> {
  const posts = postsByChannel(cluster.connector.delivered);
  expect(posts.size).toBe(CHANNELS);
  for (const perItem of posts.values()) expect([...perItem.values()]).toEqual([1]);
  expect(duplicatePosts(cluster.connector.delivered)).toBe(0);
  const history = await cluster.storage.scheduleLedger.history(FANOUT_CAMPAIGN);
  expect(history).toHaveLength(CHANNELS);
  expect(history.every((e) => e.status === 'posted')).toBe(true);
  expect(new Set(history.map((e) => e.postedItemId)).size).toBe(CHANNELS);
}

describe('three bot instances against one storage and one Teams', () => {
  let cluster: Cluster;
  const rounds: TickReport[][] = [];

  beforeAll(async () => {
    cluster = await startCluster({ instances: 3, connector: { inject429: 0.05, inject503: 0.02 } });
    for (let round = 0; round < 10 && (await slotsDone(cluster.storage)) < CHANNELS; round++) {
      rounds.push(await Promise.all(cluster.instances.map((i) => i.app.scheduler.tick())));
    }
  });
  afterAll(async () => {
    await cluster.stop();
  });

  test('lets at most one of the schedulers ticking at the same moment lead', () => {
    expect(rounds.length).toBeGreaterThan(0);
    for (const reports of rounds) expect(reports.filter((r) => r.leader).length).toBeLessThanOrEqual(1);
  });

  test('posts a campaign fan-out into every channel exactly once', async () => {
    await expectEveryChannelPostedOnce(cluster);
  });

  test('posts nothing more when all three tick again', async () => {
    const before = cluster.connector.delivered.filter((d) => d.kind === 'create').length;
    await Promise.all(cluster.instances.map((i) => i.app.scheduler.tick()));
    expect(cluster.connector.delivered.filter((d) => d.kind === 'create').length).toBe(before);
  });

  // the weekly digest with three instances at once: test/multi-instance-digest.spec.ts.
});

describe('a second instance taking over the lease in the middle of a fan-out', () => {
  let cluster: Cluster;
  let leaders: boolean[];

  beforeAll(async () => {
    // 5 posts per second, so the first leader is still posting when the second finds its lease expired (its clock
    // runs 31 s ahead, past the 30 s lease) and posts the same slot at the same time.
    cluster = await startCluster({ instances: 2, env: { TEAMS_TENANT_RATE: '5' }, clockOffsetsMs: [0, 31_000] });
    const [first, second] = cluster.instances as [Instance, Instance];
    const firstTick = first.app.scheduler.tick();
    while (cluster.connector.delivered.filter((d) => d.kind === 'create').length < 3)
      await new Promise((r) => setTimeout(r, 20));
    leaders = (await Promise.all([firstTick, second.app.scheduler.tick()])).map((r) => r.leader);
    for (let round = 0; round < 5 && (await slotsDone(cluster.storage)) < CHANNELS; round++)
      await first.app.scheduler.tick();
  });
  afterAll(async () => {
    await cluster.stop();
  });

  test('posts every channel exactly once, with both instances posting part of the slot', async () => {
    expect(leaders).toEqual([true, true]);
    await expectEveryChannelPostedOnce(cluster);
    const posters = new Set((await cluster.storage.scheduleLedger.history(FANOUT_CAMPAIGN)).map((e) => e.claimedBy));
    expect(posters.size).toBe(2);
  });
});
