import type { AppDeps } from '../app-context';
import { appendAuditEvent } from '../audit/audit-log';
import { AppError } from '../errors';
import { nowIso } from '../ids';
import { applyCentralFulfilment } from './central-fulfilment';
import { diffTemplateVersions } from './template-diff';
import { adoptionOfAsset, findVersion } from './template-store';
import { withTransaction } from '../db/transaction';

/**
 * The local owner has reviewed "mallen har ändrats": the adoption now rests on the newer version,
 * whose levels are the floor from here on and whose centrally fulfilled requirements replace the old.
 */
export async function reviewTemplateRevision(deps: AppDeps, asset: { id: string; organisationId: string }, statement: string, actorUserId: string): Promise<void> {
  const { db } = deps.database;
  const adoption = await adoptionOfAsset(db, asset.id);
  if (!adoption) throw new AppError('not_found', 'The asset rests on no template');
  if (!adoption.pendingVersionId) throw new AppError('conflict', 'The template has not changed since it was last reviewed');
  const [from, to] = [await findVersion(db, adoption.templateVersionId), await findVersion(db, adoption.pendingVersionId)];
  const diff = diffTemplateVersions(from!, to!);
  await withTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('template_adoptions')
      .set({ template_version_id: adoption.pendingVersionId!, pending_version_id: null, reviewed_at: nowIso() })
      .where('id', '=', adoption.id)
      .where('pending_version_id', '=', adoption.pendingVersionId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('conflict', 'The adoption changed meanwhile; reload it');
    await applyCentralFulfilment(trx, asset.id);
    await appendAuditEvent(trx, {
      actorUserId,
      organisationId: asset.organisationId,
      assetId: asset.id,
      action: 'template.revision_reviewed',
      entityType: 'template_adoption',
      entityId: adoption.id,
      payload: { statement, fromVersion: diff.fromVersion, toVersion: diff.toVersion, diff },
    });
  });
}
