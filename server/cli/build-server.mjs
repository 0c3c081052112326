// Compiles the server and its worker threads to dist/server with esbuild, so production runs plain
// JavaScript under node; tsx stays a development tool (`npm run dev`, the tests).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isBuildStale } from './build-inputs.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serverOutDir = path.join(repoRoot, 'dist', 'server');
/** `npm start` runs this bundle; it checks the client build, then serves. */
export const startBundle = path.join(serverOutDir, 'start.js');

/** One bundle per thread entry; each worker loads its own, found by server/runtime-files.ts. */
const entryPoints = {
  start: 'server/cli/start.ts',
  'pdf/render-worker': 'server/pdf/render-worker.ts',
  'forms/forms-worker': 'server/forms/forms-worker.ts',
  'imports/read-table-worker': 'server/imports/read-table-worker.ts',
};
/** What the bundles are made from; a change to any of these makes them stale. */
const buildInputs = ['server', 'contract', 'scoring', 'package.json', 'package-lock.json', 'tsconfig.json'];

export function isServerBuildStale() {
  return isBuildStale(repoRoot, startBundle, buildInputs);
}

export async function buildServer() {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: repoRoot,
    entryPoints,
    outdir: serverOutDir,
    bundle: true,
    // Dependencies stay in node_modules: native better-sqlite3, pdfmake's fonts and data files load from there.
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildServer();
  process.stdout.write(`Built the server into ${path.relative(repoRoot, serverOutDir)}\n`);
}
