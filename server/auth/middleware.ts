import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../app-context';
import { AppError } from '../errors';
import { publicOrigin } from '../proxy/request-origin';
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
  if (origin && origin !== publicOrigin(c)) {
    throw new AppError('csrf_failed', 'Cross-site request refused', [{ field: 'header.origin', message: `${origin} is not this site` }]);
  }
  const session = c.get('session');
  if (session && c.req.header('x-csrf-token') !== session.csrfToken) {
    throw new AppError('csrf_failed', 'Missing or wrong CSRF token', [{ field: 'header.x-csrf-token', message: 'must be the csrfToken from /api/auth/me' }]);
  }
  return next();
};

/** The import routes, which take their file as a multipart form (and a larger body, see app.ts). */
export const importUploadPath = /^\/api\/organisations\/[^/]+\/imports(\/preview)?$/;

/**
 * The few routes whose body is a file rather than JSON, with the one media type each accepts.
 * Declared here, next to the rule they are the exception to, so the exceptions stay visible.
 */
export const fileBodyRoutes: readonly { method: string; path: RegExp; type: RegExp; name: string }[] = [
  { method: 'POST', path: /^\/api\/verify$/, type: /^application\/pdf\s*(;|$)/i, name: 'application/pdf' },
  { method: 'POST', path: importUploadPath, type: /^multipart\/form-data\s*;/i, name: 'multipart/form-data' },
];

/** A body on an unsafe request must be JSON (or a listed route's file type); anything else is 415, before any parsing. */
export const jsonBodiesOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  const hasBody = c.req.header('content-length') !== undefined ? c.req.header('content-length') !== '0' : c.req.header('transfer-encoding') !== undefined;
  const type = c.req.header('content-type') ?? '';
  const fileRoute = fileBodyRoutes.find((route) => route.method === c.req.method && route.path.test(c.req.path));
  const accepted = fileRoute ? fileRoute.type.test(type) : /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type);
  if (unsafeMethods.has(c.req.method) && (type ? !accepted : hasBody)) {
    const expected = fileRoute?.name ?? 'application/json';
    throw new AppError('unsupported_media_type', `Send the body as ${expected}`, [{ field: 'header.content-type', message: `got ${type || 'nothing'}` }]);
  }
  return next();
};
