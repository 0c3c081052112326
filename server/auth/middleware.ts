import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../app-context';
import { AppError } from '../errors';
import { loadPrincipal } from './principal';
import { findSession, sessionCookieName } from './sessions';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads the session cookie, if any, into the context; routes decide whether they need it. */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, sessionCookieName);
  const db = c.get('deps').database.db;
  const session = token ? await findSession(db, token) : undefined;
  c.set('session', session);
  c.set('principal', session ? await loadPrincipal(db, session.userId) : undefined);
  await next();
};

/**
 * CSRF: an unsafe request from another origin is refused outright; a logged-in unsafe request
 * must also echo the session's token in X-CSRF-Token, which another site cannot read.
 */
export const csrfGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!unsafeMethods.has(c.req.method)) return next();
  const origin = c.req.header('origin');
  if (origin && origin !== new URL(c.req.url).origin) {
    throw new AppError('csrf_failed', 'Cross-site request refused', [{ field: 'header.origin', message: `${origin} is not this site` }]);
  }
  const session = c.get('session');
  if (session && c.req.header('x-csrf-token') !== session.csrfToken) {
    throw new AppError('csrf_failed', 'Missing or wrong CSRF token', [{ field: 'header.x-csrf-token', message: 'must be the csrfToken from /api/auth/me' }]);
  }
  return next();
};

/** A body on an unsafe request must be JSON; anything else is 415, before any parsing. */
export const jsonBodiesOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  const hasBody = c.req.header('content-length') !== undefined ? c.req.header('content-length') !== '0' : c.req.header('transfer-encoding') !== undefined;
  const type = c.req.header('content-type') ?? '';
  const isJson = /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type);
  if (unsafeMethods.has(c.req.method) && (type ? !isJson : hasBody)) {
    throw new AppError('unsupported_media_type', 'Send the body as application/json', [{ field: 'header.content-type', message: `got ${type || 'nothing'}` }]);
  }
  return next();
};
