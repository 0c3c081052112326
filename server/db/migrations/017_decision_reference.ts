import type { Kysely } from 'kysely';

/**
 * Where a decision rests: the delegation it was taken under (a nämnd's delegationsordning, point
 * and number) and the case's diarienummer, both optional and printed on the protocol's first page.
 * Plain nullable text on the approval that records the decision, so both dialects store them alike.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('approvals').addColumn('delegation', 'text').execute();
  await db.schema.alterTable('approvals').addColumn('diarienummer', 'text').execute();
}
