import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/verify-chain';
import { openDatabase } from '../../server/db/connection';
import { startServer } from '../e2e/support/server-process';
import { HttpSession } from '../support/http-session';

const password = 'backup-test-password';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-backup-'));
const liveDir = path.join(work, 'live');
const restoredDir = path.join(work, 'restored');
const backupFile = path.join(work, 'sigill-backup.sqlite');

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

function cli(script: string, dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], { env: { ...process.env, SIGILL_DATA_DIR: dataDir }, encoding: 'utf8' });
}

/** The backup runs as its own process while this one keeps the writers going. */
function cliAsync(script: string, dataDir: string, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], { env: { ...process.env, SIGILL_DATA_DIR: dataDir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The data folder's files besides the database, each with its content hash. */
function otherFiles(dataDir: string): Record<string, string> {
  const entries = fs.readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && !entry.name.startsWith('sigill.sqlite'));
  return Object.fromEntries(entries.map((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return [path.relative(dataDir, file), createHash('sha256').update(fs.readFileSync(file)).digest('hex')];
  }));
}

function protocolDigests(file: string): Map<string, string> {
  const hasTable = rows(file, "select name from sqlite_master where name = 'protocols'").length > 0;
  const stored = hasTable ? (rows(file, 'select id, sha256, pdf from protocols') as { id: string; sha256: string; pdf: Buffer }[]) : [];
  return new Map(stored.map((row) => [row.id, `${row.sha256}:${createHash('sha256').update(row.pdf).digest('hex')}`]));
}

function rows(file: string, sql: string): unknown[] {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe('backup and restore', () => {
  it('copies a consistent snapshot under write load and restores it into an empty folder', async () => {
    const server = await startServer({ SIGILL_ADMIN_PASSWORD: password }, { dataDir: liveDir });
    const admin = await HttpSession.login(server.url, 'admin@sigill.local', password);
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const asset = await admin.send<{ id: string }>('POST', '/api/assets', { organisationId: admin.organisationId, name: `Säkerhetskopierat ${index}`, type: 'system' });
      ids.push((await admin.send<{ id: string }>('POST', `/api/assets/${asset.body.id}/assessments`, { kind: 'classification' })).body.id);
    }
    const complete = (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;
    const sealedAsset = await admin.send<{ id: string }>('POST', '/api/assets', { organisationId: admin.organisationId, name: 'Med protokoll', type: 'system' });
    const sealed = (await admin.send<{ id: string }>('POST', `/api/assets/${sealedAsset.body.id}/assessments`, { kind: 'classification' })).body.id;
    await admin.send('PUT', `/api/assessments/${sealed}/answers`, { baseRevision: 0, answers: complete });
    await admin.send('POST', `/api/assessments/${sealed}/submit`);
    await admin.send('POST', `/api/organisations/${admin.organisationId}/members`, { email: 'beslut@kommun.test', name: 'Beslutsfattare', password, role: 'beslutsfattare' });
    const decider = await HttpSession.login(server.url, 'beslut@kommun.test', password);
    expect((await decider.send('POST', `/api/assessments/${sealed}/decide`, { statement: 'Fastställs.' })).status).toBe(200);
    const acknowledged = new Map<string, number>();
    const load = { running: true };
    const writers = ids.map(async (id) => {
      let revision = 0;
      while (load.running) {
        const response = await admin.send<{ revision: number }>('PUT', `/api/assessments/${id}/answers`, { baseRevision: revision, answers: { objekt_namn: `Sparning ${revision + 1}` } });
        expect(response.status).toBe(200);
        revision = response.body.revision;
        acknowledged.set(id, revision);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const beforeBackup = new Map(acknowledged);
    const backup = await cliAsync('backup', liveDir, backupFile);
    const savesDuringBackup = [...acknowledged].filter(([id, revision]) => revision > beforeBackup.get(id)!).length;
    load.running = false;
    await Promise.all(writers);
    await server.stop();
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/Backed up .* pages, \d+ other files/);
    expect(savesDuringBackup, 'the writers kept saving while the backup ran').toBeGreaterThan(0);

    expect(cli('restore', liveDir, backupFile).status).toBe(1);
    const restore = cli('restore', restoredDir, backupFile);
    expect(restore.stdout).toMatch(/Restored/);
    expect(otherFiles(restoredDir)).toEqual(otherFiles(liveDir));

    const restored = openDatabase(restoredDir);
    expect(await verifyAuditChain(restored.db)).toMatchObject({ ok: true });
    for (const [id, revision] of beforeBackup) {
      const row = restored.sqlite.prepare('select revision from assessments where id = ?').get(id) as { revision: number };
      expect(row.revision).toBeGreaterThanOrEqual(revision);
    }
    await restored.close();

    const live = path.join(liveDir, 'sigill.sqlite');
    const copy = path.join(restoredDir, 'sigill.sqlite');
    const restoredEvents = rows(copy, 'select * from audit_events order by seq');
    expect(restoredEvents).toEqual(rows(live, `select * from audit_events order by seq limit ${restoredEvents.length}`));
    for (const table of ['organisations', 'users', 'memberships']) expect(rows(copy, `select * from ${table} order by rowid`), table).toEqual(rows(live, `select * from ${table} order by rowid`));
    const liveProtocols = protocolDigests(live);
    const restoredProtocols = protocolDigests(copy);
    expect(restoredProtocols.size).toBeGreaterThan(0);
    for (const [id, digest] of restoredProtocols) expect(liveProtocols.get(id), `protocol ${id}`).toBe(digest);

    const again = await startServer({ SIGILL_ADMIN_PASSWORD: 'not-used-any-more' }, { dataDir: restoredDir });
    const restoredAdmin = await HttpSession.login(again.url, 'admin@sigill.local', password);
    expect((await restoredAdmin.send<{ total: number }>('GET', '/api/assets')).body.total).toBe(4);
    const pdf = await (await fetch(`${again.url}/api/assessments/${sealed}/protocol.pdf`, { headers: { cookie: restoredAdmin.cookieHeader() } })).arrayBuffer();
    const verified = await fetch(`${again.url}/api/verify`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: pdf });
    expect(await verified.json()).toMatchObject({ verdict: 'valid', thisInstallationsSeal: true });
    await again.stop();
  }, 180_000);
});
