import { createHash } from 'node:crypto';
import { appendAuditEvent } from '../audit/audit-log';
import { refreshClassificationStatus } from '../assets/refresh-classification-status';
import type { WriteTransaction } from '../db/transaction';
import { syncPlanItems } from '../plans/sync-plan';
import { applyCentralFulfilment } from '../templates/central-fulfilment';
import { assessmentKinds } from './assessment-kinds';
import type { Assessment } from './assessment-store';
import type { ScoredAssessment } from './scored-assessment';

/**
 * What follows every stored score, in the same transaction: the plan in step, the asset's
 * status and profile, and an audit event when the levels moved.
 */
export async function afterScored(
  trx: WriteTransaction,
  assessment: Pick<Assessment, 'id' | 'assetId' | 'organisationId' | 'kind'>,
  scored: ScoredAssessment,
  actorUserId: string,
  previous: { summary: string | null; planHash: string | null },
): Promise<void> {
  const source = assessmentKinds[assessment.kind].planSource;
  // The scorer builds entries in a fixed key order, so plain JSON is a stable fingerprint here.
  const planHash = createHash('sha256').update(JSON.stringify(scored.plan)).digest('hex');
  if (source && planHash !== previous.planHash) {
    await syncPlanItems(trx, assessment.assetId, source, assessment.id, scored.plan);
    // New items an adopted template's central owner fulfils arrive fulfilled centrally.
    if (source === 'classification') await applyCentralFulfilment(trx, assessment.assetId);
    await trx.updateTable('assessments').set({ plan_hash: planHash }).where('id', '=', assessment.id).execute();
  }
  if (assessment.kind === 'classification') await refreshClassificationStatus(trx, assessment.assetId);
  if (previous.summary !== scored.summary) {
    await appendAuditEvent(trx, {
      actorUserId,
      organisationId: assessment.organisationId,
      assetId: assessment.assetId,
      action: 'assessment.result_changed',
      entityType: 'assessment',
      entityId: assessment.id,
      payload: { from: previous.summary, to: scored.summary },
    });
  }
}
