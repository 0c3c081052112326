import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { prepareDeps } from '../../server/startup';
import { dropTestDatabase, testDatabaseEnv } from '../support/test-engine';

/** Issue 13 finding 6: a published form version is fixed; a file edited in place stops the start, naming it. */

let formsDir: string;
let dataDir: string;
let databaseEnv: Record<string, string>;

beforeEach(async () => {
  formsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-forms-'));
  fs.cpSync('forms', formsDir, { recursive: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-data-'));
  databaseEnv = await testDatabaseEnv(dataDir);
});
afterEach(async () => {
  await dropTestDatabase(dataDir);
  fs.rmSync(formsDir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const env = () => ({ SIGILL_DATA_DIR: dataDir, SIGILL_FORMS_DIR: formsDir, SIGILL_LOG_LEVEL: 'silent', SIGILL_ADMIN_PASSWORD: 'test-admin-password', ...databaseEnv });

async function start(): Promise<void> {
  const deps = await prepareDeps(loadConfig(env()));
  await deps.protocols.close();
  await deps.live.close();
  await deps.database.close();
}

function startServerProcess() {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/index.ts'], { env: { ...process.env, SIGILL_PORT: '0', ...env() }, encoding: 'utf8', timeout: 30_000 });
}

describe('published form files', () => {
  it('stop the server, naming the file, when one is changed in place after the first start', async () => {
    await start();
    const file = path.join(formsDir, 'kravkatalog', 'v1.json');
    const original = fs.readFileSync(file, 'utf8');
    // A quiet edit that still validates: one requirement's title reworded.
    const edited = original.replace(/"title": "([^"]+)"/, '"title": "$1 (ändrad)"');
    expect(edited).not.toBe(original);
    fs.writeFileSync(file, edited);

    const result = startServerProcess();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toMatch(/new version/);

    // Put back as it was, the same installation starts again.
    fs.writeFileSync(file, original);
    await expect(start()).resolves.toBeUndefined();
  }, 60_000);

  it('accept the same files on every later start, and record each published version once', async () => {
    await start();
    await start();
    const files = fs.readdirSync(formsDir, { recursive: true }).filter((entry) => String(entry).endsWith('.json'));
    const deps = await prepareDeps(loadConfig(env()));
    const recorded = await deps.database.db.selectFrom('published_form_files').select(['form_id', 'version', 'file']).execute();
    await deps.protocols.close();
    await deps.live.close();
    await deps.database.close();
    expect(recorded).toHaveLength(files.length);
    expect(recorded.map((row) => row.file).sort()).toEqual(files.map(String).sort());
  }, 60_000);
});
