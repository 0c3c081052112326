import type { Kysely } from 'kysely';
import type { AuditProblem } from '../audit/verify-chain';
import { verifyAudit } from '../audit/verify-audit';
import { filesTable } from './backup';
import { foreignKeyOrder } from './copy-order';
import { type CopySource, migratorTables, openCopySource, type SelfReference, type TableShape } from './copy-source';
import { strayTypedValue, type TypedKind, typedColumns } from './copy-typed-values';
import { advanceSequences, allTargetTableNames, countRows, foreignKeys, hasRows, insertRows, targetTables } from './copy-target';
import { verifySealedDocuments } from './copy-verify';
import { migrateToLatest, migrationNames } from './migrate';
import { openPostgres } from './postgres';
import type { Database } from './schema';

/** Refused before anything was written to the target. */
export class CopyRefused extends Error {}

/** Stopped after the target's tables were made: the copy's transaction rolled back, so they hold no rows. */
export class CopyFailed extends Error {}

export interface CopyOptions {
  from: string;
  to: string;
  /** The installation's seal fingerprints (see audit:verify), given the source's data folder. */
  sealFingerprints(dataDir: string): Promise<string[]>;
  /** A line of progress in plain English. */
  say(line: string): void;
}

export interface CopyResult {
  /** The source's data folder: Sigill on the target keeps using it for the seal. */
  dataDir: string;
  tables: number;
  rows: number;
  events: number;
  sealedDocuments: number;
  /** Columns whose sequences were moved past the copied values. */
  sequences: string[];
}

/** PostgreSQL takes at most 65,535 parameters a statement; batches also stay below a few megabytes of PDFs. */
const maxParameters = 30_000;
const maxBatchBytes = 8 * 1024 * 1024;
const maxListed = 20;

const plural = (count: number, one: string, many: string) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

function listed(problems: readonly string[]): string {
  const shown = problems.slice(0, maxListed).map((problem) => `\n- ${problem}`).join('');
  return problems.length > maxListed ? `${shown}\n… and ${problems.length - maxListed} more` : shown;
}

function checkMigrations(source: CopySource): void {
  const applied = new Set(source.migrations());
  const missing = migrationNames.filter((name) => !applied.has(name));
  const unknown = [...applied].filter((name) => !migrationNames.includes(name));
  if (unknown.length > 0) {
    throw new CopyRefused(`the source was written by a newer Sigill (migrations ${unknown.join(', ')} are unknown to this one): copy it with that version.`);
  }
  if (missing.length > 0) {
    const names = missing.join(', ');
    throw new CopyRefused(`the source's tables are from an older Sigill (migrations ${names} not applied): start this version on it once, stop it, then copy.`);
  }
}

/**
 * A source whose audit chain or sealed documents do not verify is refused. The copy is
 * byte-for-byte, so the break would travel with it and audit:verify would report it on the target
 * too; but a copy that reported success would hand the operator a new database that fails its first
 * audit with nothing to say the fault came before the move. Refusing keeps the source as the
 * evidence, names what is wrong, and writes nothing.
 */
async function checkSource(source: CopySource, fingerprints: string[], say: (line: string) => void): Promise<void> {
  const chain = await verifyAudit(source.db, fingerprints);
  if (!chain.ok) {
    const problems = chain.problems.map((problem: AuditProblem) => `${problem.kind}: ${problem.message}`);
    const counted = `${plural(problems.length, 'problem', 'problems')} in ${plural(chain.events, 'event', 'events')}`;
    throw new CopyRefused(
      `the source's audit chain does not verify (${counted}); a copy would carry the break into the new database as if it had held:${listed(problems)}\n` +
        'Investigate it on the source (npm run audit:verify) before moving the installation.',
    );
  }
  const sealed = await verifySealedDocuments(source.db);
  if (sealed.problems.length > 0) throw new CopyRefused(`sealed documents in the source do not match their recorded hashes:${listed(sealed.problems)}`);
  const documents = plural(sealed.checked, 'sealed document matches its', 'sealed documents match their');
  const anchors = plural(chain.anchors, 'anchor', 'anchors');
  say(`The source's audit chain verifies (${plural(chain.events, 'event', 'events')}, ${anchors}); ${documents} recorded hash.`);
}

async function reachable(db: Kysely<Database>): Promise<void> {
  try {
    await allTargetTableNames(db);
  } catch (error) {
    throw new CopyRefused(`the target database cannot be reached: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** The target must be a database with no rows in it: no tables at all, or Sigill's tables empty. */
async function checkTargetEmpty(db: Kysely<Database>, sigillTables: ReadonlySet<string>): Promise<void> {
  const names = await allTargetTableNames(db);
  const foreign = names.filter((name) => !sigillTables.has(name) && !migratorTables.has(name));
  if (foreign.length > 0) {
    throw new CopyRefused(`the target database is not empty: it holds tables Sigill does not make (${foreign.join(', ')}). Give it an empty database.`);
  }
  const filled: string[] = [];
  for (const name of names) if (!migratorTables.has(name) && (await hasRows(db, name))) filled.push(name);
  if (filled.length > 0) {
    const have = filled.length === 1 ? 'has rows' : 'have rows';
    throw new CopyRefused(`the target database is not empty: ${filled.join(', ')} already ${have}. The copy only writes into an empty database.`);
  }
}

/** After the migrations both sides must have the same tables with the same columns. */
function matchTables(source: TableShape[], target: TableShape[]): void {
  const targetByName = new Map(target.map((table) => [table.name, table]));
  const problems: string[] = [];
  for (const table of source) {
    const other = targetByName.get(table.name);
    if (!other) {
      problems.push(`${table.name} is in the source only`);
      continue;
    }
    const missing = table.columns.filter((column) => !other.columns.includes(column));
    const extra = other.columns.filter((column) => !table.columns.includes(column));
    if (missing.length > 0 || extra.length > 0) {
      problems.push(`${table.name}: columns differ (source only: ${missing.join(', ') || 'none'}; target only: ${extra.join(', ') || 'none'})`);
    }
  }
  for (const table of target) if (!source.some((other) => other.name === table.name)) problems.push(`${table.name} is in the target only`);
  if (problems.length > 0) throw new CopyFailed(`the source's tables do not match the ones Sigill made on the target:${listed(problems)}`);
}

function rowBytes(row: readonly unknown[]): number {
  let bytes = 0;
  for (const value of row) bytes += value instanceof Uint8Array ? value.byteLength : typeof value === 'string' ? value.length : 8;
  return bytes;
}

/**
 * SQLite stores U+0000 in text and PostgreSQL refuses it, with a message that names no row; an
 * installation from before Sigill refused it at input may hold one. Says which row and column.
 */
function nulCharacterIn(table: TableShape, batch: readonly unknown[][], before: number): string | null {
  const idColumn = table.columns.indexOf('id');
  for (const [index, row] of batch.entries()) {
    const column = row.findIndex((value) => typeof value === 'string' && value.includes('\u0000'));
    if (column < 0) continue;
    const which = idColumn >= 0 ? `the row with id ${String(row[idColumn])}` : `row ${before + index + 1}`;
    return `${table.columns[column]} of ${which} holds the character U+0000, which PostgreSQL does not store in text; remove it in the source and copy again`;
  }
  return null;
}

/** Large tables say how far they are now and then. */
const progressEvery = 100_000;

type Say = (line: string) => void;

async function copyTable(trx: Kysely<Database>, source: CopySource, table: TableShape, plan: Plan, say: Say): Promise<number> {
  const maxRows = Math.max(1, Math.floor(maxParameters / table.columns.length));
  const parent = plan.parents.get(table.name) ?? null;
  let batch: unknown[][] = [];
  let bytes = 0;
  let copied = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const stray = strayTypedValue(table, plan.typed.get(table.name), batch, copied);
    if (stray) throw new CopyFailed(`copying ${table.name} (rows ${copied + 1}–${copied + batch.length}) stopped: ${stray}`);
    try {
      await insertRows(trx, table, batch);
    } catch (error) {
      const reason = nulCharacterIn(table, batch, copied) ?? (error instanceof Error ? error.message : String(error));
      throw new CopyFailed(`copying ${table.name} (rows ${copied + 1}–${copied + batch.length}) failed: ${reason}`, { cause: error });
    }
    const reached = copied + batch.length;
    if (Math.floor(reached / progressEvery) > Math.floor(copied / progressEvery)) say(`  ${table.name}: ${plural(reached, 'row', 'rows')} so far…`);
    copied += batch.length;
    batch = [];
    bytes = 0;
  };
  for (const row of source.rows(table, parent)) {
    batch.push(row);
    bytes += rowBytes(row);
    if (batch.length >= maxRows || bytes >= maxBatchBytes) await flush();
  }
  await flush();
  return copied;
}

interface Plan {
  order: TableShape[];
  parents: Map<string, SelfReference>;
  counts: Map<string, number>;
  /** The target's boolean and timestamptz columns, by table. */
  typed: Map<string, Map<string, TypedKind>>;
}

/** Copies every table in order, then checks on the target, inside the same transaction, before it commits. */
async function copyAndVerify(trx: Kysely<Database>, source: CopySource, plan: Plan, fingerprints: string[], say: Say): Promise<CopyResult> {
  let rows = 0;
  for (const table of plan.order) {
    const started = Date.now();
    const copied = await copyTable(trx, source, table, plan, say);
    rows += copied;
    say(`  ${table.name}: ${plural(copied, 'row', 'rows')} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  const mismatched: string[] = [];
  for (const table of plan.order) {
    const expected = plan.counts.get(table.name)!;
    const found = await countRows(trx, table.name);
    if (found !== expected) mismatched.push(`${table.name}: ${plural(expected, 'row', 'rows')} in the source, ${found.toLocaleString('en-GB')} on the target`);
  }
  if (mismatched.length > 0) throw new CopyFailed(`row counts differ after the copy:${listed(mismatched)}`);
  const chain = await verifyAudit(trx, fingerprints);
  if (!chain.ok) {
    const problems = chain.problems.map((problem) => `${problem.kind}: ${problem.message}`);
    throw new CopyFailed(`the audit chain does not verify on the target:${listed(problems)}`);
  }
  const sealed = await verifySealedDocuments(trx);
  if (sealed.problems.length > 0) throw new CopyFailed(`sealed documents on the target do not match their recorded hashes:${listed(sealed.problems)}`);
  const sequences = await advanceSequences(trx);
  const documents = plural(sealed.checked, 'sealed document matches its', 'sealed documents match their');
  const tables = plural(plan.order.length, 'table', 'tables');
  say(`Verified on the target: row counts equal in ${tables}; the audit chain verifies (${plural(chain.events, 'event', 'events')}); ${documents} hash.`);
  return { dataDir: source.dataDir, tables: plan.order.length, rows, events: chain.events, sealedDocuments: sealed.checked, sequences };
}

/**
 * Copies a SQLite installation into an empty PostgreSQL database: checks the source (its
 * migrations, audit chain, sealed documents) and that the target is empty, runs the migrations on
 * the target, then copies every table in foreign-key order and verifies in one transaction. Only
 * INSERTs are made, so the append-only triggers (which refuse UPDATE and DELETE) stay as they are.
 */
export async function copyInstallation(options: CopyOptions): Promise<CopyResult> {
  let source: CopySource;
  try {
    source = openCopySource(options.from);
  } catch (error) {
    throw new CopyRefused(`the source cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const target = openPostgres(options.to);
  try {
    checkMigrations(source);
    const tables = source.tables();
    if (tables.some((table) => table.name === filesTable)) {
      throw new CopyRefused(
        `${source.file} is a backup made by npm run backup: restore it into an empty data folder (npm run restore), ` +
          'which also puts back the seal, and copy from that folder.',
      );
    }
    const counts = new Map(tables.map((table) => [table.name, source.count(table.name)]));
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    options.say(`Source: ${source.file}, ${plural(tables.length, 'table', 'tables')}, ${plural(total, 'row', 'rows')}.`);
    const fingerprints = await options.sealFingerprints(source.dataDir);
    await checkSource(source, fingerprints, options.say);
    await reachable(target.db);
    await checkTargetEmpty(target.db, new Set(tables.map((table) => table.name)));
    options.say(`Target: ${target.location} is empty; making Sigill's tables there.`);
    await migrateToLatest(target.db);
    const made = await targetTables(target.db);
    matchTables(tables, made);
    const keys = await foreignKeys(target.db);
    const byName = new Map(tables.map((table) => [table.name, table]));
    const order = foreignKeyOrder([...byName.keys()], keys).map((name) => byName.get(name)!);
    const selfReferences = keys.filter((key) => key.table === key.references);
    const parents = new Map(selfReferences.map((key) => [key.table, { column: key.column, references: key.referencedColumn }]));
    options.say(`Copying ${plural(order.length, 'table', 'tables')} in one transaction:`);
    const typed = await typedColumns(target.db);
    return await target.db.transaction().execute((trx) => copyAndVerify(trx, source, { order, parents, counts, typed }, fingerprints, options.say));
  } finally {
    await source.close();
    await target.close();
  }
}
