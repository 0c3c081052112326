import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { nowIso } from '../ids';

/**
 * Records a SAML assertion's ID as used until it expires. The primary key makes this atomic:
 * the second use of an ID, by any process and after any restart, gets false.
 */
export async function consumeAssertion(db: Kysely<Database>, providerId: string, assertionId: string, expiresAt: string): Promise<boolean> {
  await db.deleteFrom('sso_consumed_assertions').where('expires_at', '<', nowIso()).execute();
  const result = await db
    .insertInto('sso_consumed_assertions')
    .values({ provider_id: providerId, assertion_id: assertionId, expires_at: expiresAt })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
