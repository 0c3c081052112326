import type { Answers } from './validate-answers';

/**
 * Answers as a sequence of small changes, shared by the browser and the server so both apply a
 * change the same way. Rows of a dynamic list (a paneldynamic's panels, a matrixdynamic's rows) are
 * addressed by a stable id kept in the row itself, never by position: two people adding or
 * removing rows at once would otherwise write into each other's rows.
 */
export const rowIdKey = '_rowId';

/** A question at the top level, or one field of one row of a dynamic list. */
export type AnswerPath = readonly [question: string] | readonly [list: string, rowId: string, field: string];

export type AnswerOp =
  | { op: 'set'; path: AnswerPath; value: unknown }
  | { op: 'insert'; list: string; rowId: string; after: string | null; value?: Record<string, unknown> | undefined }
  | { op: 'remove'; list: string; rowId: string }
  | { op: 'move'; list: string; rowId: string; after: string | null };

/** The path a change is kept and compared under: a row op counts as a change of that row. */
export function opPath(op: AnswerOp): AnswerPath {
  return op.op === 'set' ? op.path : [op.list, op.rowId, rowIdKey];
}

export function pathKey(path: AnswerPath): string {
  return JSON.stringify(path);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A dynamic list's value: an array whose items are all objects (checkbox answers are arrays of scalars). */
export function isRowList(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.length > 0 && value.every(isRecord);
}

/**
 * An id derived from a row's position, so every reader agrees on it without having seen the others: the id a row saved
 * before rows had ids gets, and the id of a row the form draws by itself before anyone stored one (the first panel).
 */
export function legacyRowId(index: number): string {
  return `legacy-${index}`;
}

/** Whether every reader may give this row the same id on their own (see legacyRowId), so an insert of it can meet one already stored. */
export function isLegacyRowId(rowId: string): boolean {
  return /^legacy-\d+$/.test(rowId);
}

/**
 * The answers with an id on every row of every dynamic list; rows that have one keep it. Returns
 * the same object when nothing was missing, so a caller can tell whether ids were added.
 */
export function withRowIds(answers: Answers, newId: (index: number) => string = legacyRowId): Answers {
  let changed = false;
  const result: Answers = { ...answers };
  for (const [name, value] of Object.entries(answers)) {
    if (!isRowList(value) || value.every((row) => typeof row[rowIdKey] === 'string')) continue;
    changed = true;
    result[name] = value.map((row, index) => (typeof row[rowIdKey] === 'string' ? row : { ...row, [rowIdKey]: newId(index) }));
  }
  return changed ? result : answers;
}

function rowsOf(answers: Answers, list: string): Record<string, unknown>[] {
  const value = answers[list];
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function indexOfRow(rows: readonly Record<string, unknown>[], rowId: string): number {
  return rows.findIndex((row) => row[rowIdKey] === rowId);
}

/** Position after the named row; a row that is gone (someone removed it) means the end. */
function positionAfter(rows: readonly Record<string, unknown>[], after: string | null): number {
  if (after === null) return 0;
  const index = indexOfRow(rows, after);
  return index < 0 ? rows.length : index + 1;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The stored value at a path; undefined when unanswered or the row is gone. */
export function valueAt(answers: Answers, path: AnswerPath): unknown {
  if (path.length === 1) return answers[path[0]];
  const row = rowsOf(answers, path[0]).find((entry) => entry[rowIdKey] === path[1]);
  if (!row) return undefined;
  return path[2] === rowIdKey ? row : row[path[2]];
}

/** The ids of a list's rows, in order. */
export function rowIdsOf(answers: Answers, list: string): string[] {
  return rowsOf(answers, list).map((row) => String(row[rowIdKey]));
}

/**
 * The list's rows in the given order of ids; rows the order does not name (added here, not yet
 * stored) keep their relative order after them.
 */
export function inRowOrder(answers: Answers, list: string, order: readonly string[]): Answers {
  const rows = rowsOf(answers, list);
  const position = new Map(order.map((id, index) => [id, index]));
  const sorted = rows
    .map((row, index) => ({ row, index, at: position.get(String(row[rowIdKey])) ?? order.length + index }))
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.row);
  return sorted.every((row, index) => row === rows[index]) ? answers : { ...answers, [list]: sorted };
}

export function rowExists(answers: Answers, list: string, rowId: string): boolean {
  return indexOfRow(rowsOf(answers, list), rowId) >= 0;
}

function setAt(answers: Answers, path: AnswerPath, value: unknown): Answers {
  if (path.length === 1) {
    const next = { ...answers };
    if (isEmpty(value)) delete next[path[0]];
    else next[path[0]] = value;
    return next;
  }
  const [list, rowId, field] = path;
  const rows = rowsOf(answers, list);
  const index = indexOfRow(rows, rowId);
  // A field of a row someone removed: the removal stands, the change has nowhere to go.
  if (index < 0) return answers;
  const row = { ...rows[index] };
  if (isEmpty(value)) delete row[field];
  else row[field] = value;
  return { ...answers, [list]: rows.with(index, row) };
}

/**
 * Applies one change. Row operations merge with anyone else's: inserting a row that exists, or
 * removing or moving one that is gone, changes nothing, so replaying a change is harmless.
 */
export function applyOp(answers: Answers, op: AnswerOp): Answers {
  if (op.op === 'set') return setAt(answers, op.path, op.value);
  const rows = rowsOf(answers, op.list);
  const index = indexOfRow(rows, op.rowId);
  if (op.op === 'insert') {
    if (index >= 0) return answers;
    const row = { ...op.value, [rowIdKey]: op.rowId };
    return { ...answers, [op.list]: rows.toSpliced(positionAfter(rows, op.after), 0, row) };
  }
  if (index < 0) return answers;
  const without = rows.toSpliced(index, 1);
  if (op.op === 'remove') {
    const next = { ...answers };
    if (without.length === 0) delete next[op.list];
    else next[op.list] = without;
    return next;
  }
  if (op.after === op.rowId) return answers;
  return { ...answers, [op.list]: without.toSpliced(positionAfter(without, op.after), 0, rows[index]!) };
}

export function applyOps(answers: Answers, ops: readonly AnswerOp[]): Answers {
  return ops.reduce(applyOp, answers);
}

/** Equal answers: JSON has no cycles and SurveyJS builds values in a fixed key order, but compare key-order-free anyway. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return false;
}

function withoutRowId(row: Record<string, unknown>): Record<string, unknown> {
  const { [rowIdKey]: _id, ...fields } = row;
  return fields;
}

function idsOf(rows: readonly Record<string, unknown>[]): string[] {
  return rows.map((row) => String(row[rowIdKey]));
}

function listOps(list: string, before: readonly Record<string, unknown>[], after: readonly Record<string, unknown>[]): AnswerOp[] {
  const ops: AnswerOp[] = [];
  const afterIds = idsOf(after);
  const beforeById = new Map(before.map((row) => [String(row[rowIdKey]), row]));
  for (const id of idsOf(before)) if (!afterIds.includes(id)) ops.push({ op: 'remove', list, rowId: id });
  // Rows both sides hold, in the new order, and whether their relative order changed.
  const kept = afterIds.filter((id) => beforeById.has(id));
  const keptBefore = idsOf(before).filter((id) => afterIds.includes(id));
  const reordered = kept.some((id, index) => keptBefore[index] !== id);
  after.forEach((row, index) => {
    const id = afterIds[index]!;
    const previousId = index === 0 ? null : afterIds[index - 1]!;
    const old = beforeById.get(id);
    if (!old) {
      ops.push({ op: 'insert', list, rowId: id, after: previousId, value: withoutRowId(row) });
      return;
    }
    if (reordered) ops.push({ op: 'move', list, rowId: id, after: previousId });
    const fields = new Set([...Object.keys(old), ...Object.keys(row)]);
    fields.delete(rowIdKey);
    for (const field of [...fields].sort()) {
      if (!sameValue(old[field], row[field])) ops.push({ op: 'set', path: [list, id, field], value: row[field] ?? null });
    }
  });
  return ops;
}

/**
 * The changes that turn one answer set into another, rows by id. Both sides must already carry
 * row ids (see withRowIds); values SurveyJS left equal produce no change.
 */
export function diffOps(before: Answers, after: Answers): AnswerOp[] {
  const ops: AnswerOp[] = [];
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const name of names) {
    const old = before[name];
    const next = after[name];
    if (sameValue(old, next)) continue;
    if (isRowList(old) || isRowList(next)) {
      ops.push(...listOps(name, isRowList(old) ? old : [], isRowList(next) ? next : []));
    } else {
      ops.push({ op: 'set', path: [name], value: next ?? null });
    }
  }
  return ops;
}
