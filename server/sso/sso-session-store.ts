import type { Kysely, Transaction } from 'kysely';
import type { Database, SsoSessionsTable } from '../db/schema';

/** What an IdP logout needs of the login behind a Sigill session (the ID token hint, or the SAML NameID and session index). */
export type IdpSession = Omit<SsoSessionsTable, 'session_token_hash'>;

export async function saveIdpSession(db: Kysely<Database>, sessionTokenHash: string, session: IdpSession): Promise<void> {
  await db.insertInto('sso_sessions').values({ session_token_hash: sessionTokenHash, ...session }).execute();
}

export async function findIdpSession(db: Kysely<Database>, sessionTokenHash: string): Promise<IdpSession | undefined> {
  return db.selectFrom('sso_sessions').select(['provider_id', 'id_token', 'name_id', 'name_id_format', 'session_index'])
    .where('session_token_hash', '=', sessionTokenHash).executeTakeFirst();
}

/**
 * Ends the Sigill sessions an IdP's logout names: those of this provider for the NameID, and only
 * the one login when the IdP names its session index. Returns the accounts whose sessions ended.
 */
export async function endIdpSessions(trx: Transaction<Database>, providerId: string, nameId: string, sessionIndex: string | undefined): Promise<string[]> {
  let query = trx.selectFrom('sso_sessions').innerJoin('sessions', 'sessions.token_hash', 'sso_sessions.session_token_hash')
    .select(['sso_sessions.session_token_hash', 'sessions.user_id'])
    .where('sso_sessions.provider_id', '=', providerId).where('sso_sessions.name_id', '=', nameId);
  if (sessionIndex) query = query.where('sso_sessions.session_index', '=', sessionIndex);
  const ended = await query.execute();
  if (ended.length > 0) await trx.deleteFrom('sessions').where('token_hash', 'in', ended.map((row) => row.session_token_hash)).execute();
  return [...new Set(ended.map((row) => row.user_id))];
}
