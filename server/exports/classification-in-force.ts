import { type ActionPlan, buildActionPlan } from '../../scoring/classification/action-plan';
import type { Classification } from '../../scoring/classification/classification-types';
import type { AppDeps } from '../app-context';
import { usedContent } from '../assessments/used-content';
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
 * The stored result names the plan's requirements only; their texts come from the catalog version
 * the classification's form is pinned to, which never changes.
 */
export async function classificationInForce(deps: Pick<AppDeps, 'database' | 'forms'>, assetId: string): Promise<ClassificationInForce> {
  const row = await deps.database.db
    .selectFrom('assessments')
    .select(['id', 'round', 'decided_at', 'result', 'form_id', 'form_version'])
    .where('asset_id', '=', assetId)
    .where('kind', '=', 'classification')
    .where('status', '=', 'faststalld')
    .orderBy('round', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row?.result || !row.decided_at) throw new AppError('conflict', 'The asset has no fastställd classification yet');
  const form = deps.forms.get(row.form_id, row.form_version);
  if (!form) throw new AppError('conflict', `The classification's form ${row.form_id} v${row.form_version} is no longer installed`);
  const { classification } = JSON.parse(row.result) as { classification: Classification };
  const actionPlan = buildActionPlan(usedContent(deps.forms, form, 'requirement-catalog'), classification);
  return { assessmentId: row.id, round: row.round, decidedAt: row.decided_at, classification, actionPlan };
}
