import type { Kysely, Selectable } from 'kysely';
import type { Database, PlanItemsTable } from '../db/schema';

/** One plan item as stored, for an update that checks its revision and asset first. */
export async function findPlanItemRow(db: Kysely<Database>, id: string): Promise<Selectable<PlanItemsTable> | undefined> {
  return db.selectFrom('plan_items').selectAll().where('id', '=', id).executeTakeFirst();
}
