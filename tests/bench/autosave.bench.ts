import autocannon from 'autocannon';
import type { Benchmark, BenchRow } from './support/bench-types';
import { startChildServer } from './support/child-server';
import { tenInformationSets } from './support/ten-information-sets';

const connections = 32;
const seconds = 10;
const adminPassword = 'bench-admin-password';

interface Session {
  cookie: string;
  csrf: string;
}

async function call<T>(url: string, session: Session | undefined, method: string, body?: unknown): Promise<{ status: number; body: T; cookie: string | null }> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return { status: response.status, body: (await response.json()) as T, cookie: response.headers.get('set-cookie') };
}

/** One classification per connection, so every save is fresh and none is a 409 by construction. */
async function prepareAssessments(baseUrl: string): Promise<{ session: Session; ids: string[] }> {
  const login = await call<{ csrfToken: string; memberships: { organisationId: string }[] }>(`${baseUrl}/api/auth/login`, undefined, 'POST', { email: 'admin@sigill.local', password: adminPassword });
  const session = { cookie: login.cookie!.split(';')[0]!, csrf: login.body.csrfToken };
  const organisationId = login.body.memberships[0]!.organisationId;
  const ids: string[] = [];
  for (let index = 0; index < connections; index += 1) {
    const asset = await call<{ id: string }>(`${baseUrl}/api/assets`, session, 'POST', { organisationId, name: `Benchobjekt ${index}`, type: 'system' });
    ids.push((await call<{ id: string }>(`${baseUrl}/api/assets/${asset.body.id}/assessments`, session, 'POST', { kind: 'classification' })).body.id);
  }
  return { session, ids };
}

/** Drives the autosave at a running Sigill (either engine): one fresh classification per connection. */
export async function driveAutosave(baseUrl: string): Promise<autocannon.Result> {
  const { session, ids } = await prepareAssessments(baseUrl);
  const answers = tenInformationSets();
  let nextIndex = 0;
  return autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    // autocannon clears a request's context on every cycle, so each connection keeps its revision here.
    setupClient: (client) => {
      const assessmentId = ids[nextIndex++ % ids.length];
      let revision = 0;
      client.setRequests([
        {
          method: 'PUT',
          path: `/api/assessments/${assessmentId}/answers`,
          setupRequest: (request) => ({ ...request, body: JSON.stringify({ baseRevision: revision, answers: { ...answers, objekt_beskrivning: `Sparning ${revision + 1}` } }) }),
          onResponse: (status) => {
            if (status === 200) revision += 1;
          },
        },
      ]);
    },
  });
}

function baseline(value: number) {
  return { name: 'node:http + SQLite insert', value };
}

async function driveBareInsert(baseUrl: string): Promise<autocannon.Result> {
  const body = JSON.stringify({ baseRevision: 0, answers: tenInformationSets() });
  return autocannon({ url: `${baseUrl}/`, connections, duration: seconds, method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

export const autosaveBenchmark: Benchmark = {
  name: 'autosave',
  async run(): Promise<BenchRow[]> {
    const bareServer = await startChildServer('tests/bench/servers/bare-insert-server.ts');
    const bare = await driveBareInsert(bareServer.url).finally(() => bareServer.stop());
    const sigillServer = await startChildServer('tests/bench/servers/sigill-server.ts', { SIGILL_ADMIN_PASSWORD: adminPassword });
    sigillServer.resetPeakRss();
    const sigill = await driveAutosave(sigillServer.url);
    const peakRss = sigillServer.peakRssMb();
    await sigillServer.stop();
    if (sigill.non2xx > 0 || sigill.errors > 0) process.stderr.write(`autosave: ${sigill.non2xx} non-2xx, ${sigill.errors} errors\n`);
    const name = `PUT answers, 10 informationsmängder, ${connections} conn`;
    return [
      { benchmark: name, figure: 'requests/s', value: sigill.requests.average, unit: 'req/s', baseline: baseline(bare.requests.average), target: '≥ 0.5x baseline', met: sigill.requests.average >= 0.5 * bare.requests.average },
      { benchmark: name, figure: 'p50 latency', value: sigill.latency.p50, unit: 'ms', baseline: baseline(bare.latency.p50) },
      { benchmark: name, figure: 'p99 latency', value: sigill.latency.p99, unit: 'ms', baseline: baseline(bare.latency.p99), target: '< 25 ms', met: sigill.latency.p99 < 25 },
      ...(peakRss === undefined ? [] : [{ benchmark: name, figure: 'server peak RSS', value: peakRss, unit: 'MB', target: '< 300 MB', met: peakRss < 300 }]),
    ];
  },
};
