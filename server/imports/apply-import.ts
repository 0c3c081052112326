import type { Kysely } from 'kysely';
import { insertAsset, updateAsset } from '../assets/asset-store';
import { appendAuditEvent } from '../audit/audit-log';
import type { Database } from '../db/schema';
import { newId } from '../ids';
import type { ImportPlan } from './plan-import';
import { withTransaction } from '../db/transaction';

/**
 * Writes the plan's valid rows in one transaction: every created or changed asset with its audit
 * event, and one event for the import itself. Rows in error and unchanged rows write nothing, so
 * importing the same file again leaves the database exactly as it was.
 */
export async function applyImport(db: Kysely<Database>, plan: ImportPlan, context: { actorUserId: string; organisationId: string; fileName: string }): Promise<{ created: string[]; updated: string[] }> {
  const created: string[] = [];
  const updated: string[] = [];
  const writes = plan.rows.filter((row) => row.action === 'create' || row.action === 'update');
  if (writes.length === 0) return { created, updated };
  const importId = newId();
  await withTransaction(db, async (trx) => {
    for (const row of writes) {
      const input = row.input!;
      if (row.action === 'create') {
        const id = await insertAsset(trx, input);
        created.push(id);
        await appendAuditEvent(trx, { actorUserId: context.actorUserId, organisationId: input.organisationId, assetId: id, action: 'asset.created', entityType: 'asset', entityId: id, payload: { ...input, importId, line: row.line } });
      } else {
        const { organisationId, ...patch } = input;
        await updateAsset(trx, row.existingId!, patch);
        updated.push(row.existingId!);
        await appendAuditEvent(trx, { actorUserId: context.actorUserId, organisationId, assetId: row.existingId, action: 'asset.updated', entityType: 'asset', entityId: row.existingId!, payload: { ...patch, importId, line: row.line, changed: row.changes } });
      }
    }
    await appendAuditEvent(trx, {
      actorUserId: context.actorUserId,
      organisationId: context.organisationId,
      action: 'inventory.imported',
      entityType: 'import',
      entityId: importId,
      payload: { fileName: context.fileName, format: plan.format, created: created.length, updated: updated.length, unchanged: plan.summary.unchanged, rejectedLines: plan.rows.filter((row) => row.action === 'error').map((row) => row.line) },
    });
  });
  return { created, updated };
}
