import { loadavg } from 'node:os';
import type { Benchmark, Metric } from './benchmark';
import { startFanoutWorld } from '../test/support/fanout-world';
import { duplicatePosts, postsByChannel } from '../test/support/teams-connector';

/** Teams' request limit per app and tenant that efficiency is measured against. */
const TENANT_RATE = 50;

/**
 * one campaign item posted to N channels (1,000; quick: 100) by the real bot through the Teams-like connector (in a
 * worker thread) at 50 requests/s with 5 % injected 429 and 1 % 503. Efficiency = (channels / 50) / seconds from
 * first post to last; CPU and storage requests per post show where the time goes.
 * Flags: --channels N, --latency ms (connector answer time, default 100), --tenant-rate R (TEAMS_TENANT_RATE the
 * bot is given; the connector always enforces 50), --seed n, --storage in-process (Azurite in the bot's process
 * instead of a child process).
 */
export const fanoutBenchmark: Benchmark = {
  name: 'fanout',
  description: 'one item posted to many channels at 50 requests/s with injected 429 and 503',
  async run({ quick, args, note }): Promise<Metric[]> {
    const channels = Number(args.channels ?? (quick ? 100 : 1000));
    const world = await startFanoutWorld({
      channels,
      storageProcess: args.storage !== 'in-process',
      connectorThread: true,
      connector: {
        tenantRate: TENANT_RATE,
        inject429: 0.05,
        inject503: 0.01,
        latencyMs: Number(args.latency ?? 100),
        seed: Number(args.seed ?? 1),
      },
      env: { TEAMS_TENANT_RATE: args['tenant-rate'] ?? String(TENANT_RATE) },
    });
    try {
      note(`${channels} teams installed; posting (host load ${loadavg()[0]?.toFixed(1)})`);
      const started = Date.now();
      const cpu = process.cpuUsage();
      const storage0 = world.storageUsage();
      await world.postDueItem();
      const botCpuMs = cpuMs(process.cpuUsage(cpu));
      const storage1 = world.storageUsage();
      note(`scheduler done after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const { delivered, stats: s } = await world.connector.record();
      const posts = delivered.filter((d) => d.kind === 'create' && d.itemId);
      const first = Math.min(...posts.map((p) => p.at));
      const last = Math.max(...posts.map((p) => p.at));
      const seconds = posts.length > 0 ? (last - first) / 1000 : 0;
      const reached = postsByChannel(delivered).size;
      return [
        { metric: 'fanout_channels', value: channels, unit: 'channels' },
        { metric: 'fanout_seconds', value: round(seconds), unit: 's' },
        {
          metric: 'fanout_efficiency',
          value: round(seconds > 0 ? channels / TENANT_RATE / seconds : 0),
          unit: 'ratio',
        },
        { metric: 'fanout_lost', value: channels - reached, unit: 'channels' },
        { metric: 'fanout_duplicates', value: duplicatePosts(delivered), unit: 'posts' },
        { metric: 'fanout_rate_limited', value: s.rateLimited, unit: 'responses' },
        { metric: 'fanout_injected_faults', value: s.injected429 + s.injected503 + s.dropped, unit: 'responses' },
        // where the time goes: the bot's process (with the connector stand-in) and, in its own process, Azurite.
        { metric: 'fanout_bot_cpu_ms_per_post', value: round(botCpuMs / channels), unit: 'ms' },
        ...(storage0 && storage1
          ? [
              {
                metric: 'fanout_storage_requests_per_post',
                value: round((storage1.requests - storage0.requests) / channels),
                unit: 'requests',
              },
              ...(storage0.cpuMs !== undefined && storage1.cpuMs !== undefined
                ? [
                    {
                      metric: 'fanout_storage_cpu_ms_per_post',
                      value: round((storage1.cpuMs - storage0.cpuMs) / channels),
                      unit: 'ms',
                    },
                  ]
                : []),
            ]
          : []),
      ];
    } finally {
      await world.stop();
    }
  },
};

const round = (x: number) => Math.round(x * 1000) / 1000;
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
