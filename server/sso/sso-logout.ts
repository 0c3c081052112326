import { withTransaction } from '../db/transaction';
import type { AppDeps } from '../app-context';
import { appendAuditEvent } from '../audit/audit-log';
import { deleteSession } from '../auth/sessions';
import { oidcLogoutUrl } from './oidc-login';
import { findProvider, type IdentityProvider } from './provider-store';
import { samlLogoutUrl } from './saml-login';
import { endIdpSessions, findIdpSession } from './sso-session-store';

/**
 * Ends a Sigill session; after a single sign-on also returns where the browser should go to end
 * the IdP's session (OIDC RP-initiated logout or SAML single logout), when the IdP offers it.
 */
export async function endSession(deps: AppDeps, sessionTokenHash: string): Promise<string | undefined> {
  const { db } = deps.database;
  const idpSession = await findIdpSession(db, sessionTokenHash);
  await deleteSession(db, sessionTokenHash);
  const provider = idpSession ? await findProvider(db, deps.config.dataDir, idpSession.provider_id) : undefined;
  if (!provider || !idpSession) return undefined;
  return provider.protocol === 'oidc' ? oidcLogoutUrl(deps, provider, idpSession.id_token) : samlLogoutUrl(deps, provider, idpSession);
}

/** The IdP's own logout: the sessions it names end, each account's in the audit trail. */
export async function endSessionsForIdp(deps: AppDeps, provider: IdentityProvider, nameId: string, sessionIndex: string | undefined): Promise<void> {
  await withTransaction(deps.database.db, async (trx) => {
    for (const userId of await endIdpSessions(trx, provider.id, nameId, sessionIndex)) {
      await appendAuditEvent(trx, {
        actorUserId: userId, organisationId: provider.organisationId, action: 'sso.logged_out_by_idp', entityType: 'user', entityId: userId,
        payload: { providerId: provider.id },
      });
    }
  });
}
