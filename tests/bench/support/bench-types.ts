/** One figure of a benchmark; a row with a baseline also prints the ratio between them. */
export interface BenchRow {
  benchmark: string;
  figure: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** A target stated in an issue, shown beside the figure (never asserted). */
  target?: string;
  /** Whether this run met the target, where the benchmark can tell. */
  met?: boolean;
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchRow[]>;
}
