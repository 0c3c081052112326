import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { productionHeapMb } from '../../server/cli/heap-limit.mjs';
import { databaseFileName } from '../../server/db/connection';
import { repoRoot } from '../../server/config';
import { HttpSession } from '../support/http-session';
import { importForm } from '../support/import-form';

/**
 * The command `npm start` runs (read from package.json, so the test follows the script), with a preloaded observer (tests/support/module-trace) that
 * writes down every module the process and its worker threads load. Production must be the compiled
 * bundles in dist/server and never tsx or a TypeScript file.
 */

const password = 'production-start-password';
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-start-'));
const traceFile = path.join(workDir, 'modules.txt');
let child: ChildProcess;
let url: string;

function exited(process: ChildProcess): Promise<void> {
  return process.exitCode !== null || process.signalCode !== null ? Promise.resolve() : new Promise((resolve) => process.once('exit', () => resolve()));
}

/** package.json's start script as program and arguments; `node` is this Node, as npm would find it. */
function startCommand(): string[] {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [program, ...args] = scripts.start.split(/\s+/);
  expect(program).toBe('node');
  return args;
}

beforeAll(async () => {
  // Not through npm itself: npm would exit on SIGTERM before the server it started had finished.
  child = spawn(process.execPath, startCommand(), {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_OPTIONS: `--import ${pathToFileURL(path.join(repoRoot, 'tests', 'support', 'module-trace', 'trace.mjs')).href}`,
      SIGILL_MODULE_TRACE: traceFile,
      SIGILL_PORT: '0',
      SIGILL_DATA_DIR: path.join(workDir, 'data'),
      SIGILL_LOG_LEVEL: 'warn',
      SIGILL_ADMIN_PASSWORD: password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output += `${line}\n`;
      const match = /running at (http:\/\/\S+?)\/?$/.exec(line);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code} before listening:\n${output}`)));
  });
}, 300_000);
afterAll(async () => {
  if (child && child.exitCode === null) {
    const done = exited(child);
    child.kill('SIGTERM');
    await done;
  }
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('serves from the compiled bundles, workers included, and never loads tsx or a TypeScript file', async () => {
    // Before listening, and before any report asked, the server kept last year's handlingsplaner for every organisation (Ledningens genomgång compares with them).
    const database = new Database(path.join(workDir, 'data', databaseFileName), { readonly: true });
    try {
      const organisations = database.prepare('select count(*) as n from organisations').get() as { n: number };
      const kept = database.prepare('select count(*) as n from plan_year_ends where year = ?').get(new Date().getUTCFullYear() - 1) as { n: number };
      expect(organisations.n).toBeGreaterThan(0);
      expect(kept.n).toBe(organisations.n);
    } finally {
      database.close();
    }
    const admin = await HttpSession.login(url, 'admin@sigill.local', password);
    // A PDF report is rendered in a worker thread, so the render worker's bundle must load too.
    const report = await fetch(`${url}/api/organisations/${admin.organisationId}/reports/ledningens-genomgang.pdf?year=2026`, { headers: { cookie: admin.cookieHeader() } });
    expect(report.status).toBe(200);
    expect((await report.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    // An import is read in a thread of its own, so its bundle must load as well.
    const preview = await admin.sendForm(`/api/organisations/${admin.organisationId}/imports/preview`, importForm('namn;typ\nLönesystemet;system\n', 'tillgangar.csv'));
    expect(preview.status).toBe(200);
    // The server runs in a process of its own, started with the heap bound (V8 fixes it at start).
    const [serverPid] = fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/);
    const serverArgs = fs.readFileSync(`/proc/${serverPid}/cmdline`, 'utf8').split('\0');
    expect(serverArgs).toContain(`--max-old-space-size=${productionHeapMb}`);
    expect(serverArgs).toContain(path.join(repoRoot, 'dist', 'server', 'start.js'));

    const done = exited(child);
    child.kill('SIGTERM');
    await done;
    expect(child.exitCode).toBe(0);
    const loaded = fs.readFileSync(traceFile, 'utf8').split('\n').filter(Boolean);
    // The observer saw the server's own exit and each compiled entry: proof that it watched the right process.
    expect(loaded).toContainEqual(expect.stringMatching(/^exit 0 \S*server\/cli\/start\.\w+$/));
    for (const bundle of ['start.js', 'forms/forms-worker.js', 'pdf/render-worker.js', 'imports/read-table-worker.js']) {
      expect(loaded, bundle).toContainEqual(`esm ${pathToFileURL(path.join(repoRoot, 'dist', 'server', bundle)).href}`);
    }
    expect(loaded.filter((line) => /[/\\]node_modules[/\\]tsx[/\\]/.test(line))).toEqual([]);
    expect(loaded.filter((line) => /\.m?ts$/.test(line))).toEqual([]);
  }, 120_000);
});
