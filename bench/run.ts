import type { Benchmark, Metric } from './benchmark';
import { digestBenchmark } from './digest';
import { digestUnitsBenchmark } from './digest-units';
import { fanoutBenchmark } from './fanout';
import { hotpollBenchmark } from './hotpoll';
import { ingestBenchmark, memoryBenchmark } from './ingest';

/** every benchmark, in the order they run; add new modules here. */
const BENCHMARKS: Benchmark[] = [
  fanoutBenchmark,
  ingestBenchmark,
  hotpollBenchmark,
  digestBenchmark,
  digestUnitsBenchmark,
  memoryBenchmark,
];

const USAGE = `usage: npm run bench -- [--quick] [--json] [--only name[,name]] [--key value ...]
  --quick   small versions (each under a minute)
  --json    one JSON object per line: {"metric","value","unit"}
  --only    run only these benchmarks: ${BENCHMARKS.map((b) => b.name).join(', ')}`;

interface Cli {
  quick: boolean;
  json: boolean;
  only?: string[];
  args: Record<string, string>;
}

function parse(argv: string[]): Cli {
  const cli: Cli = { quick: false, json: false, args: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--quick') cli.quick = true;
    else if (a === '--json') cli.json = true;
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a === '--only') cli.only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (a.startsWith('--')) cli.args[a.slice(2)] = argv[++i] ?? '';
    else throw new Error(`unknown argument '${a}'\n${USAGE}`);
  }
  return cli;
}

function table(rows: { bench: string; m: Metric }[]): string {
  const cells = rows.map(({ bench, m }) => [
    bench,
    m.metric,
    Number.isInteger(m.value) ? String(m.value) : m.value.toFixed(3),
    m.unit,
  ]);
  const head = ['benchmark', 'metric', 'value', 'unit'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: string[]) =>
    c.map((x, i) => (i === 2 ? x.padStart(widths[i] as number) : x.padEnd(widths[i] as number))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

async function main(): Promise<void> {
  const cli = parse(process.argv.slice(2));
  const chosen = cli.only ? BENCHMARKS.filter((b) => cli.only?.includes(b.name)) : BENCHMARKS;
  if (chosen.length === 0) throw new Error(`no benchmark named ${cli.only?.join(', ')}\n${USAGE}`);
  const rows: { bench: string; m: Metric }[] = [];
  for (const bench of chosen) {
    const note = (line: string) => process.stderr.write(`[${bench.name}] ${line}\n`);
    note(`${bench.description}${cli.quick ? ' (quick)' : ''}`);
    const metrics = await bench.run({ quick: cli.quick, args: cli.args, note });
    for (const m of metrics) {
      rows.push({ bench: bench.name, m });
      if (cli.json) console.log(JSON.stringify(m));
    }
  }
  if (!cli.json) console.log(table(rows));
}

// Ctrl-C or a CI timeout: exit normally, so the child processes (Azurite, the bot) are stopped with the bench.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(1));

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
