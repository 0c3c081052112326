import { type Kysely, sql } from 'kysely';
import { engineOf } from '../dialect';

/**
 * Typed columns on PostgreSQL (issue 16): flags become boolean, instants timestamptz, so the
 * database itself refuses a flag of 2 or an instant that is not one, and compares instants as
 * time rather than as text. The JavaScript values stay what they were (1/0 and the ISO 8601 text
 * `toISOString()` writes): the pool's type parsers read them back so (server/db/postgres-types.ts),
 * and schema.ts keeps its types. SQLite keeps integer 0/1 and text; nothing changes there.
 *
 * One path for every PostgreSQL database: the earlier migrations make these columns as they always
 * did (integer and text) and this one converts them, on a fresh database and on one with years of
 * rows alike. Only assets.dpia_prior_consultation is made boolean by migration 025 itself (its store
 * fills it at once with a boolean expression); a column already of its type is left as it is.
 *
 * A value that would not read back byte for byte is refused, naming it, and nothing is changed
 * (PostgreSQL runs a migration in one transaction): an instant not in toISOString's form, such as a
 * bare day or one without milliseconds, or a flag other than 0 and 1. The audit chain hashes such
 * values, so converting them silently could make the chain fail to verify.
 */

/** Every flag, with the default it has (none for the sealing flags, which are always written). */
const flags: Record<string, Record<string, boolean | null>> = {
  organisations: { is_central: false, separation_of_duties: true },
  users: { is_active: true },
  assets: { dpia_prior_consultation: false },
  plan_items: { applicable: true },
  protocols: { development_seal: null },
  review_confirmations: { development_seal: null },
  identity_providers: { enabled: true },
};

/** Every instant; the day columns ('YYYY-MM-DD': planned_date, risk_decided_on, risk_valid_until, plan_tallies.day) stay text. */
const instants: Record<string, readonly string[]> = {
  organisations: ['created_at'],
  users: ['created_at', 'password_changed_at'],
  memberships: ['granted_at'],
  sessions: ['created_at', 'expires_at'],
  audit_events: ['at'],
  assets: ['archived_at', 'next_review_at', 'created_at', 'updated_at', 'first_started_at', 'first_decided_at', 'dpia_next_review_at'],
  assessments: ['created_at', 'updated_at', 'decided_at', 'reviewed_at', 'next_review_at'],
  assessment_revisions: ['saved_at'],
  assessment_changes: ['changed_at'],
  plan_items: ['created_at', 'updated_at'],
  plan_item_events: ['changed_at'],
  plan_catalog_moves: ['moved_at'],
  requirement_defaults: ['updated_at'],
  approvals: ['created_at'],
  approval_withdrawals: ['withdrawn_at'],
  special_analyses: ['recorded_at'],
  protocols: ['sealed_at'],
  protocol_timestamps: ['time', 'created_at'],
  review_confirmations: ['confirmed_at', 'next_review_at'],
  review_confirmation_timestamps: ['time', 'created_at'],
  audit_checkpoints: ['at'],
  templates: ['created_at'],
  template_versions: ['published_at'],
  template_adoptions: ['adopted_at', 'reviewed_at'],
  lowering_approvals: ['created_at'],
  rate_limits: ['resets_at'],
  published_form_files: ['recorded_at'],
  identity_providers: ['created_at', 'updated_at'],
  sso_identities: ['created_at', 'last_login_at'],
  sso_login_requests: ['created_at', 'expires_at', 'consumed_at'],
  sso_consumed_assertions: ['expires_at'],
  lg_statements: ['updated_at'],
  soa_justifications: ['updated_at'],
  plan_year_ends: ['counted_at'],
};

/** toISOString's form, the only one that reads back unchanged from a timestamptz. */
const isoInstant = String.raw`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$`;

async function columnTypes(db: Kysely<unknown>): Promise<Map<string, string>> {
  const { rows } = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select table_name, column_name, data_type from information_schema.columns where table_schema = current_schema()`.execute(db);
  return new Map(rows.map((row) => [`${row.table_name}.${row.column_name}`, row.data_type]));
}

/** The first value of the column that would not read back as stored, or undefined. */
async function strayValue(db: Kysely<unknown>, table: string, column: string, kind: 'flag' | 'instant'): Promise<string | undefined> {
  const ref = sql.ref(column);
  const stray = kind === 'flag' ? sql`${ref} not in (0, 1)` : sql`${ref} !~ ${isoInstant}`;
  const { rows } = await sql<{ value: unknown }>`select ${ref} as value from ${sql.table(table)} where ${ref} is not null and ${stray} limit 1`.execute(db);
  return rows[0] === undefined ? undefined : String(rows[0].value);
}

function refused(table: string, column: string, value: string, kind: 'flag' | 'instant'): Error {
  const expected = kind === 'flag' ? '0 or 1' : 'an instant as Sigill writes them, e.g. 2026-12-01T18:34:24.123Z';
  return new Error(
    `${table}.${column} holds ${JSON.stringify(value)}, not ${expected}: as a PostgreSQL ${kind === 'flag' ? 'boolean' : 'timestamptz'} it would read back changed. ` +
      'Correct that row (and any like it) in the database, then start Sigill again; nothing was converted.',
  );
}

/** The ALTER TABLE clauses that convert one table's columns not yet of their type. */
async function conversions(db: Kysely<unknown>, table: string, types: Map<string, string>): Promise<string[]> {
  const clauses: string[] = [];
  for (const [column, fallback] of Object.entries(flags[table] ?? {})) {
    if (types.get(`${table}.${column}`) === 'boolean') continue;
    const stray = await strayValue(db, table, column, 'flag');
    if (stray !== undefined) throw refused(table, column, stray, 'flag');
    // The integer default cannot be cast to boolean: dropped first, set again as a boolean.
    clauses.push(`alter column ${column} drop default`, `alter column ${column} type boolean using ${column} <> 0`);
    if (fallback !== null) clauses.push(`alter column ${column} set default ${String(fallback)}`);
  }
  for (const column of instants[table] ?? []) {
    if (types.get(`${table}.${column}`) === 'timestamp with time zone') continue;
    const stray = await strayValue(db, table, column, 'instant');
    if (stray !== undefined) throw refused(table, column, stray, 'instant');
    clauses.push(`alter column ${column} type timestamptz using ${column}::timestamptz`);
  }
  return clauses;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  const types = await columnTypes(db);
  for (const table of new Set([...Object.keys(flags), ...Object.keys(instants)])) {
    const clauses = await conversions(db, table, types);
    // One statement per table: a table is rewritten once, however many of its columns change.
    if (clauses.length > 0) await sql.raw(`alter table ${table} ${clauses.join(', ')}`).execute(db);
  }
}
