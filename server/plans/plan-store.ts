import type { Kysely, Selectable } from 'kysely';
import type { Database, PlanItemsTable } from '../db/schema';
import type { OrganisationTree } from '../organisations/organisation-tree';
import { needsReassessment } from '../../scoring/classification/catalog-versions';
import type { PlanItem } from './plan-schemas';
import { assessedAgainst } from './sync-plan';

/** The organisation's default "hur" per requirement, nearest organisation first. */
export async function defaultHurFor(db: Kysely<Database>, tree: OrganisationTree, organisationId: string): Promise<Map<string, string>> {
  const chain = tree.selfAndAncestors(organisationId);
  const rows = await db.selectFrom('requirement_defaults').select(['organisation_id', 'requirement_id', 'hur']).where('organisation_id', 'in', chain).execute();
  const byRequirement = new Map<string, string>();
  for (const organisation of chain.toReversed()) {
    for (const row of rows) if (row.organisation_id === organisation) byRequirement.set(row.requirement_id, row.hur);
  }
  return byRequirement;
}

export function toPlanItem(row: Selectable<PlanItemsTable>, defaults: ReadonlyMap<string, string>): PlanItem {
  const inherited = row.source === 'classification' ? defaults.get(row.source_key) : undefined;
  return {
    id: row.id,
    assetId: row.asset_id,
    source: row.source,
    sourceKey: row.source_key,
    assessmentId: row.assessment_id,
    title: row.title,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    applicable: row.applicable === 1,
    status: row.status,
    statusMotivation: row.status_motivation,
    riskDecidedBy: row.risk_decided_by,
    riskDecidedOn: row.risk_decided_on,
    riskValidUntil: row.risk_valid_until,
    ansvarig: row.ansvarig,
    priority: row.priority,
    plannedDate: row.planned_date,
    hur: row.central_hur ?? row.hur ?? inherited ?? null,
    hurSource: row.central_hur !== null ? 'central' : row.hur !== null ? 'item' : inherited !== undefined ? 'organisation' : null,
    fulfilledCentrally: row.central_hur !== null,
    evidenceUrl: row.evidence_url,
    comment: row.comment,
    revision: row.revision,
    updatedAt: row.updated_at,
    requirementVersion: row.requirement_version,
    assessedAgainst: assessedAgainst(row),
    needsReassessment: row.requirement_version !== null && needsReassessment(row.status, assessedAgainst(row), { id: row.source_key, version: row.requirement_version }),
    replacedBy: row.replaced_by ? (JSON.parse(row.replaced_by) as string[]) : [],
  };
}

export async function planOfAsset(db: Kysely<Database>, tree: OrganisationTree, asset: { id: string; organisationId: string }): Promise<PlanItem[]> {
  const rows = await db.selectFrom('plan_items').selectAll().where('asset_id', '=', asset.id).orderBy('applicable', 'desc').orderBy('source').orderBy('source_key').execute();
  const defaults = await defaultHurFor(db, tree, asset.organisationId);
  return rows.map((row) => toPlanItem(row, defaults));
}

/** The asset a plan item belongs to, for the permission check; undefined for no such item. */
export async function assetOfPlanItem(db: Kysely<Database>, itemId: string): Promise<string | undefined> {
  return (await db.selectFrom('plan_items').select('asset_id').where('id', '=', itemId).executeTakeFirst())?.asset_id;
}
