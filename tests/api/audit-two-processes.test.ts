import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../e2e/support/server-process';
import { HttpSession } from '../support/http-session';
import { testDatabaseEnv } from '../support/test-engine';

/**
 * Two server processes on one SQLite file: logins on one, autosaves on the other. A login that read
 * the chain's head and then inserted outside a transaction could be split by the other process's
 * commit; appends now run in BEGIN IMMEDIATE transactions, which take the write lock first.
 */
const password = 'two-processes-password';
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

describe('audit appends from two processes on one database', () => {
  it('400 logins on one server while another autosaves leave a chain that verifies', async () => {
    const writer = await HttpSession.login(second.url, 'admin@sigill.local', password);
    const logins = 400;
    let finished = 0;
    let saves = 0;
    const loginsRunning = () => finished < logins;
    const saveLoop = async (index: number) => {
      const asset = await writer.send<{ id: string }>('POST', '/api/assets', { organisationId: writer.organisationId, name: `Skrivare ${index}`, type: 'system' });
      const { id } = (await writer.send<{ id: string }>('POST', `/api/assets/${asset.body.id}/assessments`, { kind: 'classification' })).body;
      let revision = 0;
      while (loginsRunning()) {
        const saved = await writer.send<{ revision: number }>('PUT', `/api/assessments/${id}/answers`, { baseRevision: revision, answers: { objekt_namn: `Namn ${saves}` } });
        expect(saved.status, JSON.stringify(saved.body)).toBe(200);
        revision = saved.body.revision;
        saves += 1;
      }
    };
    // Eight clients log in one after another on the first server.
    const loginLoop = async () => {
      while (loginsRunning()) {
        finished += 1;
        const response = await fetch(`${first.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@sigill.local', password }) });
        expect(response.status).toBe(200);
        await response.arrayBuffer();
      }
    };
    await Promise.all([saveLoop(1), saveLoop(2), ...Array.from({ length: 8 }, loginLoop)]);
    expect(saves).toBeGreaterThan(0);
    const verify = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/audit-verify.ts'], { env: { ...process.env, SIGILL_DATA_DIR: first.dataDir, ...(await testDatabaseEnv(first.dataDir)) }, encoding: 'utf8' });
    expect(verify.stdout).toMatch(/Audit chain OK/);
    expect(verify.status).toBe(0);
  }, 600_000);
});
