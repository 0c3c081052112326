import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { nowIso } from '../ids';

export const sessionCookieName = 'sigill_session';
export const sessionHours = 12;

export interface SessionRecord {
  userId: string;
  csrfToken: string;
  tokenHash: string;
}

/** Only the token's hash is stored: a copy of the database does not log anyone in. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Kysely<Database>, userId: string): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + sessionHours * 3600_000);
  await db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), user_id: userId, csrf_token: csrfToken, created_at: nowIso(), expires_at: expiresAt.toISOString() })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function findSession(db: Kysely<Database>, token: string): Promise<SessionRecord | undefined> {
  return findSessionByHash(db, hashToken(token));
}

/** A session by the hash of its token: what a long-lived stream keeps instead of the token itself. */
export async function findSessionByHash(db: Kysely<Database>, tokenHash: string): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.user_id', 'sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('users.is_active', '=', 1)
    .executeTakeFirst();
  if (!row || row.expires_at <= nowIso()) return undefined;
  return { userId: row.user_id, csrfToken: row.csrf_token, tokenHash };
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** After a password change every session of that user ends; the one that changed it continues under a new token. */
export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', nowIso()).execute();
}
