import type { Context } from 'hono';
import type { AppEnv } from '../app-context';
import { setSessionCookie } from '../auth/session-cookie';
import { createSession, findSession } from '../auth/sessions';
import { type IdpSession, saveIdpSession } from './sso-session-store';

/**
 * A Sigill session after a single sign-on, made by the same function as a password login, plus
 * the IdP session behind it for logout; the cookie is the one every login sets.
 */
export async function startSsoSession(c: Context<AppEnv>, userId: string, idpSession: IdpSession): Promise<void> {
  const { db } = c.get('deps').database;
  const session = await createSession(db, userId);
  const stored = await findSession(db, session.token);
  if (stored) await saveIdpSession(db, stored.tokenHash, idpSession);
  setSessionCookie(c, session.token);
}
