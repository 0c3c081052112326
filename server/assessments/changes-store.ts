import type { Kysely, Transaction } from 'kysely';
import type { AnswerOp, AnswerPath } from '../../scoring/survey/answer-ops';
import { opPath, pathKey } from '../../scoring/survey/answer-ops';
import type { Database } from '../db/schema';

/** A path's newest change: the revision it was made in, by whom and when. */
export interface LastChange {
  revision: number;
  changedBy: { id: string; name: string };
  changedAt: string;
}

export interface StoredChange {
  op: AnswerOp;
  previous: unknown;
  next: unknown;
}

export interface ChangeRecord {
  revision: number;
  path: AnswerPath;
  op: AnswerOp['op'];
  previousValue: unknown;
  newValue: unknown;
  changedBy: { id: string; name: string };
  changedAt: string;
}

function jsonOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

function parsed(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

/**
 * The newest change to each of the given paths, counting a whole-question write (the old
 * whole-document save records those) as a change to every field of its rows too.
 */
export async function lastChanges(db: Kysely<Database> | Transaction<Database>, assessmentId: string, paths: readonly AnswerPath[]): Promise<Map<string, LastChange>> {
  const keys = new Set<string>();
  for (const path of paths) {
    keys.add(pathKey(path));
    keys.add(pathKey([path[0]]));
  }
  if (keys.size === 0) return new Map();
  // The newest row per path through a correlated max, which SQLite and PostgreSQL both accept.
  const rows = await db
    .selectFrom('assessment_changes as c')
    .innerJoin('users', 'users.id', 'c.changed_by')
    .select(['c.path', 'c.revision', 'c.changed_by', 'users.name', 'c.changed_at'])
    .where('c.assessment_id', '=', assessmentId)
    .where('c.path', 'in', [...keys])
    .where('c.revision', '=', (eb) =>
      eb.selectFrom('assessment_changes as n').select((inner) => inner.fn.max('n.revision').as('newest')).whereRef('n.assessment_id', '=', 'c.assessment_id').whereRef('n.path', '=', 'c.path'),
    )
    .execute();
  const byKey = new Map(rows.map((row) => [row.path, { revision: Number(row.revision), changedBy: { id: row.changed_by, name: row.name }, changedAt: row.changed_at }]));
  const result = new Map<string, LastChange>();
  for (const path of paths) {
    const own = byKey.get(pathKey(path));
    const whole = path.length > 1 ? byKey.get(pathKey([path[0]])) : undefined;
    const newest = own && whole ? (own.revision >= whole.revision ? own : whole) : (own ?? whole);
    if (newest) result.set(pathKey(path), newest);
  }
  return result;
}

/** Records the changes of one revision, in the order they were applied. */
export async function recordChanges(trx: Transaction<Database>, assessmentId: string, revision: number, changes: readonly StoredChange[], userId: string, at: string): Promise<void> {
  if (changes.length === 0) return;
  await trx
    .insertInto('assessment_changes')
    .values(
      changes.map((change, seq) => ({
        assessment_id: assessmentId,
        revision,
        seq,
        path: pathKey(opPath(change.op)),
        op: change.op.op,
        previous_value: jsonOrNull(change.previous),
        new_value: jsonOrNull(change.next),
        changed_by: userId,
        changed_at: at,
      })),
    )
    .execute();
}

/** Every change since a revision, oldest first: the history a client catches up with or a reader rebuilds from. */
export async function changesSince(db: Kysely<Database>, assessmentId: string, revision: number, limit: number): Promise<ChangeRecord[]> {
  const rows = await db
    .selectFrom('assessment_changes')
    .innerJoin('users', 'users.id', 'assessment_changes.changed_by')
    .select(['revision', 'path', 'op', 'previous_value', 'new_value', 'changed_by', 'users.name', 'changed_at'])
    .where('assessment_id', '=', assessmentId)
    .where('revision', '>', revision)
    .orderBy('revision')
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    revision: row.revision,
    path: JSON.parse(row.path) as AnswerPath,
    op: row.op,
    previousValue: parsed(row.previous_value),
    newValue: parsed(row.new_value),
    changedBy: { id: row.changed_by, name: row.name },
    changedAt: row.changed_at,
  }));
}
