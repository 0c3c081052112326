import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config';

/** What the built client is made from; a change to any of these makes the build stale. */
const buildInputs = ['client', 'scoring', 'vite.config.ts', 'package-lock.json'];
const builtIndex = path.join(repoRoot, 'dist', 'client', 'index.html');

function newestModification(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestModification(path.join(target, entry)));
  return newest;
}

export function isClientBuildStale(): boolean {
  const built = fs.statSync(builtIndex, { throwIfNoEntry: false });
  if (!built) return true;
  return buildInputs.some((input) => newestModification(path.join(repoRoot, input)) > built.mtimeMs);
}

/** Builds the client with Vite when its build is missing or older than its sources. */
export function ensureClientBuild(log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): void {
  if (!isClientBuildStale()) return;
  log('Building the client (dist/client is missing or stale)…');
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    // Under vitest NODE_ENV is "test", which would bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`The client build failed (exit ${result.status ?? result.signal})`);
}
