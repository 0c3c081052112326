import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vitest/config';

/** Text files worth compressing; images and fonts are compressed already. */
const compressible = /\.(?:js|mjs|css|html|svg|json|txt)$/;
/** Below this size the extra files cost more than they save. */
const minimumBytes = 1024;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside each compressible built file, once at build
 * time, so the server never compresses on a request (serveClient picks one by Accept-Encoding).
 */
function precompressDir(dir: string): void {
  for (const file of filesUnder(dir)) {
    if (!compressible.test(file)) continue;
    const source = fs.readFileSync(file);
    if (source.length < minimumBytes) continue;
    const br = zlib.brotliCompressSync(source, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length },
    });
    const gz = zlib.gzipSync(source, { level: 9 });
    fs.writeFileSync(`${file}.br`, br);
    fs.writeFileSync(`${file}.gz`, gz);
  }
}

/** Brotli and gzip copies of the built files, made once here so the server only picks one per request. */
function precompress(): Plugin {
  return {
    name: 'sigill-precompress',
    apply: 'build',
    writeBundle(options) {
      if (options.dir) precompressDir(options.dir);
    },
  };
}

/** Files about SQLite itself (its backup API, its file on disk): the PostgreSQL projects skip them. */
const sqliteOnlyTests = ['tests/api/backup.test.ts'];
/** Several processes sharing a live hub, or a copy into PostgreSQL, need PostgreSQL: only the api-pg project runs these. */
const postgresOnlyTests = ['tests/api/postgres-scale-out.test.ts', 'tests/api/postgres-live-hub.test.ts', 'tests/api/db-copy.test.ts', 'tests/api/typed-columns.test.ts'];

/**
 * The browser suite, once per engine: one file at a time, since every file drives Chromium; each
 * engine's run is a group of its own after the API suites, so browsers never share the machine
 * with another test file.
 */
function e2eProject(name: string, env: Record<string, string>, setup: string[] = [], groupOrder = 0) {
  return {
    name,
    sequence: { groupOrder },
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    env,
    globalSetup: ['tests/e2e/global-setup.ts', ...setup],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  };
}

const apiTarget = `http://127.0.0.1:${process.env.SIGILL_PORT ?? '8080'}`;

export default defineConfig({
  root: 'client',
  publicDir: false,
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // Source maps would publish the unminified source; a production build has none.
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  test: {
    root: '.',
    pool: 'forks',
    // Two API files at a time: they wait on processes, scrypt and the database more than they
    // compute, and one worker (vitest's default on two cores) made the run 25 minutes.
    maxWorkers: 2,
    // scrypt at 4096 instead of production's 32768: the login tests run over a thousand logins, and
    // at the production cost audit-interleave and abuse-limits took 89 s instead of 28. Spawned servers inherit it.
    env: { SIGILL_PASSWORD_SCRYPT_N: '4096' },
    projects: [
      {
        extends: true,
        // Beside two API files on two cores a unit file can wait its turn: more than vitest's 5 s default.
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}', 'scoring/**/*.test.ts'], environment: 'node', testTimeout: 20_000 },
      },
      {
        extends: true,
        // Real SQLite files, real processes and PDF rendering: generous limits, since CI shares two cores.
        test: { name: 'api', include: ['tests/api/**/*.test.ts'], exclude: postgresOnlyTests, environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        // The same API suite on PostgreSQL: a throwaway cluster for the run, a database per test app.
        test: {
          name: 'api-pg',
          include: ['tests/api/**/*.test.ts'],
          exclude: sqliteOnlyTests,
          environment: 'node',
          env: { SIGILL_TEST_ENGINE: 'postgres' },
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: e2eProject('e2e', {}, [], 1),
      },
      {
        extends: true,
        test: e2eProject('e2e-pg', { SIGILL_TEST_ENGINE: 'postgres' }, ['tests/support/postgres-global-setup.ts'], 2),
      },
    ],
  },
});
