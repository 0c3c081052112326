import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, loggedIn } from '../support/api-client';
import { assetInput, orgFixture } from '../support/org-fixture';
import { databaseDump, rawGet, rawRun } from '../support/raw-sql';
import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;
beforeEach(async () => {
  testApp = await createTestApp();
});
afterEach(async () => {
  await testApp.close();
});

describe('response headers', () => {
  it('send a strict policy on the API and on the client', async () => {
    for (const url of ['/api/health', '/', '/api/no-such-route']) {
      const response = await testApp.app.request(url);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy, url).toContain("default-src 'self'");
      expect(policy, url).toContain("script-src 'self'");
      expect(policy, url).not.toMatch(/script-src[^;]*unsafe/);
      expect(policy, url).toContain("frame-ancestors 'none'");
      expect(policy, url).toContain("object-src 'none'");
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), url).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-frame-options'), url).toBe('DENY');
    }
  });

  it('send HSTS over https only', async () => {
    expect((await testApp.app.request('http://sigill.kommun.se/api/health')).headers.get('strict-transport-security')).toBeNull();
    expect((await testApp.app.request('https://sigill.kommun.se/api/health')).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('mark the session cookie Secure over https', async () => {
    const response = await testApp.app.request('https://sigill.kommun.se/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@sigill.local', password: 'test-admin-password' }),
    });
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly.*Secure|Secure.*HttpOnly/);
  });
});

/** Breaks the database under the app; PostgreSQL refuses to drop a table others reference (plan item history) without cascade. */
const dropPlanItems = () => (testApp.deps.database.engine === 'postgres' ? 'drop table plan_items cascade' : 'drop table plan_items');

describe('errors', () => {
  it('never carry a stack trace or SQL, even when the database fails', async () => {
    const admin = await loggedIn(testApp);
    const organisationId = (await admin.get<{ memberships: { organisationId: string }[] }>('/api/auth/me')).body.memberships[0]!.organisationId;
    await rawRun(testApp.deps.database, dropPlanItems());
    const asset = await admin.post<{ id: string }>('/api/assets', assetInput(organisationId));
    const started = await admin.post(`/api/assets/${asset.body.id}/assessments`, { kind: 'classification' });
    expect(started.status).toBe(500);
    const text = JSON.stringify(started.body);
    expect(started.body).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    expect(text).not.toMatch(/plan_items|select|insert|SQLITE|\bat \w+ \(|\.ts:\d+/i);
  });

  it('keep a failed change from leaving half its rows behind', async () => {
    const org = await orgFixture(testApp);
    const asset = await org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId));
    await rawRun(testApp.deps.database, dropPlanItems());
    const eventsBefore = await rawGet(testApp.deps.database, 'select count(*) as n from audit_events');
    expect((await org.admin.post(`/api/assets/${asset.body.id}/assessments`, { kind: 'classification' })).status).toBe(500);
    expect(await rawGet(testApp.deps.database, 'select count(*) as n from assessments')).toEqual({ n: 0 });
    expect(await rawGet(testApp.deps.database, 'select count(*) as n from audit_events')).toEqual(eventsBefore);
  });
});

describe('secrets', () => {
  it('never reach the log: not passwords, not session tokens', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-secrets-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: { ...process.env, SIGILL_PORT: '0', SIGILL_DATA_DIR: dataDir, SIGILL_LOG_LEVEL: 'debug', SIGILL_ADMIN_PASSWORD: 'hemligt-losenord-123' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        output += `${line}\n`;
        const match = /running at (http:\/\/\S+?)\/?$/.exec(line);
        if (match) resolve(match[1]!);
      });
    });
    const login = (password: string) => fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@sigill.local', password }) });
    await login('fel-losenord-456');
    const ok = await login('hemligt-losenord-123');
    const token = ok.headers.get('set-cookie')!.split(';')[0]!.split('=')[1]!;
    const { csrfToken } = (await ok.json()) as { csrfToken: string };
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
    expect(output).toContain('Sigill is listening');
    for (const secret of ['hemligt-losenord-123', 'fel-losenord-456', token, csrfToken]) expect(output).not.toContain(secret);
  }, 60_000);

  it('never store a password or a session token in the clear', async () => {
    const client = new ApiClient(testApp);
    const login = await client.login('admin@sigill.local', 'test-admin-password');
    const token = login.headers.get('set-cookie')!.split(';')[0]!.split('=')[1]!;
    const dump = await databaseDump(testApp.deps.database);
    expect(dump).not.toContain('test-admin-password');
    expect(dump).not.toContain(token);
  });
});
