import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-context';
import { servedOverHttps } from '../proxy/request-origin';
import { sessionCookieName, sessionHours } from './sessions';

/**
 * The session cookie for every way of logging in. Secure whenever browsers reach Sigill over https,
 * which the public URL says; behind a TLS-terminating proxy the socket itself is plain http.
 */
export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, sessionCookieName, token, { httpOnly: true, sameSite: 'Lax', secure: servedOverHttps(c), path: '/', maxAge: sessionHours * 3600 });
}
