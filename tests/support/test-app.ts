import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../server/app';
import type { AppDeps } from '../../server/app-context';
import { loadConfig } from '../../server/config';
import { prepareDeps } from '../../server/startup';
import { dropTestDatabase, testDatabaseEnv } from './test-engine';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  dataDir: string;
  /** What points another process (a CLI command, a second server) at this app's database: SIGILL_DATABASE_URL on PostgreSQL. */
  databaseEnv: Record<string, string>;
  close(): Promise<void>;
}

/** The real app on a fresh database (a SQLite file, or a PostgreSQL database of its own) with its own temporary folder. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-test-'));
  // A caller's own data folder (a restart on the same data) keeps its database after close, as its files stay.
  const databaseDir = env.SIGILL_DATA_DIR ?? dataDir;
  const databaseEnv = await testDatabaseEnv(databaseDir);
  const config = loadConfig({
    SIGILL_DATA_DIR: dataDir,
    SIGILL_LOG_LEVEL: process.env.SIGILL_TEST_LOG ?? 'silent',
    SIGILL_ADMIN_PASSWORD: 'test-admin-password',
    SIGILL_PASSWORD_SCRYPT_N: process.env.SIGILL_PASSWORD_SCRYPT_N,
    ...databaseEnv,
    ...env,
  });
  const deps = await prepareDeps(config);
  return {
    app: createApp(deps),
    deps,
    dataDir,
    databaseEnv,
    close: async () => {
      await deps.protocols.close();
      await deps.live.close();
      await deps.database.close();
      if (databaseDir === dataDir) await dropTestDatabase(dataDir);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Parses a JSON response body with the caller's expected type; tests then assert on it. */
export async function jsonOf<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
