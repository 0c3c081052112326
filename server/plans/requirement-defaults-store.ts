import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { nowIso } from '../ids';

/** The organisation's own default "hur" per requirement (not those inherited from above), by requirement id. */
export async function requirementDefaultsOf(db: Kysely<Database>, organisationId: string): Promise<{ requirementId: string; hur: string }[]> {
  const rows = await db.selectFrom('requirement_defaults').select(['requirement_id', 'hur']).where('organisation_id', '=', organisationId).orderBy('requirement_id').execute();
  return rows.map((row) => ({ requirementId: row.requirement_id, hur: row.hur }));
}

export async function setRequirementDefault(db: Kysely<Database>, organisationId: string, requirementId: string, hur: string): Promise<void> {
  await db
    .insertInto('requirement_defaults')
    .values({ organisation_id: organisationId, requirement_id: requirementId, hur, updated_at: nowIso() })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'requirement_id']).doUpdateSet({ hur, updated_at: nowIso() }))
    .execute();
}
