import fs from 'node:fs';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { HttpSession } from '../support/http-session';
import type { Benchmark, BenchRow } from './support/bench-types';
import { heapFlags } from '../../server/cli/heap-limit.mjs';
import { type ChildServer, startChildServer } from './support/child-server';

const adminPassword = 'bench-admin-password';
const deciderPassword = 'bench-decider-password';
const protocols = 60;
const seconds = 5;
const answers = (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;

/** Classifications sent för granskning, each waiting for the decision that renders and seals its protocol. */
async function awaitingDecision(admin: HttpSession, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const asset = await admin.send<{ id: string }>('POST', '/api/assets', { organisationId: admin.organisationId, name: `Protokollast ${index}`, type: 'system' });
    const { id } = (await admin.send<{ id: string }>('POST', `/api/assets/${asset.body.id}/assessments`, { kind: 'classification' })).body;
    await admin.send('PUT', `/api/assessments/${id}/answers`, { baseRevision: 0, answers });
    await admin.send('POST', `/api/assessments/${id}/submit`);
    ids.push(id);
  }
  return ids;
}

interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

/** Asks the bench server how late its main thread's event loop ran since the last ask (tests/bench/servers/sigill-server.ts). */
function loopDelayReader(server: ChildServer): () => Promise<LoopDelay> {
  const waiting: ((delay: LoopDelay) => void)[] = [];
  createInterface({ input: server.process.stdout! }).on('line', (line) => {
    const match = /^LOOPDELAY (\S+) (\S+) (\S+)$/.exec(line);
    if (match) waiting.shift()?.({ p50: Number(match[1]), p99: Number(match[2]), max: Number(match[3]) });
  });
  return () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      server.process.kill('SIGUSR2');
    });
}

function cheapGet(url: string, cookie: string): Promise<autocannon.Result> {
  return autocannon({ url: `${url}/api/auth/me`, connections: 8, duration: seconds, headers: { cookie } });
}

export const protocolLoadBenchmark: Benchmark = {
  name: 'protocol-load',
  async run(): Promise<BenchRow[]> {
    // BENCH_CPU_PROF_DIR=<folder>: the server writes a V8 CPU profile of its main thread there on exit (where it loses time).
    const profile = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];
    const server = await startChildServer('tests/bench/servers/sigill-server.ts', { SIGILL_ADMIN_PASSWORD: adminPassword }, [...heapFlags([]), ...profile]);
    try {
      const admin = await HttpSession.login(server.url, 'admin@sigill.local', adminPassword);
      await admin.send('POST', `/api/organisations/${admin.organisationId}/members`, { email: 'beslut@bench.se', name: 'Beslutsfattare', password: deciderPassword, role: 'beslutsfattare' });
      const decider = await HttpSession.login(server.url, 'beslut@bench.se', deciderPassword);
      const ids = await awaitingDecision(admin, protocols);
      const cookie = decider.cookieHeader();
      const loopDelay = loopDelayReader(server);
      await loopDelay();
      const idle = await cheapGet(server.url, cookie);
      const idleLoop = await loopDelay();
      const started = performance.now();
      const decisions = Promise.all(ids.map((id) => decider.send('POST', `/api/assessments/${id}/decide`, { statement: 'Fastställs.' })));
      const busy = await cheapGet(server.url, cookie);
      const busyLoop = await loopDelay();
      const results = await decisions;
      const sealedPerSecond = results.filter((result) => result.status === 200).length / ((performance.now() - started) / 1000);
      const name = `GET /api/auth/me while ${protocols} protocols render and seal`;
      return [
        { benchmark: name, figure: 'p50 latency', value: busy.latency.p50, unit: 'ms', baseline: { name: 'same GET, idle server', value: idle.latency.p50 } },
        { benchmark: name, figure: 'p99 latency', value: busy.latency.p99, unit: 'ms', baseline: { name: 'same GET, idle server', value: idle.latency.p99 }, target: '≤ 2x idle', met: busy.latency.p99 <= 2 * Math.max(idle.latency.p99, 1) },
        { benchmark: name, figure: 'decisions with sealed protocol', value: sealedPerSecond, unit: 'per s' },
        // The server's main thread alone, without the load generator: how long its longest tasks held the event loop.
        { benchmark: name, figure: 'main-thread event-loop delay p99', value: busyLoop.p99, unit: 'ms', baseline: { name: 'same GETs, idle server', value: idleLoop.p99 } },
        { benchmark: name, figure: 'main-thread event-loop delay max', value: busyLoop.max, unit: 'ms', baseline: { name: 'same GETs, idle server', value: idleLoop.max } },
      ];
    } finally {
      await server.stop();
    }
  },
};
