import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../e2e/support/server-process';
import { rawAll } from '../support/raw-sql';
import { openTestDatabase } from '../support/test-engine';
import { assertNginxInstalled, freePort, type NginxProxy, startNginx } from '../support/nginx-proxy';

/**
 * The real server behind Debian's nginx, which ends TLS and appends the client's address to
 * X-Forwarded-For. Clients connect from different loopback addresses, as different people would.
 */

const adminEmail = 'admin@sigill.local';
const adminPassword = 'proxy-test-password';
let server: RunningServer | undefined;
let proxy: NginxProxy | undefined;

beforeAll(async () => {
  assertNginxInstalled();
  const port = await freePort();
  server = await startServer({ SIGILL_ADMIN_PASSWORD: adminPassword, SIGILL_PUBLIC_URL: `https://127.0.0.1:${port}`, SIGILL_TRUST_PROXY: '127.0.0.1' });
  proxy = await startNginx(server.url, port);
}, 60_000);
afterAll(async () => {
  await proxy?.stop();
  await server?.stop();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A login through nginx from `from`, sent the way a browser on the public origin sends it. */
function login(from: string, password: string): Promise<Reply> {
  const body = JSON.stringify({ email: adminEmail, password });
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        host: '127.0.0.1',
        port: proxy!.port,
        path: '/api/auth/login',
        method: 'POST',
        localAddress: from,
        ca: proxy!.certificate,
        agent: false,
        headers: { origin: proxy!.url, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: text }));
      },
    );
    request.once('error', reject);
    request.end(body);
  });
}

describe('behind nginx terminating TLS', () => {
  it('logs in from the public https origin with a Secure session cookie and HSTS', async () => {
    const reply = await login('127.0.0.2', adminPassword);
    expect(reply.status, reply.body).toBe(200);
    const cookie = ([] as string[]).concat(reply.headers['set-cookie'] ?? []).join('\n');
    expect(cookie).toMatch(/^sigill_session=[^;]+;.*HttpOnly/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(reply.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('counts failed logins per real client address: one address locked out, another logs in', async () => {
    const wrong = await Promise.all(Array.from({ length: 50 }, (_, index) => login('127.0.0.3', `wrong-password-${index}`)));
    const counts = { 401: wrong.filter((reply) => reply.status === 401).length, 429: wrong.filter((reply) => reply.status === 429).length };
    expect(counts).toEqual({ 401: 10, 429: 40 });
    expect((await login('127.0.0.3', adminPassword)).status).toBe(429);
    expect((await login('127.0.0.4', adminPassword)).status).toBe(200);
  });

  it('records the addresses nginx saw, never nginx’s own', async () => {
    const database = await openTestDatabase(server!.dataDir);
    const rows = await rawAll<{ action: string; payload: string }>(database, "select action, payload from audit_events where action like 'auth.login%'");
    await database.close();
    const addresses = new Set(rows.map((row) => `${row.action} ${(JSON.parse(row.payload) as { address: string }).address}`));
    expect([...addresses].sort()).toEqual(['auth.login 127.0.0.2', 'auth.login 127.0.0.4', 'auth.login_failed 127.0.0.3']);
  });
});
