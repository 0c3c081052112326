import type { AppDeps } from '../app-context';
import type { Assessment } from '../assessments/assessment-store';
import { startAssessment } from '../assessments/start-assessment';
import { appendAuditEvent } from '../audit/audit-log';
import { AppError } from '../errors';
import { newId, nowIso } from '../ids';
import { applyCentralFulfilment } from './central-fulfilment';
import { adoptionOfAsset, type TemplateVersion } from './template-store';

/** The central workshop's own session (date, participants, leader, note-taker): the local one records its own. */
const centralSessionKeys = ['workshop_datum', 'deltagare', 'workshopledare', 'antecknare'];

/**
 * Creates the local asset's classification from a template version: its answers and profile start
 * from the template's, the central requirements arrive fulfilled centrally, and the adoption records
 * which version the local classification rests on.
 */
export async function adoptTemplate(deps: AppDeps, asset: { id: string; organisationId: string; archivedAt: string | null }, version: TemplateVersion, actorUserId: string): Promise<Assessment> {
  if (asset.archivedAt) throw new AppError('conflict', 'The asset is archived; restore it first');
  const { db } = deps.database;
  const existing = await adoptionOfAsset(db, asset.id);
  if (existing) throw new AppError('conflict', 'The asset already rests on a template; review its changes instead of adopting again', { templateId: existing.templateId });
  const answers = Object.fromEntries(Object.entries(version.answers).filter(([key]) => !centralSessionKeys.includes(key)));
  return startAssessment(deps, asset, 'classification', actorUserId, {
    answers,
    within: async (trx, assessmentId) => {
      const id = newId();
      await trx.insertInto('template_adoptions').values({ id, template_id: version.templateId, template_version_id: version.id, asset_id: asset.id, adopted_by: actorUserId, adopted_at: nowIso() }).execute();
      await applyCentralFulfilment(trx, asset.id);
      await appendAuditEvent(trx, {
        actorUserId,
        organisationId: asset.organisationId,
        assetId: asset.id,
        action: 'template.adopted',
        entityType: 'template_adoption',
        entityId: id,
        payload: { templateId: version.templateId, versionId: version.id, version: version.version, assessmentId, profile: version.profileText },
      });
    },
  });
}
