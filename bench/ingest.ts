import type { Benchmark, Metric } from './benchmark';
import { startIngestWorld } from './ingest-world';

const CLIENTS = 50;

/**
 * a fixed-concurrency pool: `clients` concurrent clients send requests numbered from `from` (each client its next
 * number as soon as its previous request is answered) until `until()` says stop; returns what came back, in the
 * order it came back.
 */
export async function drive<R>(
  send: (n: number) => Promise<R>,
  o: { from: number; clients: number; until: (sent: number) => boolean },
): Promise<R[]> {
  const results: R[] = [];
  let next = o.from;
  await Promise.all(
    Array.from({ length: o.clients }, async () => {
      while (!o.until(next - o.from)) results.push(await send(next++));
    }),
  );
  return results;
}

/** the value at quantile `p` of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * answers (Action.Execute invokes on poll cards) through the real HTTP endpoint into storage: the bot in its own
 * process, 50 concurrent clients, 200 open polls (half anonymous), each answer by a new person. Measured for 20 s
 * (quick: 5 s) after a warm-up, next to the raw single-row insert rate of the same Azurite: one insert after another
 * (storage_insert_per_s, the figure ingest_vs_storage divides by) and from 50 concurrent writers (…_50). A first
 * answer on a poll the bot has seen costs one storage request when anonymous (the batch of voter row and tally),
 * three when named (index row, batch, weekly participation); card updates add a tally read per update.
 * ingest_storage_requests_per_answer counts all of them, card updates included; …_cpu_ms_per_answer is the CPU time
 * the bot process and Azurite's spent per answer (from /proc; -1 where unavailable), which a busy machine disturbs
 * less than the rate; …_clients_… is this process's: the 50 clients and the Teams stand-in's thread. Flags: --items N, --seconds S.
 */
export const ingestBenchmark: Benchmark = {
  name: 'ingest',
  description: 'answers through POST /api/messages into storage, 50 concurrent clients',
  async run({ quick, args, note }): Promise<Metric[]> {
    const seconds = Number(args.seconds ?? (quick ? 5 : 20));
    const items = Number(args.items ?? 200);
    // rosters sized for the warm-up and up to 5,000 answers a second; more would show as failed answers.
    const world = await startIngestWorld({ items, people: Math.ceil((1000 + seconds * 5000) / items) });
    try {
      const insertRate = await world.storageInsertRate(quick ? 3 : 10, 1);
      const insertRate50 = await world.storageInsertRate(quick ? 3 : 10, CLIENTS);
      note(
        `storage takes ${insertRate.toFixed(0)} single-row inserts/s one after another, ${insertRate50.toFixed(0)}/s from ${CLIENTS} writers; answering`,
      );
      const warm = await drive(world.answer, { from: 0, clients: CLIENTS, until: (sent) => sent >= 1000 });
      const requestsBefore = world.storageRequests();
      const cpuBefore = world.cpuMs();
      const ownBefore = process.cpuUsage();
      const started = performance.now();
      const end = started + seconds * 1000;
      const measured = await drive(world.answer, {
        from: warm.length,
        clients: CLIENTS,
        until: () => performance.now() >= end,
      });
      const elapsed = (performance.now() - started) / 1000;
      await new Promise((r) => setTimeout(r, 200)); // the access log arrives a moment later
      const requestsPerAnswer = (world.storageRequests() - requestsBefore) / measured.length;
      const cpuAfter = world.cpuMs();
      const own = process.cpuUsage(ownBefore);
      const cpuPerAnswer = (after?: number, before?: number) =>
        after !== undefined && before !== undefined ? round((after - before) / measured.length, 2) : -1;
      const failed = [...warm, ...measured].filter((r) => !r.ok).length;
      const ms = measured.map((r) => r.ms).sort((a, b) => a - b);
      const perSecond = measured.length / elapsed;
      return [
        { metric: 'ingest_answers_per_s', value: round(perSecond, 1), unit: 'answers/s' },
        { metric: 'ingest_p50_ms', value: round(percentile(ms, 0.5), 1), unit: 'ms' },
        { metric: 'ingest_p99_ms', value: round(percentile(ms, 0.99), 1), unit: 'ms' },
        { metric: 'ingest_failed', value: failed, unit: 'answers' },
        { metric: 'ingest_storage_requests_per_answer', value: round(requestsPerAnswer, 2), unit: 'requests' },
        { metric: 'ingest_bot_cpu_ms_per_answer', value: cpuPerAnswer(cpuAfter.bot, cpuBefore.bot), unit: 'ms' },
        {
          metric: 'ingest_storage_cpu_ms_per_answer',
          value: cpuPerAnswer(cpuAfter.storage, cpuBefore.storage),
          unit: 'ms',
        },
        {
          metric: 'ingest_clients_cpu_ms_per_answer',
          value: cpuPerAnswer((own.user + own.system) / 1000, 0),
          unit: 'ms',
        },
        { metric: 'storage_insert_per_s', value: round(insertRate, 1), unit: 'inserts/s' },
        { metric: 'ingest_vs_storage', value: round(perSecond / insertRate), unit: 'ratio' },
        { metric: 'storage_insert_per_s_50', value: round(insertRate50, 1), unit: 'inserts/s' },
        { metric: 'ingest_vs_storage_50', value: round(perSecond / insertRate50), unit: 'ratio' },
      ];
    } finally {
      await world.stop();
    }
  },
};

/**
 * resident memory of the bot process after 100,000 answers (quick: 5,000) from 50 concurrent clients, after the
 * answers are in and a full garbage collection. Flags: --answers N, --items N.
 */
export const memoryBenchmark: Benchmark = {
  name: 'memory',
  description: 'resident memory of the bot after many answers',
  async run({ quick, args, note }): Promise<Metric[]> {
    const answers = Number(args.answers ?? (quick ? 5_000 : 100_000));
    const items = Number(args.items ?? 200);
    const world = await startIngestWorld({ items, people: Math.ceil((answers + CLIENTS) / items) });
    try {
      const before = await world.memory();
      let reported = 0;
      const results = await drive(world.answer, {
        from: 0,
        clients: CLIENTS,
        until: (sent) => {
          if (sent - reported >= 10_000) note(`${(reported = sent)} answers`);
          return sent >= answers;
        },
      });
      // card updates still queued settle first: what stays is what the process keeps.
      await new Promise((r) => setTimeout(r, 3000));
      const after = await world.memory();
      return [
        { metric: 'memory_answers', value: results.length, unit: 'answers' },
        { metric: 'memory_failed', value: results.filter((r) => !r.ok).length, unit: 'answers' },
        { metric: 'rss_mb_at_start', value: round(before.rssMb, 1), unit: 'MB' },
        { metric: 'rss_mb_after_ingest', value: round(after.rssMb, 1), unit: 'MB' },
        { metric: 'heap_used_mb_after_ingest', value: round(after.heapUsedMb, 1), unit: 'MB' },
        { metric: 'heap_total_mb_after_ingest', value: round(after.heapTotalMb, 1), unit: 'MB' },
        { metric: 'external_mb_after_ingest', value: round(after.externalMb, 1), unit: 'MB' },
      ];
    } finally {
      await world.stop();
    }
  },
};
