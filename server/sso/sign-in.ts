import { withTransaction, type WriteTransaction } from '../db/transaction';
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../app-context';
import { appendAuditEvent } from '../audit/audit-log';
import { hashPassword } from '../auth/password';
import type { Database } from '../db/schema';
import { newId } from '../ids';
import { normaliseEmail } from '../users/user-store';
import { emailOwner, insertLinkedAccount, linkedAccount, refreshLinkedAccount } from './identity-store';
import type { IdentityProvider } from './provider-store';
import { mappedRoles, syncRoles } from './role-sync';
import { SsoRefusal } from './sso-refusal';
import { trustAnchor } from './trust-anchor';

/** Who the IdP says logged in: validated by the protocol module before it gets here. */
export interface ExternalIdentity {
  issuer: string;
  subject: string;
  email: string | undefined;
  name: string | undefined;
  groups: string[];
}

const emailSchema = z.email();

/** The local password of an SSO account is random and never told to anyone: it cannot be used. */
const unknownPassword = () => hashPassword(randomBytes(32).toString('base64url'));

function usableEmail(identity: ExternalIdentity): string | undefined {
  const email = identity.email ? normaliseEmail(identity.email) : undefined;
  return email && emailSchema.safeParse(email).success ? email : undefined;
}

/** Just in time: the first login creates the account, linked by issuer and subject — never by e-mail alone. */
async function createLinkedUser(trx: WriteTransaction, provider: IdentityProvider, identity: ExternalIdentity, passwordHash: string): Promise<string> {
  const email = usableEmail(identity);
  if (!email) throw new SsoRefusal('email_missing', 'no e-mail claim or attribute');
  if (await emailOwner(trx, email)) throw new SsoRefusal('email_taken', email);
  const userId = newId();
  const name = identity.name?.trim() || email;
  await insertLinkedAccount(trx, identity, { userId, email, name, passwordHash, providerId: provider.id, trustAnchor: trustAnchor(provider) });
  await appendAuditEvent(trx, {
    actorUserId: userId, organisationId: provider.organisationId, action: 'sso.account_created', entityType: 'user', entityId: userId,
    payload: { providerId: provider.id, issuer: identity.issuer, subject: identity.subject, email },
  });
  return userId;
}

/** A name or e-mail changed at the IdP follows at the next login, unless the new e-mail belongs to another account. */
async function refreshLinkedUser(trx: Transaction<Database>, user: { id: string; email: string; name: string }, identity: ExternalIdentity, provider: IdentityProvider) {
  const email = usableEmail(identity);
  const emailFree = email !== undefined && email !== user.email && (await emailOwner(trx, email)) === undefined;
  const name = identity.name?.trim() || user.name;
  await refreshLinkedAccount(trx, identity, { userId: user.id, email: emailFree ? email : user.email, name, providerId: provider.id, trustAnchor: trustAnchor(provider) });
}

/**
 * Finds or creates the account behind an external identity, re-reads its roles from the groups
 * and records it all in the audit trail, in one transaction. Returns the account's id.
 */
export async function signIn(deps: AppDeps, provider: IdentityProvider, identity: ExternalIdentity): Promise<string> {
  const { db } = deps.database;
  const scope = (await deps.organisations.current()).selfAndDescendants(provider.organisationId);
  const wanted = mappedRoles(provider.roleMappings, identity.groups, scope);
  // scrypt is slow: hash the never-used local password outside the transaction, and only for a new account.
  const passwordHash = (await linkedAccount(db, identity)) ? undefined : await unknownPassword();
  return withTransaction(db, async (trx) => {
    const linked = await linkedAccount(trx, identity);
    if (linked && linked.is_active !== 1) throw new SsoRefusal('account_disabled', linked.email);
    // Through another provider, the same issuer and subject count only when the same anchor vouches for them
    // (the linking provider itself may have rotated its certificate: that is its admin's call).
    if (linked && linked.provider_id !== provider.id && linked.trust_anchor !== trustAnchor(provider)) {
      throw new SsoRefusal('identity_elsewhere', `${identity.issuer} ${identity.subject}`);
    }
    if (linked) await refreshLinkedUser(trx, linked, identity, provider);
    // (An identity unlinked between the two reads needs its hash made here after all.)
    const userId = linked?.id ?? (await createLinkedUser(trx, provider, identity, passwordHash ?? (await unknownPassword())));
    const { added, removed } = await syncRoles(trx, userId, scope, wanted);
    if (added.length > 0 || removed.length > 0) {
      await appendAuditEvent(trx, {
        actorUserId: null, organisationId: provider.organisationId, action: 'sso.roles_synced', entityType: 'user', entityId: userId,
        payload: { providerId: provider.id, added, removed },
      });
    }
    await appendAuditEvent(trx, {
      actorUserId: userId, organisationId: provider.organisationId, action: 'auth.login', entityType: 'user', entityId: userId,
      payload: { via: provider.protocol, providerId: provider.id },
    });
    return userId;
  });
}
