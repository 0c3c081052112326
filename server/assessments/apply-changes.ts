import { withTransaction } from '../db/transaction';
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { type AnswerOp, type AnswerPath, applyOp, opPath, pathKey, rowExists, rowIdsOf, sameValue, valueAt, withRowIds } from '../../scoring/survey/answer-ops';
import type { AppDeps } from '../app-context';
import { appendAuditEvent } from '../audit/audit-log';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { nowIso } from '../ids';
import { assertTemplateFloor } from '../templates/template-floor-check';
import { answersRejected } from './answer-errors';
import { assessmentKinds } from './assessment-kinds';
import type { AssessmentHead } from './assessment-store';
import { type LastChange, lastChanges, recordChanges, type StoredChange } from './changes-store';
import { afterScored, storedProfile } from './persist-scored';
import { assertAuthorWritable } from './sign-off-answers';
import type { ScoredAssessment } from './scored-assessment';

/** A change as the client sends it: for a set, the revision in which the sender last saw that question. */
export type ClientOp = AnswerOp & { base?: number | undefined };

export interface Actor {
  userId: string;
  name: string;
}

/** One refused change: the sender's value and the stored one, and who stored it when. */
export interface ChangeConflict {
  path: AnswerPath;
  yours: unknown;
  stored: unknown;
  rowRemoved: boolean;
  changedBy: { id: string; name: string } | null;
  changedAt: string | null;
  revision: number | null;
}

export interface ChangesOutcome {
  revision: number;
  /** The row order, by id, of each list whose rows this change inserted, removed or moved: clients adopt it, so all converge. */
  order: Record<string, string[]>;
  applied: { path: AnswerPath; revision: number }[];
  result: Record<string, unknown> | null;
  missing: { field: string; message: string }[];
  summary: string | null;
  updatedAt: string;
}

/** The outcome and its JSON, as the route sends it. */
export interface AppliedChanges {
  outcome: ChangesOutcome;
  json: string;
}

/**
 * The reply as JSON with the result spliced in as the text just stored: the result is most of the
 * reply, and serialising it a second time for each keystroke was a measurable part of the cost.
 */
function withResultText(reply: ChangesOutcome, resultText: string): string {
  const { result: _result, ...rest } = reply;
  return `${JSON.stringify(rest).slice(0, -1)},"result":${resultText}}`;
}

export class ChangeConflictError extends AppError {
  constructor(currentRevision: number, conflicts: ChangeConflict[]) {
    super('conflict', 'Someone else changed the same question after you saw it; nothing was saved, choose which answer to keep', { currentRevision, conflicts });
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Applies the batch in order. A set is refused only when the same question changed after the
 * revision its sender saw and now holds another value; a change to a field of a removed row is
 * refused too, so the text stays with its writer. Rows the batch itself inserts count as present.
 */
function applyAll(answers: Record<string, unknown>, ops: readonly ClientOp[], last: Map<string, LastChange>): { answers: Record<string, unknown>; changes: StoredChange[]; conflicts: ChangeConflict[] } {
  let current = answers;
  const changes: StoredChange[] = [];
  const conflicts: ChangeConflict[] = [];
  for (const clientOp of ops) {
    const { base, ...op } = clientOp;
    const path = opPath(op);
    const previous = valueAt(current, path);
    if (op.op === 'set') {
      const rowRemoved = op.path.length === 3 && !rowExists(current, op.path[0], op.path[1]);
      const newest = last.get(pathKey(op.path));
      const changedSince = newest !== undefined && newest.revision > (base ?? 0);
      if (rowRemoved || (changedSince && !sameValue(previous, op.value))) {
        conflicts.push({
          path: op.path,
          yours: op.value,
          stored: previous ?? null,
          rowRemoved,
          changedBy: newest?.changedBy ?? null,
          changedAt: newest?.changedAt ?? null,
          revision: newest?.revision ?? null,
        });
        continue;
      }
    }
    const next = applyOp(current, op);
    const after = valueAt(next, path);
    const moved = op.op === 'move' && next !== current;
    if (!moved && sameValue(previous, after)) continue;
    changes.push({ op, previous, next: after });
    current = next;
  }
  return { answers: current, changes, conflicts };
}

function rowOrders(answers: Record<string, unknown>, changes: readonly StoredChange[]): Record<string, string[]> {
  const lists = new Set(changes.filter((change) => change.op.op !== 'set').map((change) => opPath(change.op)[0]));
  return Object.fromEntries([...lists].map((list) => [list, rowIdsOf(answers, list)]));
}

function changedNames(changes: readonly StoredChange[]): string[] {
  return [...new Set(changes.map((change) => opPath(change.op)[0]))].sort();
}

async function loadForChange(trx: Transaction<Database>, assessmentId: string) {
  const row = await trx
    .selectFrom('assessments')
    .select(['status', 'revision', 'updated_at', 'form_id', 'form_version', 'answers', 'result', 'summary', 'missing', 'profile', 'plan_hash'])
    .where('id', '=', assessmentId)
    .executeTakeFirstOrThrow();
  if (row.status !== 'utkast') {
    throw new AppError('conflict', row.status === 'faststalld' ? 'The assessment is fastställd and frozen; start a new round to change it' : 'The assessment is out for review; return it to utkast to change it', { status: row.status });
  }
  return { ...row, form: { id: row.form_id, version: row.form_version }, answers: withRowIds(JSON.parse(row.answers) as Record<string, unknown>) };
}

/** The score as stored, serialised once: the same text is compared, written and sent back. */
function scoreTexts(scored: ScoredAssessment) {
  return { result: JSON.stringify(scored.result), missing: JSON.stringify(scored.missing), profile: storedProfile(scored), summary: scored.summary };
}

/**
 * Scores against the form the round is pinned to as read in the transaction, never as the route read it before: a catalog
 * move may repin an open round in between, and a score (and plan) of the old form would then undo the move.
 */
function score(deps: AppDeps, kind: AssessmentHead['kind'], pinned: { id: string; version: number }, answers: Record<string, unknown>): ScoredAssessment {
  const form = deps.forms.get(pinned.id, pinned.version);
  if (!form) throw new AppError('conflict', `The pinned form ${pinned.id} v${pinned.version} is no longer installed`);
  const outcome = assessmentKinds[kind].score(deps.forms, form, answers);
  if (!outcome.ok) throw answersRejected(outcome.errors);
  return outcome.scored;
}

/**
 * Applies a client's changes to the stored answers in one transaction: refuses the batch (409,
 * both values) if any set meets a newer change to the same question, otherwise merges it with
 * whatever others changed, validates and scores against the pinned form, records each change and
 * announces it to everyone on the assessment.
 */
export async function applyChanges(deps: AppDeps, assessment: AssessmentHead, ops: readonly ClientOp[], actor: Actor, clientId: string | null): Promise<AppliedChanges> {
  const at = nowIso();
  const outcome = await withTransaction(deps.database.db, async (trx) => {
    const stored = await loadForChange(trx, assessment.id);
    const last = await lastChanges(trx, assessment.id, ops.filter((op) => op.op === 'set').map((op) => op.path));
    const { answers, changes, conflicts } = applyAll(stored.answers, ops, last);
    if (conflicts.length > 0) throw new ChangeConflictError(stored.revision, conflicts);
    // Nothing to store: the reply tells what is stored now, as this transaction read it.
    if (changes.length === 0) return { revision: stored.revision, changes, scored: null, unchanged: { missing: JSON.parse(stored.missing) as AssessmentHead['missing'], summary: stored.summary, updatedAt: stored.updated_at }, order: {} };
    assertAuthorWritable(deps.forms.get(stored.form.id, stored.form.version), changedNames(changes), (name) => `body.ops.${ops.findIndex((op) => opPath(op)[0] === name)}`);
    const scored = score(deps, assessment.kind, stored.form, answers);
    await assertTemplateFloor(trx, assessment, scored.result, 'save');
    const revision = stored.revision + 1;
    const answersText = JSON.stringify(answers);
    const texts = scoreTexts(scored);
    // Most keystrokes leave the score as it was: then the large result column is not rewritten.
    const scoreChanged = texts.result !== stored.result || texts.missing !== stored.missing || texts.profile !== stored.profile || texts.summary !== stored.summary;
    const updated = await trx
      .updateTable('assessments')
      .set({ answers: answersText, ...(scoreChanged ? texts : {}), revision, updated_at: at })
      .where('id', '=', assessment.id)
      .where('revision', '=', stored.revision)
      // A repin keeps the revision but not the time: on PostgreSQL it may commit after this transaction read the row.
      .where('updated_at', '=', stored.updated_at)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('conflict', 'The assessment changed during the save; send the change again', { currentRevision: stored.revision });
    const changed = changedNames(changes);
    await trx.insertInto('assessment_revisions').values({ assessment_id: assessment.id, revision, changed: JSON.stringify(changed), saved_by: actor.userId, saved_at: at }).execute();
    await recordChanges(trx, assessment.id, revision, changes, actor.userId, at);
    await appendAuditEvent(trx, {
      actorUserId: actor.userId,
      organisationId: assessment.organisationId,
      assetId: assessment.assetId,
      action: 'assessment.answers_saved',
      entityType: 'assessment',
      entityId: assessment.id,
      payload: { revision, changed, answersSha256: sha256(answersText) },
    });
    await afterScored(trx, assessment, scored, actor.userId, { summary: stored.summary, planHash: stored.plan_hash, profile: stored.profile, scoreUnchanged: !scoreChanged });
    return { revision, changes, scored, resultText: texts.result, updatedAt: at, order: rowOrders(answers, changes) };
  });
  const applied = outcome.changes.map((change) => ({ path: opPath(change.op), revision: outcome.revision }));
  if (outcome.scored) {
    const { scored } = outcome;
    deps.live.publish(assessment.id, {
      type: 'change',
      data: {
        revision: outcome.revision,
        clientId,
        by: { id: actor.userId, name: actor.name },
        at,
        ops: outcome.changes.map((change) => change.op),
        order: outcome.order,
        result: scored.result,
        missing: scored.missing,
        summary: scored.summary,
      },
    });
    const reply = { revision: outcome.revision, order: outcome.order, applied, result: scored.result as Record<string, unknown>, missing: scored.missing, summary: scored.summary, updatedAt: at };
    return { outcome: reply, json: withResultText(reply, outcome.resultText) };
  }
  const reply = { revision: outcome.revision, order: {}, applied, result: null, ...outcome.unchanged };
  return { outcome: reply, json: JSON.stringify(reply) };
}
