import { appendAuditEvent } from '../audit/audit-log';
import type { WriteTransaction } from '../db/transaction';
import { assetPatchFromProtocol } from './asset-answers';
import { findAssetFacts, updateAsset } from './asset-store';

/**
 * When a classification is fastställd, the asset record follows its protocol where the two differ
 * (name, type, description, owners, suppliers, hosting), in the same transaction as the decision,
 * with an event in the asset's history that names each field before and after.
 */
export async function followProtocol(
  trx: WriteTransaction,
  assessment: { id: string; assetId: string; organisationId: string; answers: Record<string, unknown> },
  actorUserId: string,
): Promise<void> {
  const facts = await findAssetFacts(trx, assessment.assetId);
  if (!facts) return;
  const { patch, changes } = assetPatchFromProtocol(assessment.answers, facts);
  if (Object.keys(changes).length === 0) return;
  await updateAsset(trx, assessment.assetId, patch);
  await appendAuditEvent(trx, {
    actorUserId,
    organisationId: assessment.organisationId,
    assetId: assessment.assetId,
    action: 'asset.updated_from_protocol',
    entityType: 'asset',
    entityId: assessment.assetId,
    payload: { assessmentId: assessment.id, changes },
  });
}
