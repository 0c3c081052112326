import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAuditEvent } from '../audit/audit-log';
import { passwordRefusal } from '../auth/password-policy';
import { type Config, ConfigError } from '../config';
import type { Database } from '../db/schema';
import { newId, nowIso } from '../ids';
import { createUser, grantRole } from './user-store';
import { withTransaction } from '../db/transaction';

export interface BootstrapResult {
  email: string;
  /** Set only when Sigill generated the password: it is shown once and never stored in clear. */
  generatedPassword?: string;
}

/** SIGILL_ADMIN_PASSWORD meets the password policy, checked at every start before the database opens. */
export async function checkAdminPassword(config: Config): Promise<void> {
  const refusal = config.adminPassword ? await passwordRefusal(config.adminPassword, { email: config.adminEmail }) : undefined;
  if (refusal) throw new ConfigError([`SIGILL_ADMIN_PASSWORD: ${refusal}`]);
}

/**
 * On the first start with no users, creates the top organisation and its admin, so the
 * installation can be logged into at once. Never runs again once a user exists.
 */
export async function bootstrapAdmin(db: Kysely<Database>, config: Config): Promise<BootstrapResult | undefined> {
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return undefined;
  const generatedPassword = config.adminPassword ? undefined : randomBytes(12).toString('base64url');
  const password = config.adminPassword ?? generatedPassword!;
  await withTransaction(db, async (trx) => {
    const organisationId = newId();
    await trx.insertInto('organisations').values({ id: organisationId, parent_id: null, name: config.organisationName, kind: 'kommun', created_at: nowIso() }).execute();
    const userId = await createUser(trx, { email: config.adminEmail, name: 'Administratör', password });
    await grantRole(trx, userId, organisationId, 'admin');
    await appendAuditEvent(trx, { actorUserId: null, organisationId, action: 'system.bootstrap', entityType: 'user', entityId: userId, payload: { email: config.adminEmail, organisation: config.organisationName, role: 'admin' } });
  });
  return { email: config.adminEmail, ...(generatedPassword ? { generatedPassword } : {}) };
}
