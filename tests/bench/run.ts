import fs from 'node:fs';
import os from 'node:os';
import { autosaveBenchmark } from './autosave.bench';
import { autosavePostgresBenchmark } from './autosave-pg.bench';
import { classificationBenchmark } from './classification.bench';
import { clientBenchmark } from './client.bench';
import { dpiaBenchmark } from './dpia.bench';
import { healthBenchmark } from './health.bench';
import { heapBoundBenchmark } from './heap-bound.bench';
import { importBombsBenchmark } from './import-bombs.bench';
import { liveBenchmark } from './live.bench';
import { oversightBenchmark } from './oversight.bench';
import { protocolBenchmark } from './protocol.bench';
import { protocolLoadBenchmark } from './protocol-load.bench';
import { regionBenchmark } from './region.bench';
import type { Benchmark, BenchRow } from './support/bench-types';
import { formatTable } from './support/print-table';

/** Every benchmark, in the order the table shows them. `npm run bench -- <name>` runs only those named. */
const benchmarks: Benchmark[] = [
  healthBenchmark, autosaveBenchmark, classificationBenchmark, dpiaBenchmark, protocolBenchmark, protocolLoadBenchmark, clientBenchmark, oversightBenchmark, importBombsBenchmark, heapBoundBenchmark, liveBenchmark,
  autosavePostgresBenchmark, regionBenchmark,
];

const only = process.argv.slice(2);
const selected = only.length > 0 ? benchmarks.filter((benchmark) => only.includes(benchmark.name)) : benchmarks;
if (selected.length === 0) {
  process.stderr.write(`No benchmark named ${only.join(', ')}; known: ${benchmarks.map((b) => b.name).join(', ')}\n`);
  process.exit(2);
}

const rows: BenchRow[] = [];
for (const benchmark of selected) {
  process.stderr.write(`running ${benchmark.name}…\n`);
  rows.push(...(await benchmark.run()));
}
process.stdout.write(`${formatTable(rows)}\n`);
const jsonPath = process.env.BENCH_JSON;
if (jsonPath) {
  fs.writeFileSync(jsonPath, `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, cpus: os.cpus().length, rows }, null, 2)}\n`);
  process.stderr.write(`wrote ${jsonPath}\n`);
}
