import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { createRouter, type AppEnv } from '../app-context';
import { appendAuditEvent } from '../audit/audit-log';
import { requirePrincipal } from '../auth/access';
import { hashPassword, unusablePasswordHash, verifyPassword } from '../auth/password';
import { assertAcceptablePassword, passwordRules } from '../auth/password-policy';
import { enforceLimits } from '../auth/rate-limit-middleware';
import { limits, loginLimits } from '../auth/rate-limiter';
import { roles } from '../auth/roles';
import { setSessionCookie } from '../auth/session-cookie';
import { createSession, deleteSession, deleteUserSessions, sessionCookieName } from '../auth/sessions';
import { AppError } from '../errors';
import { clientAddress } from '../proxy/request-origin';
import { findUserByEmail, membershipsWithNames, normaliseEmail, passwordHashOf, setPasswordHash } from '../users/user-store';
import { errorResponses } from './error-responses';
import { withTransaction } from '../db/transaction';

const sessionSchema = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
    memberships: z.array(z.object({ organisationId: z.string(), organisationName: z.string(), role: z.enum(roles) })),
    csrfToken: z.string().openapi({ description: 'Send as X-CSRF-Token on every POST, PUT, PATCH and DELETE' }),
  })
  .openapi('Session');

const passwordSchema = z.string().min(passwordRules.minLength, `at least ${passwordRules.minLength} characters`).max(passwordRules.maxLength);

async function sessionBody(c: Context<AppEnv>, user: { id: string; email: string; name: string }, csrfToken: string) {
  return { user: { id: user.id, email: user.email, name: user.name }, memberships: await membershipsWithNames(c.get('deps').database.db, user.id), csrfToken };
}

const login = createRoute({
  method: 'post',
  path: '/login',
  tags: ['auth'],
  summary: 'Log in with e-mail and password; sets the session cookie',
  request: {
    body: { required: true, content: { 'application/json': { schema: z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(passwordRules.maxLength) }).strict() } } },
  },
  responses: {
    200: { description: 'Logged in', content: { 'application/json': { schema: sessionSchema } } },
    ...errorResponses(400, 401, 415, 429),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['auth'],
  summary: 'End the current session',
  responses: { 204: { description: 'Logged out' }, ...errorResponses(401, 403) },
});

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'The logged-in user, their roles and the CSRF token',
  responses: { 200: { description: 'The session', content: { 'application/json': { schema: sessionSchema } } }, ...errorResponses(401) },
});

const changePassword = createRoute({
  method: 'post',
  path: '/password',
  tags: ['auth'],
  summary: 'Change the own password; every session of the user ends and this one continues under a new token and CSRF token',
  request: {
    body: { required: true, content: { 'application/json': { schema: z.object({ currentPassword: z.string().min(1).max(passwordRules.maxLength), newPassword: passwordSchema }).strict() } } },
  },
  responses: {
    200: { description: 'Changed; the new session (cookie set anew)', content: { 'application/json': { schema: sessionSchema } } },
    ...errorResponses(400, 401, 403, 415, 429),
  },
});

export const authRoutes = createRouter()
  .openapi(login, async (c) => {
    const { db } = c.get('deps').database;
    const body = c.req.valid('json');
    const email = normaliseEmail(body.email);
    const address = clientAddress(c);
    // Counted before the password is checked: parallel guesses each take a count, none slips past the limit.
    await enforceLimits(c, loginLimits(email, address));
    const user = await findUserByEmail(db, email);
    // Verify even for an unknown account, so timing does not reveal which e-mails exist.
    const valid = await verifyPassword(body.password, user?.password_hash ?? (await unusablePasswordHash()));
    if (!user || !valid || user.is_active !== 1) {
      // What was typed is kept only when it names an account: a password typed into the e-mail field must not live on in the log.
      const known = user ? { entityId: user.id, email: user.email } : { entityId: 'unknown', email: 'unknown' };
      await withTransaction(db, (trx) => appendAuditEvent(trx, { actorUserId: null, action: 'auth.login_failed', entityType: 'user', entityId: known.entityId, payload: { email: known.email, address } }));
      throw new AppError('invalid_credentials', 'Wrong e-mail or password');
    }
    await c.get('deps').rateLimiter.loginSucceeded(email, address);
    // The session and the event that records it commit together.
    const session = await withTransaction(db, async (trx) => {
      const created = await createSession(trx, user.id);
      await appendAuditEvent(trx, { actorUserId: user.id, action: 'auth.login', entityType: 'user', entityId: user.id, payload: { address } });
      return created;
    });
    setSessionCookie(c, session.token);
    return c.json(await sessionBody(c, user, session.csrfToken), 200);
  })
  .openapi(logout, async (c) => {
    requirePrincipal(c);
    const session = c.get('session')!;
    await deleteSession(c.get('deps').database.db, session.tokenHash);
    deleteCookie(c, sessionCookieName, { path: '/' });
    return c.body(null, 204);
  })
  .openapi(me, async (c) => {
    const principal = requirePrincipal(c);
    return c.json(await sessionBody(c, { id: principal.userId, email: principal.email, name: principal.name }, c.get('session')!.csrfToken), 200);
  })
  .openapi(changePassword, async (c) => {
    const principal = requirePrincipal(c);
    const { db } = c.get('deps').database;
    const body = c.req.valid('json');
    await enforceLimits(c, [[limits.passwordCheckPerUser, principal.userId]]);
    const currentHash = await passwordHashOf(db, principal.userId);
    if (!currentHash || !(await verifyPassword(body.currentPassword, currentHash))) {
      throw new AppError('forbidden', 'The current password is wrong', [{ field: 'body.currentPassword', message: 'does not match' }]);
    }
    await c.get('deps').rateLimiter.reset(limits.passwordCheckPerUser, principal.userId);
    await assertAcceptablePassword(body.newPassword, 'body.newPassword', { email: principal.email, currentPassword: body.currentPassword });
    const passwordHash = await hashPassword(body.newPassword);
    // Every session ends, this one too: a token someone copied before the change must not outlive it.
    const session = await withTransaction(db, async (trx) => {
      await setPasswordHash(trx, principal.userId, passwordHash);
      await deleteUserSessions(trx, principal.userId);
      await appendAuditEvent(trx, { actorUserId: principal.userId, action: 'auth.password_changed', entityType: 'user', entityId: principal.userId, payload: {} });
      return createSession(trx, principal.userId);
    });
    setSessionCookie(c, session.token);
    return c.json(await sessionBody(c, { id: principal.userId, email: principal.email, name: principal.name }, session.csrfToken), 200);
  });
