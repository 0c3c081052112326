import { heapFlags, productionHeapMb } from '../../server/cli/heap-limit.mjs';
import { HttpSession } from '../support/http-session';
import { inventoryRows } from '../support/import-bombs';
import { sendImport } from '../support/send-import';
import type { Benchmark, BenchRow } from './support/bench-types';
import { type ChildServer, startChildServer } from './support/child-server';
import { tenInformationSets } from './support/ten-information-sets';

const adminPassword = 'bench-admin-password';
const deciderPassword = 'bench-decider-password';

interface JobRun {
  name: string;
  status: number;
  ms: number;
}

async function timed(name: string, request: () => Promise<{ status: number }>): Promise<JobRun> {
  const start = performance.now();
  const { status } = await request();
  return { name, status, ms: performance.now() - start };
}

async function download(session: HttpSession, path: string): Promise<{ status: number }> {
  const response = await fetch(`${session.baseUrl}${path}`, { headers: { cookie: session.cookieHeader() } });
  await response.arrayBuffer();
  return { status: response.status };
}

/**
 * The largest jobs that run on the server's main thread, on the largest organisation the import
 * allows (10,000 assets): the inventory XLSX export, Ledningens genomgång (data gathered on the main
 * thread, PDF rendered in the pool, XLSX built on the main thread) and the decision of a classification
 * with ten informationsmängder (protocol data gathered on the main thread). Peak RSS covers the jobs only.
 */
async function runJobs(server: ChildServer): Promise<{ jobs: JobRun[]; peakMb: number }> {
  const admin = await HttpSession.login(server.url, 'admin@sigill.local', adminPassword);
  const org = admin.organisationId;
  const imported = await sendImport(admin, `/api/organisations/${org}/imports`, 'hela-kommunen.csv', inventoryRows(10_000));
  if (imported.status !== 200) throw new Error(`the 10,000-row import answered ${imported.status}`);
  await admin.send('POST', `/api/organisations/${org}/members`, { email: 'beslut@bench.se', name: 'Beslutsfattare', password: deciderPassword, role: 'beslutsfattare' });
  const decider = await HttpSession.login(server.url, 'beslut@bench.se', deciderPassword);
  const asset = await admin.send<{ id: string }>('POST', '/api/assets', { organisationId: org, name: 'Elevhälsans journal', type: 'system' });
  const { id } = (await admin.send<{ id: string }>('POST', `/api/assets/${asset.body.id}/assessments`, { kind: 'classification' })).body;
  await admin.send('PUT', `/api/assessments/${id}/answers`, { baseRevision: 0, answers: tenInformationSets() });
  await admin.send('POST', `/api/assessments/${id}/submit`);
  server.resetPeakRss();
  const year = new Date().getFullYear();
  const jobs = [
    await timed('inventory.xlsx, 10,000 assets', () => download(admin, `/api/exports/inventory.xlsx?organisationId=${org}`)),
    await timed('Ledningens genomgång PDF, 10,000 assets', () => download(admin, `/api/organisations/${org}/reports/ledningens-genomgang.pdf?year=${year}`)),
    await timed('Ledningens genomgång XLSX, 10,000 assets', () => download(admin, `/api/organisations/${org}/reports/ledningens-genomgang.xlsx?year=${year}`)),
    await timed('decision + protocol, 10 informationsmängder', () => decider.send('POST', `/api/assessments/${id}/decide`, { statement: 'Fastställs.' })),
  ];
  return { jobs, peakMb: server.peakRssMb() ?? Number.NaN };
}

async function measured(execArgv: string[]): Promise<{ jobs: JobRun[]; peakMb: number }> {
  const server = await startChildServer('tests/bench/servers/sigill-server.ts', { SIGILL_ADMIN_PASSWORD: adminPassword }, execArgv);
  try {
    return await runJobs(server);
  } finally {
    await server.stop();
  }
}

export const heapBoundBenchmark: Benchmark = {
  name: 'heap-bound',
  async run(): Promise<BenchRow[]> {
    const bounded = await measured(heapFlags([], ''));
    const unbounded = await measured([]);
    const name = `largest main-thread jobs with npm start's heap bound (--max-old-space-size=${productionHeapMb})`;
    return [
      ...bounded.jobs.map((job, index): BenchRow => ({
        benchmark: name,
        figure: `${job.name} (HTTP ${job.status})`,
        value: job.ms,
        unit: 'ms',
        baseline: { name: 'no heap bound', value: unbounded.jobs[index]!.ms },
        target: 'HTTP 200',
        met: job.status === 200,
      })),
      { benchmark: name, figure: 'peak RSS of the server during the jobs', value: bounded.peakMb, unit: 'MB', baseline: { name: 'no heap bound', value: unbounded.peakMb } },
    ];
  },
};
