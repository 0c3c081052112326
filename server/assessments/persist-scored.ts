import { createHash } from 'node:crypto';
import { appendAuditEvent } from '../audit/audit-log';
import { refreshClassificationStatus } from '../assets/refresh-classification-status';
import { refreshRoundSummaries } from '../assets/round-summary-store';
import type { WriteTransaction } from '../db/transaction';
import { syncPlanItems } from '../plans/sync-plan';
import { applyCentralFulfilment } from '../templates/central-fulfilment';
import { assessmentKinds } from './assessment-kinds';
import type { Assessment } from './assessment-store';
import type { ScoredAssessment } from './scored-assessment';

/** The profile column's text for a score (classification only). */
export function storedProfile(scored: ScoredAssessment): string | null {
  return scored.profile ? JSON.stringify(scored.profile) : null;
}

/**
 * What follows every stored score, in the same transaction: the plan in step, the asset's
 * status and profile when the profile moved, and an audit event when the levels moved.
 */
export async function afterScored(
  trx: WriteTransaction,
  assessment: Pick<Assessment, 'id' | 'assetId' | 'organisationId' | 'kind'>,
  scored: ScoredAssessment,
  actorUserId: string,
  previous: { summary: string | null; planHash: string | null; profile?: string | null | undefined; scoreUnchanged?: boolean | undefined },
): Promise<void> {
  const source = assessmentKinds[assessment.kind].planSource;
  // Each kind's plan follows from its result and the pinned form (a DPIA's plan is in its result, a classification's is the pinned
  // catalog applied to the classification in its result), so a caller that found the stored score identical skips serialising it.
  if (source && !(previous.scoreUnchanged === true && previous.planHash !== null)) {
    // The scorer builds entries in a fixed key order, so plain JSON is a stable fingerprint here.
    const planHash = createHash('sha256').update(JSON.stringify(scored.plan)).digest('hex');
    if (planHash !== previous.planHash) {
      await syncPlanItems(trx, assessment.assetId, source, assessment.id, scored.plan);
      // New items an adopted template's central owner fulfils arrive fulfilled centrally.
      if (source === 'classification') await applyCentralFulfilment(trx, assessment.assetId);
      await trx.updateTable('assessments').set({ plan_hash: planHash }).where('id', '=', assessment.id).execute();
    }
  }
  // The asset's status reads this draft only through its profile (refreshReviewDates reads fastställda rounds only), and every
  // other input has its own refresh: an unchanged profile would rewrite what is there. A caller that does not know it refreshes.
  const profileMoved = previous.profile === undefined || previous.profile !== storedProfile(scored);
  if (assessment.kind === 'classification' && profileMoved) await refreshClassificationStatus(trx, assessment.assetId);
  // A screening's outcome and a DPIA's prior consultation are in the result, which any save may move.
  else if (assessment.kind !== 'classification') await refreshRoundSummaries(trx, [assessment.assetId]);
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
