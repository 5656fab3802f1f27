import type { Benchmark, Metric } from './benchmark';
import { startFanoutWorld } from './fanout-world';

/** Teams' request limit per app and tenant that efficiency is measured against. */
const TENANT_RATE = 50;

/**
 * one campaign item posted to N channels (1,000; quick: 100) by the real bot through the Teams-like connector at
 * 50 requests/s with 5 % injected 429 and 1 % 503. Efficiency = (channels / 50) / seconds from first post to last.
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
      connector: { tenantRate: TENANT_RATE, inject429: 0.05, inject503: 0.01, latencyMs: Number(args.latency ?? 100), seed: Number(args.seed ?? 1) },
      env: { TEAMS_TENANT_RATE: args['tenant-rate'] ?? String(TENANT_RATE) },
    });
    try {
      note(`${channels} teams installed; posting`);
      const started = Date.now();
      await world.postDueItem();
      note(`scheduler done after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const posts = world.connector.delivered.filter((d) => d.kind === 'create' && d.itemId);
      const first = Math.min(...posts.map((p) => p.at));
      const last = Math.max(...posts.map((p) => p.at));
      const seconds = posts.length > 0 ? (last - first) / 1000 : 0;
      const reached = world.connector.postsByChannel().size;
      const s = world.connector.stats;
      return [
        { metric: 'fanout_channels', value: channels, unit: 'channels' },
        { metric: 'fanout_seconds', value: round(seconds), unit: 's' },
        { metric: 'fanout_efficiency', value: round(seconds > 0 ? channels / TENANT_RATE / seconds : 0), unit: 'ratio' },
        { metric: 'fanout_lost', value: channels - reached, unit: 'channels' },
        { metric: 'fanout_duplicates', value: world.connector.duplicates(), unit: 'posts' },
        { metric: 'fanout_rate_limited', value: s.rateLimited, unit: 'responses' },
        { metric: 'fanout_injected_faults', value: s.injected429 + s.injected503 + s.dropped, unit: 'responses' },
      ];
    } finally {
      await world.stop();
    }
  },
};

const round = (x: number) => Math.round(x * 1000) / 1000;
