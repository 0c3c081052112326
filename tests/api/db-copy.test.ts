import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { backupDataFolder } from '../../server/db/backup';
import { type DatabaseHandle, openDatabase } from '../../server/db/connection';
import { openCopySource } from '../../server/db/copy-source';
import { advanceSequences } from '../../server/db/copy-target';
import { openPostgres } from '../../server/db/postgres';
import { demoDomain, demoPassword } from '../../server/demo/seed-demo';
import { prepareDeps } from '../../server/startup';
import { ApiClient, loggedIn } from '../support/api-client';
import { assetInput, orgFixture } from '../support/org-fixture';
import { generateInstallation } from '../support/oversight-data';
import { postgresBinary } from '../support/postgres-cluster';
import { dropTrigger, rawAll, rawGet, rawRun, refusal, tableNames, tableRows } from '../support/raw-sql';
import { createTestApp, type TestApp } from '../support/test-app';
import { dropTestDatabase, testDatabaseUrl } from '../support/test-engine';

/**
 * `npm run db:copy` (issue 16, item 5): a SQLite installation moved into an empty PostgreSQL
 * database by the real command, then opened by a real Sigill there. Runs in the api-pg project only.
 */

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A child process, awaited without blocking this one's event loop. */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const command = (script: string, args: string[], env: Record<string, string> = {}) => run(process.execPath, ['--import', 'tsx', script, ...args], env);
const copy = (from: string, to: string) => command('server/cli/db-copy.ts', ['--from', from, '--to', to]);
const auditVerify = (dataDir: string, url: string) => command('server/cli/audit-verify.ts', [], { SIGILL_DATA_DIR: dataDir, SIGILL_DATABASE_URL: url });

/** A scratch folder removed after the test; its name also names a database of its own on the cluster. */
function scratchFolder(prefix: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(async () => {
    await dropTestDatabase(folder);
    fs.rmSync(folder, { recursive: true, force: true });
  });
  return folder;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).toReversed()) await cleanup();
});

/** A Sigill on the SQLite file of its own data folder, whatever engine the project runs: the copy's source. */
async function sqliteInstallation(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-copy-'));
  const config = loadConfig({ SIGILL_DATA_DIR: dataDir, SIGILL_LOG_LEVEL: 'silent', SIGILL_ADMIN_PASSWORD: 'test-admin-password', ...env });
  const deps = await prepareDeps(config);
  let open = true;
  const close = async () => {
    if (!open) return;
    open = false;
    await deps.protocols.close();
    await deps.live.close();
    await deps.database.close();
  };
  cleanups.push(async () => {
    await close();
    await dropTestDatabase(dataDir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { app: createApp(deps), deps, dataDir, databaseEnv: {}, close };
}

/** Sigill started on the copied database, with the source's data folder (its seal) as an operator would. */
async function targetApp(dataDir: string): Promise<TestApp> {
  const target = await createTestApp({ SIGILL_DATA_DIR: dataDir, SIGILL_DATABASE_URL: await testDatabaseUrl(dataDir) });
  cleanups.push(() => target.close());
  return target;
}

async function targetHandle(url: string): Promise<DatabaseHandle> {
  const handle = openPostgres(url);
  cleanups.push(() => handle.close());
  return handle;
}

/** Every table's rows on both sides, each row as its JSON (Buffers as their bytes), sorted. */
async function sameRows(source: DatabaseHandle, target: DatabaseHandle): Promise<void> {
  const tables = await tableNames(source);
  expect(await tableNames(target)).toEqual(tables);
  for (const table of tables) expect(await tableRows(target, table), table).toEqual(await tableRows(source, table));
}

describe('db:copy from SQLite to PostgreSQL', () => {
  it('moves the demo installation: logins, assessments, protocol bytes, audit:verify, new rows after it, and a pg_dump backup of it restores', async () => {
    const source = await sqliteInstallation({ SIGILL_DEMO: '1' });
    const isam = await loggedIn(source, `isam@${demoDomain}`, demoPassword);
    const decided = await rawAll<{ id: string }>(source.deps.database, "select assessment_id as id from protocols order by sealed_at");
    expect(decided.length).toBeGreaterThan(0);
    const before = new Map<string, unknown>();
    for (const { id } of decided) before.set(id, (await isam.get(`/api/assessments/${id}`)).body);
    const pdfs = await rawAll<{ id: string; pdf: Buffer }>(source.deps.database, 'select id, pdf from protocols');
    const lastSeq = (await rawGet<{ seq: number }>(source.deps.database, 'select max(seq) as seq from audit_events'))!.seq;
    const confirmations = (await rawAll(source.deps.database, 'select id from review_confirmations')).length;
    await source.close();

    const url = await testDatabaseUrl(source.dataDir);
    const copied = await copy(source.dataDir, url);
    expect(copied.stderr).toBe('');
    expect(copied.code).toBe(0);
    expect(copied.stdout).toContain('Verified on the target: row counts equal');
    expect(copied.stdout).toContain(`the audit chain verifies (${lastSeq} events); ${pdfs.length + confirmations} sealed documents match their hash`);

    const sqlite = openDatabase(source.dataDir);
    cleanups.push(() => sqlite.close());
    await sameRows(sqlite, await targetHandle(url));

    const target = await targetApp(source.dataDir);
    const isamThere = await loggedIn(target, `isam@${demoDomain}`, demoPassword);
    expect((await new ApiClient(target).login(`dso@${demoDomain}`, demoPassword)).status).toBe(200);
    for (const { id } of decided) expect((await isamThere.get(`/api/assessments/${id}`)).body).toEqual(before.get(id));
    for (const { id } of decided) {
      const served = Buffer.from(await (await isamThere.raw('GET', `/api/assessments/${id}/protocol.pdf`)).arrayBuffer());
      expect(pdfs.some((protocol) => protocol.pdf.equals(served))).toBe(true);
    }
    for (const protocol of pdfs) {
      const stored = await rawGet<{ pdf: Buffer }>(target.deps.database, 'select pdf from protocols where id = ?', protocol.id);
      expect(Buffer.compare(stored!.pdf, protocol.pdf)).toBe(0);
    }
    const verified = await auditVerify(source.dataDir, url);
    expect(verified.stdout).toContain('Audit chain OK');
    expect(verified.code).toBe(0);

    // New rows after the copy: the next audit event follows the copied chain, and the chain still verifies.
    const admin = await loggedIn(target);
    const organisation = (await rawGet<{ id: string }>(target.deps.database, "select id from organisations where name = 'Socialförvaltningen'"))!.id;
    expect((await admin.post('/api/assets', assetInput(organisation, { name: 'Ny efter flytten' }))).status).toBe(201);
    const appended = await rawAll<{ seq: number }>(target.deps.database, 'select seq from audit_events where seq > ? order by seq', lastSeq);
    expect(appended[0]?.seq).toBe(lastSeq + 1);
    expect((await auditVerify(source.dataDir, url)).code).toBe(0);

    // Backup on PostgreSQL as the README says: pg_dump --format=custom, pg_restore into an empty database, audit:verify.
    const dump = path.join(scratchFolder('sigill-copy-dump-'), 'sigill.dump');
    expect((await run(postgresBinary('pg_dump'), ['--format=custom', `--file=${dump}`, url])).code).toBe(0);
    const restoredUrl = await testDatabaseUrl(scratchFolder('sigill-copy-restored-'));
    const restored = await run(postgresBinary('pg_restore'), ['--no-owner', `--dbname=${restoredUrl}`, dump]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const restoredHandle = await targetHandle(restoredUrl);
    await sameRows(await targetHandle(url), restoredHandle);
    expect(await refusal(rawRun(restoredHandle, "update audit_events set payload = '{}' where seq = 1"))).toContain('audit events are append-only');
    const restoredVerified = await auditVerify(source.dataDir, restoredUrl);
    expect(restoredVerified.stdout).toContain('Audit chain OK');
    expect(restoredVerified.code).toBe(0);
  }, 240_000);

  it('moves a generated 5,000-asset installation (rows after the rows they reference, kronor past 2^31) and verifies it', async () => {
    const source = await sqliteInstallation();
    const org = await orgFixture(source);
    const admin = (await rawGet<{ id: string }>(source.deps.database, "select id from users where email = 'admin@sigill.local'"))!;
    const organisationIds = [org.rootId, org.socialId, org.skolaId];
    await generateInstallation(source.deps.database.db, { organisationIds, userId: admin.id, assets: 5000, planItemsPerAsset: 10, seed: 16 });
    await rawRun(source.deps.database, 'update organisations set annual_budget_sek = ? where id = ?', 9_007_199_254_740_991, org.rootId);
    // An older organisation moved under a newer one: the copy must write the parent first although it was made later.
    const newerOrganisation = { parentId: org.rootId, name: 'Välfärdsnämndens förvaltningar', kind: 'forvaltning' };
    const newer = (await org.admin.post<{ id: string }>('/api/organisations', newerOrganisation)).body.id;
    await rawRun(source.deps.database, 'update organisations set parent_id = ? where id = ?', newer, org.socialId);
    // PostgreSQL checks a key at the end of each INSERT, so only a reference across batches tells: the first assessment row points at the last.
    const last = '(select id from assessments order by rowid desc limit 1)';
    await rawRun(source.deps.database, `update assessments set previous_id = ${last} where rowid = (select min(rowid) from assessments)`);
    for (let index = 0; index < 20; index += 1) await org.admin.post('/api/assets', assetInput(org.socialId, { name: `Tillgång via API ${index}` }));
    await source.close();

    const url = await testDatabaseUrl(source.dataDir);
    const copied = await copy(source.dataDir, url);
    expect(copied.stderr).toBe('');
    expect(copied.code).toBe(0);
    expect(copied.stdout).toMatch(/assets: 5,020 rows/);
    expect(copied.stdout).toMatch(/plan_items: 50,000 rows/);

    const target = await targetHandle(url);
    const sqlite = openDatabase(source.dataDir);
    cleanups.push(() => sqlite.close());
    await sameRows(sqlite, target);
    const budget = await rawGet<{ budget: number }>(target, 'select annual_budget_sek as budget from organisations where id = ?', org.rootId);
    expect(budget!.budget).toBe(9_007_199_254_740_991);
    const verified = await auditVerify(source.dataDir, url);
    expect(verified.stdout).toContain('Audit chain OK');
    expect(verified.code).toBe(0);
  }, 240_000);

  it('refuses a target that is not empty, and changes nothing there', async () => {
    const source = await sqliteInstallation();
    await source.close();
    const url = await testDatabaseUrl(source.dataDir);
    expect((await copy(source.dataDir, url)).code).toBe(0);
    const target = await targetHandle(url);
    const rowsBefore = await Promise.all((await tableNames(target)).map((table) => tableRows(target, table)));
    const migrationsBefore = await rawAll(target, 'select * from kysely_migration order by name');

    const again = await copy(source.dataDir, url);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Refused: the target database is not empty:');
    expect(again.stderr).toContain('users');
    expect(again.stderr).toContain('Nothing was written to the target.');
    expect(await Promise.all((await tableNames(target)).map((table) => tableRows(target, table)))).toEqual(rowsBefore);
    expect(await rawAll(target, 'select * from kysely_migration order by name')).toEqual(migrationsBefore);
  }, 120_000);

  it('refuses a target holding tables of its own, without making any of Sigill\'s there', async () => {
    const source = await sqliteInstallation();
    await source.close();
    const url = await testDatabaseUrl(scratchFolder('sigill-copy-other-'));
    const target = await targetHandle(url);
    await rawRun(target, 'create table kassabok (rad integer)');
    const refused = await copy(source.dataDir, url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('it holds tables Sigill does not make (kassabok)');
    expect(await tableNames(target)).toEqual(['kassabok']);
  });

  it('refuses a source whose audit chain was tampered with, naming the event, and writes nothing', async () => {
    const source = await sqliteInstallation();
    const org = await orgFixture(source);
    await org.admin.post('/api/assets', assetInput(org.socialId));
    const event = (await rawGet<{ seq: number }>(source.deps.database, "select seq from audit_events where action = 'asset.created'"))!;
    await dropTrigger(source.deps.database, 'audit_events_no_update', 'audit_events');
    await rawRun(source.deps.database, "update audit_events set payload = '{\"name\":\"Något annat\"}' where seq = ?", event.seq);
    await source.close();

    const url = await testDatabaseUrl(source.dataDir);
    const refused = await copy(source.dataDir, url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Refused: the source's audit chain does not verify");
    expect(refused.stderr).toContain(`altered: event #${event.seq}`);
    expect(refused.stderr).toContain('Nothing was written to the target.');
    expect(await tableNames(await targetHandle(url))).toEqual([]);
  });

  it('a row PostgreSQL refuses (U+0000 in text) stops the copy naming it, rolls back, and the copy runs again once mended', async () => {
    const source = await sqliteInstallation();
    const org = await orgFixture(source);
    const asset = (await org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId))).body.id;
    await rawRun(source.deps.database, "update assets set description = 'Före' || char(0) || 'efter' where id = ?", asset);
    const url = await testDatabaseUrl(source.dataDir);
    const stopped = await copy(source.dataDir, url);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain(`copying assets (rows 1–1) failed: description of the row with id ${asset} holds the character U+0000`);
    expect(stopped.stderr).toContain('The transaction was rolled back');
    const target = await targetHandle(url);
    const tables = await tableNames(target);
    expect(tables).toContain('assets');
    for (const table of tables) expect(await tableRows(target, table), table).toEqual([]);

    await rawRun(source.deps.database, "update assets set description = 'Föreefter' where id = ?", asset);
    await source.close();
    const again = await copy(source.dataDir, url);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect((await rawGet<{ description: string }>(target, 'select description from assets where id = ?', asset))!.description).toBe('Föreefter');
  }, 120_000);

  it('an instant or flag PostgreSQL would read back changed (a bare day, a flag 2) stops the copy naming it, and the mended source copies', async () => {
    const source = await sqliteInstallation();
    const org = await orgFixture(source);
    const asset = (await org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId))).body.id;
    await rawRun(source.deps.database, "update assets set next_review_at = '2025-06-01' where id = ?", asset);
    const url = await testDatabaseUrl(source.dataDir);
    const stopped = await copy(source.dataDir, url);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain(`copying assets (rows 1–1) stopped: next_review_at of the row with id ${asset} holds "2025-06-01", not an instant as Sigill writes them`);
    const target = await targetHandle(url);
    for (const table of await tableNames(target)) expect(await tableRows(target, table), table).toEqual([]);

    await rawRun(source.deps.database, "update assets set next_review_at = '2025-06-01T00:00:00.000Z' where id = ?", asset);
    await rawRun(source.deps.database, "update organisations set is_central = 2 where id = ?", org.socialId);
    const flagged = await copy(source.dataDir, url);
    expect(flagged.code).toBe(1);
    expect(flagged.stderr).toContain(`is_central of the row with id ${org.socialId} holds 2, not 0 or 1`);

    await rawRun(source.deps.database, "update organisations set is_central = 0 where id = ?", org.socialId);
    await source.close();
    const again = await copy(source.dataDir, url);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(await rawGet(target, 'select next_review_at, is_central from assets join organisations on organisations.id = assets.organisation_id where assets.id = ?', asset)).toEqual({
      next_review_at: '2025-06-01T00:00:00.000Z',
      is_central: 0,
    });
  }, 120_000);

  it('reads the source as one snapshot: what a running Sigill writes meanwhile is neither counted nor copied', async () => {
    const source = await sqliteInstallation();
    const org = await orgFixture(source);
    const snapshot = openCopySource(source.dataDir);
    cleanups.push(() => snapshot.close());
    const assets = snapshot.tables().find((table) => table.name === 'assets')!;
    const before = snapshot.count('assets');
    expect((await org.admin.post('/api/assets', assetInput(org.socialId, { name: 'Skrivs under kopieringen' }))).status).toBe(201);
    expect((await rawAll(source.deps.database, 'select id from assets')).length).toBe(before + 1);
    expect(snapshot.count('assets')).toBe(before);
    expect([...snapshot.rows(assets, null)]).toHaveLength(before);
  });

  it('refuses a backup file made by npm run backup, saying to restore it first', async () => {
    const source = await sqliteInstallation();
    const backup = path.join(scratchFolder('sigill-copy-backup-'), 'sigill-backup.sqlite');
    await backupDataFolder(source.dataDir, backup);
    const url = await testDatabaseUrl(source.dataDir);
    const refused = await copy(backup, url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is a backup made by npm run backup: restore it into an empty data folder (npm run restore)');
    expect(await tableNames(await targetHandle(url))).toEqual([]);
  });

  it('says how to call it when an argument is missing', async () => {
    const wrong = await copy('', 'sqlite://nowhere');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('usage: npm run db:copy -- --from');
  });

  it('moves a sequence past the largest copied value, so the next numbered row does not collide', async () => {
    const handle = await targetHandle(await testDatabaseUrl(scratchFolder('sigill-copy-seq-')));
    await sql`create table numbered (id integer generated by default as identity primary key, label text)`.execute(handle.db);
    await sql`insert into numbered (id, label) values (1, 'a'), (7, 'b')`.execute(handle.db);
    expect(await advanceSequences(handle.db)).toEqual(['numbered.id']);
    await sql`insert into numbered (label) values ('c')`.execute(handle.db);
    expect(await rawAll(handle, 'select id from numbered order by id')).toEqual([{ id: 1 }, { id: 7 }, { id: 8 }]);
  });
});
