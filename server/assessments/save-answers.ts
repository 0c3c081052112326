import { createHash } from 'node:crypto';
import type { AppDeps } from '../app-context';
import { appendAuditEvent } from '../audit/audit-log';
import { AppError } from '../errors';
import { nowIso } from '../ids';
import { answersRejected } from './answer-errors';
import { assessmentKinds } from './assessment-kinds';
import { type Assessment, changedSince } from './assessment-store';
import { changedQuestions } from './changed-questions';
import { recordChanges } from './changes-store';
import { assertAuthorWritable } from './sign-off-answers';
import { afterScored } from './persist-scored';
import { assertTemplateFloor } from '../templates/template-floor-check';
import { withTransaction } from '../db/transaction';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class StaleRevisionError extends AppError {
  constructor(currentRevision: number, changed: string[]) {
    super('conflict', `Someone saved revision ${currentRevision} after yours; reload or keep your answers`, { currentRevision, changedQuestions: changed });
  }
}

/**
 * The whole-document save (imports, the demo, older clients): refused (409) unless it starts from
 * the current revision, validated and scored against the pinned form, then stored with its plan,
 * per-question change records and audit trail in one transaction, and announced to live listeners.
 * The workshop saves through applyChanges instead, which merges concurrent edits.
 */
export async function saveAnswers(deps: AppDeps, assessment: Assessment, baseRevision: number, answers: Record<string, unknown>, actorUserId: string, actorName: string): Promise<Assessment> {
  const { db } = deps.database;
  if (assessment.status !== 'utkast') {
    throw new AppError('conflict', assessment.status === 'faststalld' ? 'The assessment is fastställd and frozen; start a new round to change it' : 'The assessment is out for review; return it to utkast to change it', { status: assessment.status });
  }
  if (baseRevision !== assessment.revision) throw new StaleRevisionError(assessment.revision, await changedSince(db, assessment.id, baseRevision));
  const form = deps.forms.get(assessment.form.id, assessment.form.version);
  if (!form) throw new AppError('conflict', `The pinned form ${assessment.form.id} v${assessment.form.version} is no longer installed`);
  const outcome = assessmentKinds[assessment.kind].score(deps.forms, form, answers);
  if (!outcome.ok) throw answersRejected(outcome.errors);
  const { scored } = outcome;
  await assertTemplateFloor(db, assessment, scored.result, 'save');
  const answersText = JSON.stringify(answers);
  const changed = changedQuestions(assessment.answers, answers);
  assertAuthorWritable(form, changed, (name) => `body.answers.${name}`);
  const now = nowIso();
  await withTransaction(db, async (trx) => {
    const previous = await trx.selectFrom('assessments').select(['summary', 'plan_hash']).where('id', '=', assessment.id).executeTakeFirstOrThrow();
    const updated = await trx
      .updateTable('assessments')
      .set({ answers: answersText, result: JSON.stringify(scored.result), summary: scored.summary, missing: JSON.stringify(scored.missing), profile: scored.profile ? JSON.stringify(scored.profile) : null, revision: baseRevision + 1, updated_at: now })
      .where('id', '=', assessment.id)
      .where('revision', '=', baseRevision)
      .where('status', '=', 'utkast')
      // The answers were scored against the form as read before this transaction: a catalog move may have repinned the round
      // since (it keeps the revision, not the time), and storing that score would put the plan back on the old catalog.
      .where('updated_at', '=', assessment.updatedAt)
      .executeTakeFirst();
    // Another save (or a repin) won the race between our read and this write.
    if (Number(updated.numUpdatedRows) === 0) {
      const current = await trx.selectFrom('assessments').select('revision').where('id', '=', assessment.id).executeTakeFirstOrThrow();
      throw new StaleRevisionError(current.revision, await changedSince(trx, assessment.id, baseRevision));
    }
    await trx.insertInto('assessment_revisions').values({ assessment_id: assessment.id, revision: baseRevision + 1, changed: JSON.stringify(changed), saved_by: actorUserId, saved_at: now }).execute();
    // Kept per question like the change endpoint's, so a later change to one of them sees this write.
    const records = changed.map((name) => ({ op: { op: 'set' as const, path: [name] as const, value: answers[name] }, previous: assessment.answers[name], next: answers[name] }));
    await recordChanges(trx, assessment.id, baseRevision + 1, records, actorUserId, now);
    await appendAuditEvent(trx, {
      actorUserId,
      organisationId: assessment.organisationId,
      assetId: assessment.assetId,
      action: 'assessment.answers_saved',
      entityType: 'assessment',
      entityId: assessment.id,
      // The hash of the text as stored: what the audit vouches for is exactly what the database holds.
      payload: { revision: baseRevision + 1, changed, answersSha256: sha256(answersText) },
    });
    await afterScored(trx, assessment, scored, actorUserId, { summary: previous.summary, planHash: previous.plan_hash });
  });
  deps.live.publish(assessment.id, {
    type: 'change',
    data: { revision: baseRevision + 1, clientId: null, by: { id: actorUserId, name: actorName }, at: now, ops: changed.map((name) => ({ op: 'set', path: [name], value: answers[name] ?? null })), result: scored.result, missing: scored.missing, summary: scored.summary },
  });
  // Built from what was just written rather than read back: the result is large and parsing it costs.
  return { ...assessment, answers, result: scored.result as Record<string, unknown>, summary: scored.summary, missing: scored.missing, revision: baseRevision + 1, updatedAt: now };
}
