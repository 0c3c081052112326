import type { Kysely } from 'kysely';
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
