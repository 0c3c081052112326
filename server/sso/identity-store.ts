import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { nowIso } from '../ids';

type Db = Kysely<Database> | Transaction<Database>;

export interface IdentityKey {
  issuer: string;
  subject: string;
}

/** The account an issuer and subject are linked to, with what linked them. */
export async function linkedAccount(db: Db, key: IdentityKey) {
  return db.selectFrom('sso_identities').innerJoin('users', 'users.id', 'sso_identities.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.is_active', 'sso_identities.provider_id', 'sso_identities.trust_anchor'])
    .where('sso_identities.issuer', '=', key.issuer).where('sso_identities.subject', '=', key.subject).executeTakeFirst();
}

export async function emailOwner(db: Db, email: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst())?.id;
}

export interface NewLinkedAccount {
  userId: string;
  email: string;
  name: string;
  passwordHash: string;
  providerId: string;
  trustAnchor: string;
}

export async function insertLinkedAccount(trx: Transaction<Database>, key: IdentityKey, account: NewLinkedAccount): Promise<void> {
  const now = nowIso();
  await trx.insertInto('users')
    .values({ id: account.userId, email: account.email, name: account.name, password_hash: account.passwordHash, created_at: now, password_changed_at: now }).execute();
  await trx.insertInto('sso_identities').values({
    issuer: key.issuer, subject: key.subject, user_id: account.userId, provider_id: account.providerId, trust_anchor: account.trustAnchor, created_at: now, last_login_at: now,
  }).execute();
}

/** A login through a provider: the account's name and e-mail as the IdP now says, and the link's provider and anchor. */
export async function refreshLinkedAccount(trx: Transaction<Database>, key: IdentityKey, account: Omit<NewLinkedAccount, 'passwordHash'>): Promise<void> {
  await trx.updateTable('users').set({ email: account.email, name: account.name }).where('id', '=', account.userId).execute();
  await trx.updateTable('sso_identities').set({ last_login_at: nowIso(), provider_id: account.providerId, trust_anchor: account.trustAnchor })
    .where('issuer', '=', key.issuer).where('subject', '=', key.subject).execute();
}
