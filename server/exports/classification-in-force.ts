import type { Kysely } from 'kysely';
import type { ActionPlan } from '../../scoring/classification/action-plan';
import type { Classification } from '../../scoring/classification/classification-types';
import type { Database } from '../db/schema';
import { AppError } from '../errors';

export interface ClassificationInForce {
  assessmentId: string;
  round: number;
  decidedAt: string;
  classification: Classification;
  actionPlan: ActionPlan;
}

/**
 * The asset's newest fastställd classification, as its stored (frozen) result: what exports that
 * state the asset's levels or requirements are made from. A draft is never exported as decided.
 */
export async function classificationInForce(db: Kysely<Database>, assetId: string): Promise<ClassificationInForce> {
  const row = await db
    .selectFrom('assessments')
    .select(['id', 'round', 'decided_at', 'result'])
    .where('asset_id', '=', assetId)
    .where('kind', '=', 'classification')
    .where('status', '=', 'faststalld')
    .orderBy('round', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row?.result || !row.decided_at) throw new AppError('conflict', 'The asset has no fastställd classification yet');
  const result = JSON.parse(row.result) as { classification: Classification; actionPlan: ActionPlan };
  return { assessmentId: row.id, round: row.round, decidedAt: row.decided_at, classification: result.classification, actionPlan: result.actionPlan };
}
