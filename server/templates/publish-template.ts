import type { ActionPlanSummary } from '../../scoring/classification/action-plan';
import type { Classification } from '../../scoring/classification/classification-types';
import { type LoweringPolicy, levelSnapshot } from '../../scoring/classification/template-floor';
import type { AppDeps } from '../app-context';
import type { Assessment } from '../assessments/assessment-store';
import { appendAuditEvent } from '../audit/audit-log';
import { AppError } from '../errors';
import { newId, nowIso } from '../ids';
import { type FulfilledRequirement, findVersion, latestVersion, type TemplateVersion } from './template-store';
import { withTransaction } from '../db/transaction';
import { templateKeys } from '../text/row-keys';

export interface PublishInput {
  name: string;
  description: string;
  loweringPolicy: LoweringPolicy;
  loweringApprover?: 'central' | 'local' | undefined;
  fulfilled: { requirementId: string; hur: string }[];
}

/** The fastställd result a template is published from, or a clear refusal. */
function decidedClassification(assessment: Assessment): { classification: Classification; actionPlan: ActionPlanSummary } {
  if (assessment.kind !== 'classification') throw new AppError('conflict', 'Only a classification can be published as a template');
  if (assessment.status !== 'faststalld' || !assessment.result) throw new AppError('conflict', 'Only a fastställd classification can be published as a template', { status: assessment.status });
  return assessment.result as unknown as { classification: Classification; actionPlan: ActionPlanSummary };
}

function fulfilledRequirements(input: PublishInput, plan: ActionPlanSummary): FulfilledRequirement[] {
  const titles = new Map(plan.requirements.map((requirement) => [requirement.id, requirement.title]));
  const seen = new Set<string>();
  return input.fulfilled.map((entry, index) => {
    const title = titles.get(entry.requirementId);
    if (!title) throw new AppError('validation_failed', `Requirement ${entry.requirementId} is not in the classification’s action plan`, [{ field: `body.fulfilled.${index}.requirementId`, message: 'not in the action plan' }]);
    if (seen.has(entry.requirementId)) throw new AppError('validation_failed', `Requirement ${entry.requirementId} is listed twice`, [{ field: `body.fulfilled.${index}.requirementId`, message: 'listed twice' }]);
    seen.add(entry.requirementId);
    return { requirementId: entry.requirementId, title, hur: entry.hur };
  });
}

/**
 * Publishes a fastställd central classification as a template, or as the next version of one.
 * A new version flags every adoption of the template as "mallen har ändrats" until its owner reviews it.
 */
export async function publishTemplate(deps: AppDeps, assessment: Assessment, input: PublishInput, owner: { templateId?: string; organisationId: string }, actorUserId: string): Promise<TemplateVersion> {
  const { classification, actionPlan } = decidedClassification(assessment);
  if (input.loweringPolicy === 'with_approval' && !input.loweringApprover) {
    throw new AppError('validation_failed', 'Say who approves a lowering', [{ field: 'body.loweringApprover', message: 'required when lowering is allowed with approval' }]);
  }
  const fulfilled = fulfilledRequirements(input, actionPlan);
  const { db } = deps.database;
  const versionId = newId();
  const now = nowIso();
  // The library lists and finds a template by its newest version.
  const keys = templateKeys({ name: input.name, description: input.description, informationSetNames: classification.informationSets.map((set) => set.name) });
  await withTransaction(db, async (trx) => {
    let templateId = owner.templateId;
    if (!templateId) {
      templateId = newId();
      await trx.insertInto('templates').values({ id: templateId, organisation_id: owner.organisationId, source_asset_id: assessment.assetId, created_by: actorUserId, created_at: now, ...keys }).execute();
    } else {
      await trx.updateTable('templates').set(keys).where('id', '=', templateId).execute();
    }
    const previous = await latestVersion(trx, templateId);
    const version = (previous?.version ?? 0) + 1;
    await trx
      .insertInto('template_versions')
      .values({
        id: versionId,
        template_id: templateId,
        version,
        name: input.name,
        description: input.description,
        source_assessment_id: assessment.id,
        form_id: assessment.form.id,
        form_version: assessment.form.version,
        answers: JSON.stringify(assessment.answers),
        levels: JSON.stringify(levelSnapshot(classification)),
        profile_text: classification.profile.text,
        lowering_policy: input.loweringPolicy,
        lowering_approver: input.loweringPolicy === 'never' ? null : (input.loweringApprover ?? null),
        fulfilled: JSON.stringify(fulfilled),
        published_by: actorUserId,
        published_at: now,
      })
      .execute();
    await appendAuditEvent(trx, {
      actorUserId,
      organisationId: owner.organisationId,
      assetId: assessment.assetId,
      action: 'template.published',
      entityType: 'template',
      entityId: templateId,
      payload: { versionId, version, name: input.name, sourceAssessmentId: assessment.id, profile: classification.profile.text, loweringPolicy: input.loweringPolicy, loweringApprover: input.loweringApprover ?? null, fulfilled: fulfilled.map((entry) => entry.requirementId) },
    });
    const adoptions = await trx.selectFrom('template_adoptions').innerJoin('assets', 'assets.id', 'template_adoptions.asset_id').select(['template_adoptions.id', 'template_adoptions.asset_id', 'template_adoptions.template_version_id', 'assets.organisation_id']).where('template_id', '=', templateId).execute();
    for (const adoption of adoptions) {
      await trx.updateTable('template_adoptions').set({ pending_version_id: versionId }).where('id', '=', adoption.id).execute();
      await appendAuditEvent(trx, { actorUserId, organisationId: adoption.organisation_id, assetId: adoption.asset_id, action: 'template.adoption_flagged', entityType: 'template_adoption', entityId: adoption.id, payload: { templateId, fromVersionId: adoption.template_version_id, toVersionId: versionId, version } });
    }
  });
  return (await findVersion(db, versionId))!;
}
