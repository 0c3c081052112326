import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Counts one attempt in a single statement and returns the count including it: two requests at the
 * same moment get two different counts, so parallel attempts cannot all see "under the limit".
 * A window that has ended starts again at 1.
 */
export async function countAttempt(db: Kysely<Database>, key: string, windowMs: number, now = new Date()): Promise<{ points: number; resetsAt: string }> {
  const nowText = now.toISOString();
  const row = await db
    .insertInto('rate_limits')
    .values({ key, points: 1, resets_at: new Date(now.getTime() + windowMs).toISOString() })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({
        points: sql<number>`case when rate_limits.resets_at <= ${nowText} then 1 else rate_limits.points + 1 end`,
        resets_at: sql<string>`case when rate_limits.resets_at <= ${nowText} then excluded.resets_at else rate_limits.resets_at end`,
      }),
    )
    .returning(['points', 'resets_at'])
    .executeTakeFirstOrThrow();
  return { points: row.points, resetsAt: row.resets_at };
}

/** Gives back one attempt, e.g. for a login that succeeded. */
export async function uncountAttempt(db: Kysely<Database>, key: string): Promise<void> {
  await db.updateTable('rate_limits').set({ points: sql<number>`case when points > 0 then points - 1 else 0 end` }).where('key', '=', key).execute();
}

export async function clearAttempts(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

export async function deleteEndedWindows(db: Kysely<Database>, now = new Date()): Promise<void> {
  await db.deleteFrom('rate_limits').where('resets_at', '<=', now.toISOString()).execute();
}
