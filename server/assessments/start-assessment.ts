import type { AppDeps } from '../app-context';
import { appendAuditEvent } from '../audit/audit-log';
import type { AssessmentKind } from '../db/schema';
import { AppError } from '../errors';
import { newId, nowIso } from '../ids';
import { assessmentKinds } from './assessment-kinds';
import { type Assessment, findAssessment, latestRound } from './assessment-store';
import { afterScored } from './persist-scored';
import { prefillFromAsset } from './prefill-from-asset';
import { prefillFromScreening } from './prefill-from-screening';
import { withRowIds } from '../../scoring/survey/answer-ops';
import { withTransaction, type WriteTransaction } from '../db/transaction';

export interface StartOptions {
  /** Answers to start from instead of the last fastställd round's (an adopted template's). */
  answers?: Record<string, unknown>;
  /** Runs last in the same transaction, with the new assessment's id (records an adoption with it). */
  within?: (trx: WriteTransaction, assessmentId: string) => Promise<void>;
}

/**
 * Starts a round of an assessment on the newest version of its kind's form. A later round starts
 * from the answers of the last fastställd one; answers the newer form no longer accepts are dropped.
 * A classification's object page is filled from the asset record where those leave it open; a
 * first DPIA starts from what a screening that required it knew.
 */
export async function startAssessment(deps: AppDeps, asset: { id: string; organisationId: string }, kind: AssessmentKind, actorUserId: string, options: StartOptions = {}): Promise<Assessment> {
  const { db } = deps.database;
  const definition = assessmentKinds[kind];
  const form = deps.forms.latest(definition.formId);
  if (!form) throw new AppError('validation_failed', `No form is installed for ${kind}`, [{ field: 'body.kind', message: `form ${definition.formId} is missing` }]);
  const id = newId();
  const now = nowIso();
  // The latest round is read inside the transaction, so two starts at once give one round and one 409.
  await withTransaction(db, async (trx) => {
    const previous = await latestRound(trx, asset.id, kind);
    if (previous && previous.status !== 'faststalld') {
      throw new AppError('conflict', `A ${kind} round is already open on this asset`, { openAssessmentId: previous.id });
    }
    const firstDpia = kind === 'dpia' && !previous && !options.answers ? await prefillFromScreening(trx, asset.id) : undefined;
    const startFrom = await prefillFromAsset(trx, asset.id, kind, options.answers ?? previous?.answers ?? firstDpia);
    // Rows carry their stable ids from the first stored revision, prefilled and carried-over rows too.
    const answers = startFrom ? withRowIds(keepAcceptedAnswers(deps, form, definition, startFrom)) : {};
    const outcome = definition.score(deps.forms, form, answers);
    if (!outcome.ok) throw new Error(`Carried-over answers still fail ${form.meta.id}: ${outcome.errors.map((error) => error.field).join(', ')}`);
    await trx
      .insertInto('assessments')
      .values({
        id,
        asset_id: asset.id,
        kind,
        form_id: form.meta.id,
        form_version: form.meta.version,
        round: (previous?.round ?? 0) + 1,
        previous_id: previous?.id ?? null,
        status: 'utkast',
        revision: 0,
        answers: JSON.stringify(answers),
        result: JSON.stringify(outcome.scored.result),
        summary: outcome.scored.summary,
        missing: JSON.stringify(outcome.scored.missing),
        profile: outcome.scored.profile ? JSON.stringify(outcome.scored.profile) : null,
        created_by: actorUserId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAuditEvent(trx, {
      actorUserId,
      organisationId: asset.organisationId,
      assetId: asset.id,
      action: 'assessment.started',
      entityType: 'assessment',
      entityId: id,
      payload: { kind, form: form.meta.id, formVersion: form.meta.version, round: (previous?.round ?? 0) + 1, previousId: previous?.id ?? null },
    });
    await afterScored(trx, { id, assetId: asset.id, organisationId: asset.organisationId, kind }, outcome.scored, actorUserId, { summary: null, planHash: null });
    await options.within?.(trx, id);
  });
  return (await findAssessment(db, id))!;
}

function keepAcceptedAnswers(deps: AppDeps, form: NonNullable<ReturnType<AppDeps['forms']['latest']>>, definition: (typeof assessmentKinds)[AssessmentKind], answers: Record<string, unknown>): Record<string, unknown> {
  const outcome = definition.score(deps.forms, form, answers);
  if (outcome.ok) return answers;
  const rejected = new Set(outcome.errors.map((error) => error.field.split(/[.[]/)[0]));
  return Object.fromEntries(Object.entries(answers).filter(([name]) => !rejected.has(name)));
}
