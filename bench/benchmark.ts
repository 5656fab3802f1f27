/** one measured figure; `--json` prints one of these per line. */
export interface Metric {
  metric: string;
  value: number;
  unit: string;
}

/** how the runner calls a benchmark: `quick` for a small version (under a minute), `args` from `--key value` flags. */
export interface BenchOptions {
  quick: boolean;
  args: Record<string, string>;
  /** progress notes for a person watching (stderr). */
  note(line: string): void;
}

/** a benchmark module: a name (used by `--only`) and a run that returns its metrics. */
export interface Benchmark {
  name: string;
  description: string;
  run(options: BenchOptions): Promise<Metric[]>;
}
