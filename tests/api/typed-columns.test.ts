import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { installationSealFingerprints } from '../../server/audit/installation-seals';
import { verifyAudit } from '../../server/audit/verify-audit';
import type { DatabaseHandle } from '../../server/db/connection';
import { migrateToLatest } from '../../server/db/migrate';
import { openPostgres } from '../../server/db/postgres';
import { demoDomain, demoPassword } from '../../server/demo/seed-demo';
import { loggedIn } from '../support/api-client';
import { rawAll, rawRun, refusal, tableNames, tableRows } from '../support/raw-sql';
import { createTestApp, type TestApp } from '../support/test-app';
import { dropTestDatabase, testDatabaseUrl } from '../support/test-engine';

/**
 * Typed columns on PostgreSQL (issue 16, migration 027): flags are boolean, instants timestamptz,
 * and both read back as SQLite keeps them (1/0, toISOString's text), byte for byte. Runs in the
 * api-pg project only.
 */

const flags = [
  'assets.dpia_prior_consultation',
  'identity_providers.enabled',
  'organisations.is_central',
  'organisations.separation_of_duties',
  'plan_items.applicable',
  'protocols.development_seal',
  'review_confirmations.development_seal',
  'users.is_active',
];

const instants = [
  'approval_withdrawals.withdrawn_at',
  'approvals.created_at',
  'assessment_changes.changed_at',
  'assessment_revisions.saved_at',
  'assessments.created_at', 'assessments.decided_at', 'assessments.next_review_at', 'assessments.reviewed_at', 'assessments.updated_at',
  'assets.archived_at', 'assets.created_at', 'assets.dpia_next_review_at', 'assets.first_decided_at', 'assets.first_started_at', 'assets.next_review_at', 'assets.updated_at',
  'audit_checkpoints.at',
  'audit_events.at',
  'identity_providers.created_at', 'identity_providers.updated_at',
  'lg_statements.updated_at',
  'lowering_approvals.created_at',
  'memberships.granted_at',
  'organisations.created_at',
  'plan_catalog_moves.moved_at',
  'plan_item_events.changed_at',
  'plan_items.created_at', 'plan_items.updated_at',
  'plan_year_ends.counted_at',
  'protocol_timestamps.created_at', 'protocol_timestamps.time',
  'protocols.sealed_at',
  'published_form_files.recorded_at',
  'rate_limits.resets_at',
  'requirement_defaults.updated_at',
  'review_confirmation_timestamps.created_at', 'review_confirmation_timestamps.time',
  'review_confirmations.confirmed_at', 'review_confirmations.next_review_at',
  'sessions.created_at', 'sessions.expires_at',
  'soa_justifications.updated_at',
  'special_analyses.recorded_at',
  'sso_consumed_assertions.expires_at',
  'sso_identities.created_at', 'sso_identities.last_login_at',
  'sso_login_requests.consumed_at', 'sso_login_requests.created_at', 'sso_login_requests.expires_at',
  'template_adoptions.adopted_at', 'template_adoptions.reviewed_at',
  'template_versions.published_at',
  'templates.created_at',
  'users.created_at', 'users.password_changed_at',
];

/** Every whole-number column: a new 0/1 flag made as integer fails here (it belongs in `flags`). */
const wholeNumbers = [
  'assessment_changes.revision', 'assessment_changes.seq',
  'assessment_revisions.revision',
  'assessments.form_version', 'assessments.revision', 'assessments.round',
  'approvals.revision',
  'audit_checkpoints.seq',
  'audit_events.seq',
  'lg_statements.revision', 'lg_statements.year',
  'lowering_approvals.local_level', 'lowering_approvals.template_level',
  'organisations.annual_budget_sek', 'organisations.review_interval_months',
  'plan_catalog_moves.from_version', 'plan_catalog_moves.to_version',
  'plan_items.requirement_version', 'plan_items.revision',
  'plan_tallies.n',
  'plan_year_ends.year',
  'protocols.audit_head_seq', 'protocols.size', 'protocols.version',
  'published_form_files.version',
  'rate_limits.points',
  'review_confirmations.audit_head_seq',
  'template_versions.form_version', 'template_versions.version',
];

/** Text columns named like instants that hold days ('YYYY-MM-DD'), which stay text. */
const days = ['plan_items.planned_date', 'plan_items.risk_decided_on', 'plan_items.risk_valid_until', 'plan_tallies.day'];

interface Column {
  name: string;
  type: string;
}

async function columns(handle: DatabaseHandle): Promise<Column[]> {
  const rows = await rawAll<{ table_name: string; column_name: string; data_type: string }>(
    handle,
    "select table_name, column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name not like 'kysely%'",
  );
  return rows.map((row) => ({ name: `${row.table_name}.${row.column_name}`, type: row.data_type }));
}

const named = (all: Column[], ...types: string[]) => all.filter((column) => types.includes(column.type)).map((column) => column.name).sort();

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).toReversed()) await cleanup();
});

function scratchFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-typed-'));
  cleanups.push(async () => {
    await dropTestDatabase(folder);
    fs.rmSync(folder, { recursive: true, force: true });
  });
  return folder;
}

/** A test app closed after the test unless the test closed it first. */
async function app(env: Record<string, string>): Promise<TestApp> {
  const started = await createTestApp(env);
  let open = true;
  const close = async () => {
    if (!open) return;
    open = false;
    await started.close();
  };
  cleanups.push(close);
  return { ...started, close };
}

/**
 * Takes a migrated database back to the column types migration 026 left (integer 0/1 and ISO
 * text, with their old defaults), as an installation that has not yet run 027 has them.
 */
async function backTo026(handle: DatabaseHandle): Promise<void> {
  const typed = await rawAll<{ table_name: string; column_name: string; data_type: string; column_default: string | null }>(
    handle,
    "select table_name, column_name, data_type, column_default from information_schema.columns where table_schema = current_schema() and data_type in ('boolean', 'timestamp with time zone')",
  );
  for (const column of typed) {
    const name = `"${column.column_name}"`;
    const clauses =
      column.data_type === 'boolean'
        ? [`alter column ${name} drop default`, `alter column ${name} type integer using case when ${name} then 1 else 0 end`, ...(column.column_default ? [`alter column ${name} set default ${column.column_default === 'true' ? 1 : 0}`] : [])]
        : [`alter column ${name} type text using to_char(${name} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`];
    await rawRun(handle, `alter table "${column.table_name}" ${clauses.join(', ')}`);
  }
  await rawRun(handle, "delete from kysely_migration where name = '027_typed_postgres_columns'");
}

async function everyRow(handle: DatabaseHandle): Promise<Map<string, string[]>> {
  const rows = new Map<string, string[]>();
  for (const table of await tableNames(handle)) rows.set(table, await tableRows(handle, table));
  return rows;
}

describe('typed columns on PostgreSQL', () => {
  it('keeps every flag as boolean and every instant as timestamptz, the days and whole numbers as they were', async () => {
    const migrated = await app({});
    const all = await columns(migrated.deps.database);
    expect(named(all, 'boolean')).toEqual([...flags].sort());
    expect(named(all, 'timestamp with time zone')).toEqual([...instants].sort());
    expect(named(all, 'integer', 'bigint')).toEqual([...wholeNumbers].sort());
    // A new instant made as text fails here: only the day columns may be named like one.
    const textLikeInstants = named(all, 'text').filter((name) => /\.(at|time|\w+_at|\w+_on|\w+_until|\w+_date|day)$/.test(name));
    expect(textLikeInstants).toEqual([...days].sort());
  });

  it('reads flags back as 1/0 and instants byte for byte as toISOString wrote them, whatever their milliseconds', async () => {
    const { deps } = await app({});
    const db = deps.database.db;
    const written = ['2026-12-01T18:34:24.123Z', '2026-12-01T18:34:24.120Z', '2026-12-01T18:34:24.100Z', '2026-12-01T18:34:24.000Z', '1999-12-31T23:59:59.999Z', '2024-02-29T00:00:00.001Z'];
    for (const [index, at] of written.entries()) {
      await db.insertInto('organisations').values({ id: `o${index}`, parent_id: null, name: `Org ${index}`, kind: 'kommun', is_central: index % 2, created_at: at }).execute();
    }
    const read = await db.selectFrom('organisations').select(['id', 'created_at', 'is_central', 'separation_of_duties']).where('id', 'like', 'o_').orderBy('id').execute();
    expect(read.map((row) => row.created_at)).toEqual(written);
    expect(read.map((row) => row.is_central)).toEqual(written.map((_, index) => index % 2));
    expect(read.every((row) => row.separation_of_duties === 1)).toBe(true);
    // Compared as time: a parameter in toISOString's form finds the rows between.
    const between = await db.selectFrom('organisations').select('id').where('created_at', '>=', '2026-12-01T18:34:24.100Z').where('created_at', '<', '2026-12-01T18:34:24.123Z').where('id', 'like', 'o_').orderBy('id').execute();
    expect(between.map((row) => row.id)).toEqual(['o1', 'o2']);
    // Any boolean a query selects reads as 1/0 alike, as on SQLite.
    const { rows } = await sql<{ yes: number; no: number }>`select exists (select 1 from organisations) as yes, 1 = 2 as no`.execute(db);
    expect(rows[0]).toEqual({ yes: 1, no: 0 });
  });

  it('migrates an installation at 026 with its rows: every value reads back identical, the API answers alike and the audit chain verifies', async () => {
    const folder = scratchFolder();
    const demo = await app({ SIGILL_DATA_DIR: folder, SIGILL_DEMO: '1' });
    const isam = await loggedIn(demo, `isam@${demoDomain}`, demoPassword);
    const assets = (await isam.get<{ items: { id: string }[] }>('/api/assets?pageSize=100')).body.items;
    const decided = await rawAll<{ id: string }>(demo.deps.database, 'select assessment_id as id from protocols');
    expect(assets.length).toBeGreaterThan(0);
    expect(decided.length).toBeGreaterThan(0);
    // What a person reads: the inventory, to-do list and organisations, each asset, its history and plan, each decided round.
    const pages = [
      '/api/assets?pageSize=100', '/api/todo', '/api/organisations',
      ...assets.flatMap((asset) => [`/api/assets/${asset.id}`, `/api/assets/${asset.id}/history`, `/api/assets/${asset.id}/plan`]),
      ...decided.map((round) => `/api/assessments/${round.id}`),
    ];
    const read = async (client: typeof isam) =>
      Promise.all(pages.map(async (page) => {
        const { status, body } = await client.get(page);
        return { page, status, body };
      }));
    const before = await read(isam);
    await demo.close();

    const handle = openPostgres(await testDatabaseUrl(folder));
    cleanups.push(() => handle.close());
    const typedRows = await everyRow(handle);
    await backTo026(handle);
    expect(named(await columns(handle), 'boolean', 'timestamp with time zone')).toEqual([]);
    expect(await everyRow(handle)).toEqual(typedRows);

    expect(await migrateToLatest(handle.db)).toEqual(['027_typed_postgres_columns']);
    expect(named(await columns(handle), 'boolean')).toEqual([...flags].sort());
    expect(await everyRow(handle)).toEqual(typedRows);
    const fingerprints = await installationSealFingerprints(demo.deps.config, () => undefined);
    const verdict = await verifyAudit(handle.db, fingerprints);
    expect(verdict.problems).toEqual([]);
    expect(verdict.ok).toBe(true);

    const again = await app({ SIGILL_DATA_DIR: folder });
    expect(await read(await loggedIn(again, `isam@${demoDomain}`, demoPassword))).toEqual(before);
  });

  it('refuses to convert a value that would read back changed, naming it, and converts nothing', async () => {
    const folder = scratchFolder();
    const installed = await app({ SIGILL_DATA_DIR: folder });
    await installed.close();
    const handle = openPostgres(await testDatabaseUrl(folder));
    cleanups.push(() => handle.close());
    await backTo026(handle);
    const organisation = await rawAll<{ id: string }>(handle, 'select id from users');
    expect(organisation.length).toBeGreaterThan(0);
    await rawRun(handle, "update users set created_at = '2025-06-01'");
    const message = await refusal(migrateToLatest(handle.db));
    expect(message).toContain('Migration 027_typed_postgres_columns failed');
    expect(message).toContain('users.created_at holds "2025-06-01", not an instant as Sigill writes them');
    expect(named(await columns(handle), 'boolean', 'timestamp with time zone')).toEqual([]);

    await rawRun(handle, "update users set created_at = '2025-06-01T00:00:00.000Z', is_active = 2");
    expect(await refusal(migrateToLatest(handle.db))).toContain('users.is_active holds "2", not 0 or 1');
    await rawRun(handle, 'update users set is_active = 1');
    expect(await migrateToLatest(handle.db)).toEqual(['027_typed_postgres_columns']);
    expect(await rawAll(handle, 'select created_at, is_active from users')).toEqual([{ created_at: '2025-06-01T00:00:00.000Z', is_active: 1 }]);
  });
});
