import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../config';
import { isBuildStale } from './build-inputs.mjs';

/** What the built client is made from; a change to any of these makes the build stale. */
const buildInputs = ['client', 'contract', 'scoring', 'vite.config.ts', 'package-lock.json'];
const builtIndex = path.join(repoRoot, 'dist', 'client', 'index.html');

export function isClientBuildStale(): boolean {
  return isBuildStale(repoRoot, builtIndex, buildInputs);
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
