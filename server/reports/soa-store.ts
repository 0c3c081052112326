import type { Kysely } from 'kysely';
import type { Database, PlanItemStatus } from '../db/schema';
import type { WriteTransaction } from '../db/transaction';
import { nowIso } from '../ids';

export interface FaststalldClassificationRow {
  assetId: string;
  formId: string;
  formVersion: number;
  result: string;
}

/** Each live asset's newest fastställd classification in the organisations: the plans the statement is made from. */
export async function faststalldaClassifications(db: Kysely<Database>, organisationIds: readonly string[]): Promise<FaststalldClassificationRow[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('assessments')
    .innerJoin('assets', 'assets.id', 'assessments.asset_id')
    .select(['assessments.asset_id', 'assessments.round', 'assessments.form_id', 'assessments.form_version', 'assessments.result'])
    .where('assessments.kind', '=', 'classification')
    .where('assessments.status', '=', 'faststalld')
    .where('assets.archived_at', 'is', null)
    .where('assets.organisation_id', 'in', organisationIds)
    .orderBy('assessments.asset_id')
    .orderBy('assessments.round', 'desc')
    .execute();
  const newest = new Map<string, FaststalldClassificationRow>();
  for (const row of rows) {
    if (row.result === null || newest.has(row.asset_id)) continue;
    newest.set(row.asset_id, { assetId: row.asset_id, formId: row.form_id, formVersion: row.form_version, result: row.result });
  }
  return [...newest.values()];
}

/** Today's status of every classification plan item in the organisations, by asset and requirement. */
export async function classificationPlanStatuses(db: Kysely<Database>, organisationIds: readonly string[]): Promise<Map<string, PlanItemStatus>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('plan_items')
    .innerJoin('assets', 'assets.id', 'plan_items.asset_id')
    .select(['plan_items.asset_id', 'plan_items.source_key', 'plan_items.status'])
    .where('plan_items.source', '=', 'classification')
    .where('assets.organisation_id', 'in', organisationIds)
    .execute();
  return new Map(rows.map((row) => [planStatusKey(row.asset_id, row.source_key), row.status]));
}

export const planStatusKey = (assetId: string, requirementId: string) => `${assetId} ${requirementId}`;

export async function soaJustifications(db: Kysely<Database>, organisationId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('soa_justifications').select(['control_id', 'justification']).where('organisation_id', '=', organisationId).execute();
  return new Map(rows.map((row) => [row.control_id, row.justification]));
}

/** Writes or (with an empty text) removes the organisation's justification of one control. */
export async function saveSoaJustification(trx: WriteTransaction, organisationId: string, controlId: string, justification: string, userId: string): Promise<void> {
  if (justification === '') {
    await trx.deleteFrom('soa_justifications').where('organisation_id', '=', organisationId).where('control_id', '=', controlId).execute();
    return;
  }
  const values = { justification, updated_by: userId, updated_at: nowIso() };
  await trx
    .insertInto('soa_justifications')
    .values({ organisation_id: organisationId, control_id: controlId, ...values })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'control_id']).doUpdateSet(values))
    .execute();
}
