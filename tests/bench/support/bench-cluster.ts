import os from 'node:os';
import { Client } from 'pg';
import { type Cluster, startCluster } from '../../support/postgres-cluster';
import type { BenchRow } from './bench-types';

/**
 * A throwaway PostgreSQL cluster for a bench, with durability as production has it (the test
 * cluster turns fsync off): fsync and full-page writes on, and synchronous_commit off, which is what
 * SQLite's WAL with synchronous=NORMAL promises too (a crash of the machine may lose the last
 * commits, never consistency). Each bench gets an empty database of its own.
 */
export async function benchCluster(): Promise<Cluster & { database(name: string): Promise<string> }> {
  const cluster = await startCluster(['-c fsync=on', '-c full_page_writes=on', '-c synchronous_commit=off']);
  return {
    ...cluster,
    async database(name: string): Promise<string> {
      const client = new Client(cluster.adminUrl);
      await client.connect();
      try {
        await client.query(`create database ${name}`);
      } finally {
        await client.end();
      }
      const url = new URL(cluster.adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
  };
}

/** The machine is shared: every bench that reports a time says how loaded it was then. */
export function loadAverageRow(benchmark: string, when: string): BenchRow {
  return { benchmark, figure: `load average (1 min) ${when}`, value: os.loadavg()[0]!, unit: `on ${os.cpus().length} cores` };
}

export function percentile(values: readonly number[], share: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/** Runs `run` once to warm up, then `runs` times, returning each time in ms. */
export async function timings(runs: number, run: () => Promise<unknown>): Promise<number[]> {
  await run();
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times;
}
