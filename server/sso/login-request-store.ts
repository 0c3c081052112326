import type { Kysely } from 'kysely';
import type { Database, SsoLoginRequestsTable } from '../db/schema';
import { nowIso } from '../ids';

/** A login must come back within this time; Entra ID and ADFS pages with MFA fit easily. */
export const loginRequestMinutes = 10;

export interface NewLoginRequest {
  id: string;
  providerId: string;
  browserHash?: string;
  nonce?: string;
  codeVerifier?: string;
  returnTo?: string;
}

export async function saveLoginRequest(db: Kysely<Database>, request: NewLoginRequest): Promise<void> {
  const now = Date.now();
  await db.deleteFrom('sso_login_requests').where('expires_at', '<', new Date(now).toISOString()).execute();
  await db
    .insertInto('sso_login_requests')
    .values({
      id: request.id,
      provider_id: request.providerId,
      browser_hash: request.browserHash ?? null,
      nonce: request.nonce ?? null,
      code_verifier: request.codeVerifier ?? null,
      return_to: request.returnTo ?? null,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + loginRequestMinutes * 60_000).toISOString(),
    })
    .execute();
}

/** The pending, unexpired request of this provider, if any; reading it consumes nothing. */
export async function pendingLoginRequest(db: Kysely<Database>, providerId: string, id: string): Promise<SsoLoginRequestsTable | undefined> {
  return db
    .selectFrom('sso_login_requests')
    .selectAll()
    .where('id', '=', id)
    .where('provider_id', '=', providerId)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .executeTakeFirst();
}

/**
 * Marks the request used, in one statement: of two callbacks racing with the same state or
 * InResponseTo, exactly one gets the request (with the page to return to); a replay after that,
 * on any process, gets undefined.
 */
export async function consumeLoginRequest(db: Kysely<Database>, providerId: string, id: string): Promise<{ returnTo: string } | undefined> {
  const row = await db
    .updateTable('sso_login_requests')
    .set({ consumed_at: nowIso() })
    .where('id', '=', id)
    .where('provider_id', '=', providerId)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .returning('return_to')
    .executeTakeFirst();
  return row ? { returnTo: row.return_to ?? '/' } : undefined;
}
