import { createRoute, z } from '@hono/zod-openapi';
import { organisationKinds } from '../../contract/enums';
import { createRouter } from '../app-context';
import { appendAuditEvent } from '../audit/audit-log';
import { allowedOrganisations, authorize } from '../auth/access';
import { assertAcceptablePassword, passwordRules } from '../auth/password-policy';
import { roles } from '../auth/roles';
import { AppError } from '../errors';
import { newId, nowIso } from '../ids';
import { createUser, findUserByEmail, grantRole } from '../users/user-store';
import { errorResponses } from './error-responses';
import { idParam, requiredText } from './schemas';
import { withTransaction } from '../db/transaction';


const organisationSchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    name: z.string(),
    kind: z.enum(organisationKinds),
    isCentral: z.boolean(),
    separationOfDuties: z.boolean().openapi({ description: 'Whoever sent a round for review or marked it ready may not decide it (default true)' }),
  })
  .openapi('Organisation');

const memberSchema = z
  .object({ userId: z.string(), email: z.string(), name: z.string(), role: z.enum(roles) })
  .openapi('Member');

const idOnly = z.object({ id: idParam('id') });

export const organisationRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['organisations'],
      summary: 'The organisations you can see: where you hold a role, and everything below them',
      responses: { 200: { description: 'Organisations', content: { 'application/json': { schema: z.object({ organisations: z.array(organisationSchema) }) } } }, ...errorResponses(401) },
    }),
    async (c) => {
      const visible = new Set(await allowedOrganisations(c, 'organisation.read'));
      const tree = await c.get('deps').organisations.current();
      const organisations = tree.all().filter((node) => visible.has(node.id)).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
      return c.json({ organisations }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['organisations'],
      summary: 'Create an organisation below one you administer',
      request: {
        body: {
          required: true,
          content: { 'application/json': { schema: z.object({ parentId: idParam('parentId'), name: requiredText(200), kind: z.enum(organisationKinds), isCentral: z.boolean().default(false) }).strict() } },
        },
      },
      responses: { 201: { description: 'Created', content: { 'application/json': { schema: organisationSchema } } }, ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const principal = await authorize(c, 'organisation.manage', body.parentId, 'organisation');
      const deps = c.get('deps');
      const organisation = { id: newId(), parentId: body.parentId, name: body.name, kind: body.kind, isCentral: body.isCentral, separationOfDuties: true };
      await withTransaction(deps.database.db, async (trx) => {
        await trx
          .insertInto('organisations')
          .values({ id: organisation.id, parent_id: body.parentId, name: body.name, kind: body.kind, is_central: body.isCentral ? 1 : 0, created_at: nowIso() })
          .execute();
        await appendAuditEvent(trx, { actorUserId: principal.userId, organisationId: organisation.id, action: 'organisation.created', entityType: 'organisation', entityId: organisation.id, payload: organisation });
      });
      deps.organisations.invalidate();
      return c.json(organisation, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['organisations'],
      summary: 'Rename an organisation, mark it central (it publishes normative classifications), or turn separation of duties off or on',
      request: {
        params: idOnly,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({ name: requiredText(200).optional(), isCentral: z.boolean().optional(), separationOfDuties: z.boolean().optional() }).strict(),
            },
          },
        },
      },
      responses: { 200: { description: 'Updated', content: { 'application/json': { schema: organisationSchema } } }, ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const principal = await authorize(c, 'organisation.manage', id, 'organisation');
      const deps = c.get('deps');
      await withTransaction(deps.database.db, async (trx) => {
        await trx
          .updateTable('organisations')
          .set({
            ...(body.name !== undefined ? { name: body.name } : {}),
            ...(body.isCentral !== undefined ? { is_central: body.isCentral ? 1 : 0 } : {}),
            ...(body.separationOfDuties !== undefined ? { separation_of_duties: body.separationOfDuties ? 1 : 0 } : {}),
          })
          .where('id', '=', id)
          .execute();
        await appendAuditEvent(trx, { actorUserId: principal.userId, organisationId: id, action: 'organisation.updated', entityType: 'organisation', entityId: id, payload: body });
      });
      deps.organisations.invalidate();
      const updated = (await deps.organisations.current()).get(id)!;
      return c.json(updated, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/members',
      tags: ['organisations'],
      summary: 'Who holds which role in the organisation',
      request: { params: idOnly },
      responses: { 200: { description: 'Members', content: { 'application/json': { schema: z.object({ members: z.array(memberSchema) }) } } }, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await authorize(c, 'organisation.read', id, 'organisation');
      const rows = await c
        .get('deps')
        .database.db.selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id', 'users.email', 'users.name', 'memberships.role'])
        .where('memberships.organisation_id', '=', id)
        .orderBy('users.name')
        .execute();
      return c.json({ members: rows.map((row) => ({ userId: row.id, email: row.email, name: row.name, role: row.role })) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/members',
      tags: ['organisations'],
      summary: 'Grant a role in the organisation, creating the user account if the e-mail is new',
      request: {
        params: idOnly,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  email: z.email(),
                  name: requiredText(200).optional(),
                  password: z.string().min(passwordRules.minLength, `at least ${passwordRules.minLength} characters`).max(passwordRules.maxLength).optional(),
                  role: z.enum(roles),
                })
                .strict(),
            },
          },
        },
      },
      responses: { 201: { description: 'Granted', content: { 'application/json': { schema: memberSchema } } }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const principal = await authorize(c, 'user.manage', id, 'organisation');
      const { db } = c.get('deps').database;
      const member = await withTransaction(db, async (trx) => {
        const existing = await findUserByEmail(trx, body.email);
        if (!existing && (!body.name || !body.password)) {
          throw new AppError('validation_failed', 'A new user needs a name and a password', [
            ...(!body.name ? [{ field: 'body.name', message: 'required for a new user' }] : []),
            ...(!body.password ? [{ field: 'body.password', message: 'required for a new user' }] : []),
          ]);
        }
        if (!existing) await assertAcceptablePassword(body.password!, 'body.password', { email: body.email });
        const userId = existing?.id ?? (await createUser(trx, { email: body.email, name: body.name!, password: body.password! }));
        if (!(await grantRole(trx, userId, id, body.role))) throw new AppError('conflict', 'The user already holds that role here', [{ field: 'body.role', message: 'already granted' }]);
        await appendAuditEvent(trx, { actorUserId: principal.userId, organisationId: id, action: 'membership.granted', entityType: 'user', entityId: userId, payload: { role: body.role, email: body.email } });
        const user = await trx.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', userId).executeTakeFirstOrThrow();
        return { userId: user.id, email: user.email, name: user.name, role: body.role };
      });
      return c.json(member, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/members/{userId}/{role}',
      tags: ['organisations'],
      summary: 'Revoke a role',
      request: { params: z.object({ id: idParam('id'), userId: idParam('userId'), role: z.enum(roles).openapi({ param: { name: 'role', in: 'path' } }) }) },
      responses: { 204: { description: 'Revoked' }, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { id, userId, role } = c.req.valid('param');
      const principal = await authorize(c, 'user.manage', id, 'organisation');
      const { db } = c.get('deps').database;
      await withTransaction(db, async (trx) => {
        if (role === 'admin' && userId === principal.userId) {
          throw new AppError('conflict', 'You cannot revoke your own admin role', [{ field: 'param.role', message: 'own admin role' }]);
        }
        const removed = await trx.deleteFrom('memberships').where('user_id', '=', userId).where('organisation_id', '=', id).where('role', '=', role).executeTakeFirst();
        if (Number(removed.numDeletedRows) === 0) throw new AppError('not_found', 'No such membership');
        await appendAuditEvent(trx, { actorUserId: principal.userId, organisationId: id, action: 'membership.revoked', entityType: 'user', entityId: userId, payload: { role } });
      });
      return c.body(null, 204);
    },
  );
