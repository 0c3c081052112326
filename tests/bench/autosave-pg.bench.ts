import { driveAutosave } from './autosave.bench';
import { benchCluster, loadAverageRow } from './support/bench-cluster';
import type { Benchmark, BenchRow } from './support/bench-types';
import { startChildServer } from './support/child-server';

const adminPassword = 'bench-admin-password';
const baseline = (value: number) => ({ name: 'same on SQLite', value });

async function autosaveAt(env: Record<string, string>) {
  const server = await startChildServer('tests/bench/servers/sigill-server.ts', { SIGILL_ADMIN_PASSWORD: adminPassword, ...env });
  try {
    const result = await driveAutosave(server.url);
    if (result.non2xx > 0 || result.errors > 0) process.stderr.write(`autosave-pg: ${result.non2xx} non-2xx, ${result.errors} errors\n`);
    return result;
  } finally {
    await server.stop();
  }
}

/**
 * The autosave benchmark (autosave.bench.ts: PUT answers with ten informationsmängder, 32 connections,
 * 10 s) against one Sigill process on PostgreSQL, beside the same run on SQLite in the same bench run,
 * so the ratio compares the engines under the same load of the machine.
 */
export const autosavePostgresBenchmark: Benchmark = {
  name: 'autosave-pg',
  async run(): Promise<BenchRow[]> {
    const name = 'PUT answers on PostgreSQL vs SQLite (autosave bench)';
    const before = loadAverageRow(name, 'before');
    const sqlite = await autosaveAt({});
    const cluster = await benchCluster();
    try {
      const postgres = await autosaveAt({ SIGILL_DATABASE_URL: await cluster.database('sigill_autosave') });
      return [
        before,
        { benchmark: name, figure: 'requests/s', value: postgres.requests.average, unit: 'req/s', baseline: baseline(sqlite.requests.average) },
        { benchmark: name, figure: 'p50 latency', value: postgres.latency.p50, unit: 'ms', baseline: baseline(sqlite.latency.p50) },
        { benchmark: name, figure: 'p99 latency', value: postgres.latency.p99, unit: 'ms', baseline: baseline(sqlite.latency.p99) },
        loadAverageRow(name, 'after'),
      ];
    } finally {
      cluster.stop();
    }
  },
};
