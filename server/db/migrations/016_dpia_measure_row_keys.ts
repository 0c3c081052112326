import type { Kysely } from 'kysely';

const rowIdKey = '_rowId';

interface Tables {
  plan_items: { id: string; source: string; source_key: string; assessment_id: string };
  assessments: { id: string; answers: string };
}

/**
 * A DPIA measure's plan item was keyed by the measure's position (`atgarder[0]`), so deleting the
 * first measure handed its item, status and history to the second. Items are now keyed by the
 * row's own id (`atgarder[<_rowId>]`); this gives existing items the key of the row they were made
 * from. A row stored without an id gets `legacy-<position>`, the id the application gives such a
 * row when it first reads it. Written out here rather than imported, so the migration stays as it ran.
 */
export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as unknown as Kysely<Tables>;
  const items = await db.selectFrom('plan_items').select(['id', 'source_key', 'assessment_id']).where('source', '=', 'dpia').execute();
  const answersOf = new Map<string, Record<string, unknown>>();
  for (const item of items) {
    const match = /^(.+)\[(\d+)\]$/.exec(item.source_key);
    if (!match) continue;
    const [, list, position] = match as unknown as [string, string, string];
    if (!answersOf.has(item.assessment_id)) {
      const row = await db.selectFrom('assessments').select('answers').where('id', '=', item.assessment_id).executeTakeFirst();
      answersOf.set(item.assessment_id, row ? (JSON.parse(row.answers) as Record<string, unknown>) : {});
    }
    const rows = answersOf.get(item.assessment_id)![list];
    const entry = Array.isArray(rows) ? (rows[Number(position)] as Record<string, unknown> | undefined) : undefined;
    const id = entry?.[rowIdKey];
    const rowId = typeof id === 'string' ? id : `legacy-${position}`;
    await db.updateTable('plan_items').set({ source_key: `${list}[${rowId}]` }).where('id', '=', item.id).execute();
  }
}
