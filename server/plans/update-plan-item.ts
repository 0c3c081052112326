import type { Selectable, Updateable } from 'kysely';
import type { AppDeps } from '../app-context';
import { appendAuditEvent } from '../audit/audit-log';
import type { PlanItemsTable } from '../db/schema';
import { AppError, type ErrorDetail } from '../errors';
import { nowIso } from '../ids';
import { planItemState, recordPlanEvent } from './plan-history';
import { refreshPlanTallies } from './plan-tally-store';
import type { PlanItemPatch } from './plan-schemas';
import { withTransaction } from '../db/transaction';

const columns = {
  status: 'status',
  statusMotivation: 'status_motivation',
  riskDecidedBy: 'risk_decided_by',
  riskDecidedOn: 'risk_decided_on',
  riskValidUntil: 'risk_valid_until',
  ansvarig: 'ansvarig',
  priority: 'priority',
  plannedDate: 'planned_date',
  hur: 'hur',
  evidenceUrl: 'evidence_url',
  comment: 'comment',
} as const satisfies Record<Exclude<keyof PlanItemPatch, 'baseRevision'>, keyof PlanItemsTable>;

/** What the central owner decides for a centrally fulfilled requirement: its status and how it is met. */
const centrallySetFields = ['status', 'statusMotivation', 'riskDecidedBy', 'riskDecidedOn', 'riskValidUntil', 'hur'] as const;

/** The rules of the självskattning, checked on the item as it would be after the change. */
function statusProblems(item: Selectable<PlanItemsTable>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (item.status === 'ej_tillampligt' && !item.status_motivation) problems.push({ field: 'body.statusMotivation', message: 'Ej tillämpligt needs a motivation' });
  if (item.status === 'risk_accepterad') {
    if (!item.risk_decided_by) problems.push({ field: 'body.riskDecidedBy', message: 'Risk accepterad needs the decision maker' });
    if (!item.risk_decided_on) problems.push({ field: 'body.riskDecidedOn', message: 'Risk accepterad needs the decision date' });
    if (!item.risk_valid_until) problems.push({ field: 'body.riskValidUntil', message: 'Risk accepterad needs a validity date' });
    else if (item.risk_decided_on && item.risk_valid_until <= item.risk_decided_on) problems.push({ field: 'body.riskValidUntil', message: 'must be after the decision date' });
  }
  return problems;
}

export async function updatePlanItem(deps: AppDeps, item: Selectable<PlanItemsTable>, patch: PlanItemPatch, actor: { userId: string; organisationId: string }): Promise<void> {
  if (patch.baseRevision !== item.revision) {
    throw new AppError('conflict', `The item was changed by someone else (now revision ${item.revision}); reload it`, { currentRevision: item.revision });
  }
  const centralFields = centrallySetFields.filter((key) => patch[key] !== undefined);
  if (item.central_hur !== null && centralFields.length > 0) {
    throw new AppError('conflict', `The requirement is fulfilled centrally by the adopted template’s owner; ${centralFields.join(', ')} cannot be changed locally`, { fulfilledCentrally: true, fields: centralFields.map((key) => `body.${key}`) });
  }
  const set: Updateable<PlanItemsTable> = {};
  const changed: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns) as [keyof typeof columns, (typeof columns)[keyof typeof columns]][]) {
    if (patch[key] === undefined) continue;
    Object.assign(set, { [column]: patch[key] });
    changed[key] = patch[key];
  }
  // Setting a status is a judgement against the requirement as it now reads: it clears "bedöm igen".
  if (patch.status !== undefined && item.requirement_version !== null) set.assessed_against = JSON.stringify([{ id: item.source_key, version: item.requirement_version }]);
  const problems = statusProblems({ ...item, ...set } as Selectable<PlanItemsTable>);
  if (problems.length > 0) throw new AppError('validation_failed', problems.map((problem) => problem.message).join('; '), problems);
  await withTransaction(deps.database.db, async (trx) => {
    const updated = await trx
      .updateTable('plan_items')
      .set({ ...set, revision: item.revision + 1, updated_at: nowIso() })
      .where('id', '=', item.id)
      .where('revision', '=', item.revision)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('conflict', 'The item was changed meanwhile; reload it');
    await refreshPlanTallies(trx, item.asset_id);
    await recordPlanEvent(trx, { id: item.id, assetId: item.asset_id }, 'edited', planItemState(item), planItemState({ ...item, ...set } as Selectable<PlanItemsTable>), actor.userId);
    await appendAuditEvent(trx, { actorUserId: actor.userId, organisationId: actor.organisationId, assetId: item.asset_id, action: 'plan_item.updated', entityType: 'plan_item', entityId: item.id, payload: { requirement: item.source_key, changed } });
  });
}
