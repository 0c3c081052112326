import type { Benchmark, BenchRow } from './support/bench-types';
import { startChildServer } from './support/child-server';
import { measureLoad } from './support/load';

async function loadOf(script: string) {
  const server = await startChildServer(script);
  try {
    await measureLoad({ url: `${server.url}/api/health`, seconds: 1 });
    return await measureLoad({ url: `${server.url}/api/health`, seconds: 5 });
  } finally {
    await server.stop();
  }
}

export const healthBenchmark: Benchmark = {
  name: 'health',
  async run(): Promise<BenchRow[]> {
    const bare = await loadOf('tests/bench/servers/bare-health-server.ts');
    const sigill = await loadOf('tests/bench/servers/sigill-server.ts');
    return [
      { benchmark: 'GET /api/health', figure: 'requests/s', value: sigill.requestsPerSecond, unit: 'req/s', baseline: { name: 'bare node:http', value: bare.requestsPerSecond } },
      { benchmark: 'GET /api/health', figure: 'p99 latency', value: sigill.p99, unit: 'ms', baseline: { name: 'bare node:http', value: bare.p99 } },
    ];
  },
};
