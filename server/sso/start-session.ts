import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-context';
import { createSession, findSession, sessionCookieName, sessionHours } from '../auth/sessions';
import { type IdpSession, saveIdpSession } from './sso-session-store';

/**
 * A Sigill session after a single sign-on, made by the same function as a password login, plus
 * the IdP session behind it for logout. Secure when the public URL (or the request) is https.
 */
export async function startSsoSession(c: Context<AppEnv>, userId: string, idpSession: IdpSession): Promise<void> {
  const { db } = c.get('deps').database;
  const session = await createSession(db, userId);
  const stored = await findSession(db, session.token);
  if (stored) await saveIdpSession(db, stored.tokenHash, idpSession);
  const secure = c.get('deps').config.publicUrl.startsWith('https:') || new URL(c.req.url).protocol === 'https:';
  setCookie(c, sessionCookieName, session.token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: sessionHours * 3600 });
}
