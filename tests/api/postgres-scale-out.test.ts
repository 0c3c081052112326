import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../e2e/support/server-process';
import { HttpSession } from '../support/http-session';
import { rawGet } from '../support/raw-sql';
import { SseReader } from '../support/sse-reader';
import { openTestDatabase, testDatabaseEnv } from '../support/test-engine';

/**
 * Two Sigill processes on one PostgreSQL database, as behind a load balancer: a session made on
 * one holds on the other, a change saved through one reaches a live listener on the other, the
 * login throttle counts attempts made on both, and audit appends from both leave one chain.
 * (Runs in the api-pg project only: two processes on SQLite share no live hub.)
 */
const password = 'scale-out-password';
const appends = 1_000;
const clients = 8;
let first: RunningServer;
let second: RunningServer;

beforeAll(async () => {
  first = await startServer({ SIGILL_ADMIN_PASSWORD: password });
  second = await startServer({ SIGILL_ADMIN_PASSWORD: password }, { dataDir: first.dataDir });
}, 120_000);
afterAll(async () => {
  await second?.stop();
  await first?.stop();
});

async function liveStream(session: HttpSession, assessmentId: string, clientId: string): Promise<SseReader> {
  const response = await fetch(`${session.baseUrl}/api/assessments/${assessmentId}/live?clientId=${clientId}`, { headers: { cookie: session.cookieHeader(), accept: 'text/event-stream' } });
  expect(response.status).toBe(200);
  return new SseReader(response.body!);
}

async function login(server: RunningServer, attempt: string): Promise<number> {
  const response = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@sigill.local', password: attempt }) });
  await response.arrayBuffer();
  return response.status;
}

describe('two Sigill processes on one PostgreSQL database', () => {
  it('accept on one a session made on the other', async () => {
    const onFirst = await HttpSession.login(first.url, 'admin@sigill.local', password);
    const me = await onFirst.at(second.url).send<{ user: { email: string } }>('GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('admin@sigill.local');
    expect((await onFirst.send('POST', '/api/auth/logout')).status).toBeLessThan(300);
    expect((await onFirst.at(second.url).send('GET', '/api/auth/me')).status).toBe(401);
  });

  it('carry a change saved through one to a live listener on the other', async () => {
    const writer = await HttpSession.login(first.url, 'admin@sigill.local', password);
    const asset = await writer.send<{ id: string }>('POST', '/api/assets', { organisationId: writer.organisationId, name: 'Delat system', type: 'system' });
    const { id } = (await writer.send<{ id: string }>('POST', `/api/assets/${asset.body.id}/assessments`, { kind: 'classification' })).body;
    const watching = await liveStream(writer.at(second.url), id, 'watcher-tab-01');
    try {
      expect((await watching.next((event) => event.event === 'hello')).data['revision']).toBe(0);
      const saved = await writer.send('POST', `/api/assessments/${id}/changes`, { clientId: 'writer-tab-01', ops: [{ op: 'set', path: ['objekt_namn'], value: 'Över processgränsen', base: 0 }] });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const change = await watching.next((event) => event.event === 'change');
      expect(change.data).toMatchObject({ revision: 1, clientId: 'writer-tab-01', ops: [{ op: 'set', path: ['objekt_namn'], value: 'Över processgränsen' }] });
      // The whole scored result travels too (several NOTIFY pieces).
      expect(change.data['result']).toHaveProperty('classification');
    } finally {
      await watching.close();
    }
  });

  it(`leave one chain that verifies after ${appends} audit appends spread over both`, async () => {
    const sessions = [await HttpSession.login(first.url, 'admin@sigill.local', password)];
    sessions.push(sessions[0]!.at(second.url));
    // One asset per client: changes to one row would queue on its row lock and hide a missing chain lock.
    const assets: string[] = [];
    for (let index = 0; index < clients; index += 1) {
      assets.push((await sessions[0]!.send<{ id: string }>('POST', '/api/assets', { organisationId: sessions[0]!.organisationId, name: `Granskat system ${index}`, type: 'system' })).body.id);
    }
    const database = await openTestDatabase(first.dataDir);
    const before = (await rawGet<{ n: number }>(database, 'select count(*) as n from audit_events'))!.n;
    let next = 0;
    // Eight clients at once, alternating between the processes: each change is one audit event.
    const client = async (assetId: string) => {
      while (next < appends) {
        const index = next++;
        const response = await sessions[index % 2]!.send('PATCH', `/api/assets/${assetId}`, { description: `Ändring ${index}` });
        expect(response.status, JSON.stringify(response.body)).toBe(200);
      }
    };
    await Promise.all(assets.map(client));
    const after = (await rawGet<{ n: number }>(database, 'select count(*) as n from audit_events'))!.n;
    await database.close();
    expect(after - before).toBeGreaterThanOrEqual(appends);
    // Run asynchronously: a blocked event loop would miss the servers closing idle keep-alive sockets.
    const verify = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/audit-verify.ts'], {
      env: { ...process.env, SIGILL_DATA_DIR: first.dataDir, ...(await testDatabaseEnv(first.dataDir)) },
      encoding: 'utf8',
    });
    // execFile rejects on a non-zero exit.
    expect(verify.stdout).toMatch(/Audit chain OK/);
  }, 600_000);

  it('count failed logins made on either process against one throttle', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) statuses.push(await login(attempt % 2 === 0 ? first : second, `wrong-password-${attempt}`));
    // Ten wrong passwords per account and address, wherever they land; then both refuse.
    expect(statuses.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => 401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(await login(first, password)).toBe(429);
    expect(await login(second, password)).toBe(429);
  });
});
