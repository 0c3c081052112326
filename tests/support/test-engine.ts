import { createHash } from 'node:crypto';
import { Client, DatabaseError } from 'pg';
import { type DatabaseHandle, openConfiguredDatabase } from '../../server/db/connection';

/**
 * Which engine the suites run on: SQLite by default, PostgreSQL when SIGILL_TEST_ENGINE=postgres
 * (the api-pg and e2e-pg vitest projects set it; their global setup starts the cluster and names it
 * in SIGILL_TEST_PG_ADMIN_URL). Each data folder gets a database of its own, named after the folder,
 * so test files stay independent and a second process on the same folder meets the same database.
 */
export type TestEngine = 'sqlite' | 'postgres';

export const testEngine: TestEngine = process.env.SIGILL_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

function adminUrl(): string {
  const url = process.env.SIGILL_TEST_PG_ADMIN_URL;
  if (!url) throw new Error('SIGILL_TEST_ENGINE=postgres needs SIGILL_TEST_PG_ADMIN_URL (the api-pg and e2e-pg projects set it in their global setup)');
  return url;
}

function databaseNameFor(dataDir: string): string {
  return `sigill_${createHash('sha256').update(dataDir).digest('hex').slice(0, 20)}`;
}

async function asAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(adminUrl());
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const duplicateDatabase = '42P04';

/** The URL of the data folder's database, created empty on first use. */
export async function testDatabaseUrl(dataDir: string): Promise<string> {
  const name = databaseNameFor(dataDir);
  await asAdmin(async (client) => {
    try {
      await client.query(`create database ${name}`);
    } catch (error) {
      if (!(error instanceof DatabaseError && error.code === duplicateDatabase)) throw error;
    }
  });
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops the data folder's database, closing whatever still holds it. */
export async function dropTestDatabase(dataDir: string): Promise<void> {
  if (testEngine !== 'postgres') return;
  await asAdmin((client) => client.query(`drop database if exists ${databaseNameFor(dataDir)} with (force)`));
}

/** The environment that points a Sigill process or config at the data folder's database on the test engine. */
export async function testDatabaseEnv(dataDir: string): Promise<Record<string, string>> {
  return testEngine === 'postgres' ? { SIGILL_DATABASE_URL: await testDatabaseUrl(dataDir) } : {};
}

/** A second handle on the database a server process uses for `dataDir`, to look at what it stored. */
export async function openTestDatabase(dataDir: string): Promise<DatabaseHandle> {
  return openConfiguredDatabase({ dataDir, durability: 'process', databaseUrl: testEngine === 'postgres' ? await testDatabaseUrl(dataDir) : undefined });
}
