import { createRoute, z } from '@hono/zod-openapi';
import { organisationKinds } from '../../scoring/enumerations';
import { createRouter } from '../app-context';
import { appendAuditEvent } from '../audit/audit-log';
import { allowedOrganisations, authorize } from '../auth/access';
import { assertAcceptablePassword, passwordRules } from '../auth/password-policy';
import { roles } from '../auth/roles';
import { AppError } from '../errors';
import { newId } from '../ids';
import { insertOrganisation, updateOrganisation } from '../organisations/organisation-store';
import { compareSwedish } from '../text/swedish-keys';
import { createUser, findUserByEmail, findUserSummary, grantRole, membersOf, revokeRole } from '../users/user-store';
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
      const organisations = tree.all().filter((node) => visible.has(node.id)).sort((a, b) => compareSwedish(a.name, b.name));
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
        await insertOrganisation(trx, organisation);
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
        await updateOrganisation(trx, id, body);
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
      return c.json({ members: await membersOf(c.get('deps').database.db, id) }, 200);
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
        const user = (await findUserSummary(trx, userId))!;
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
        if (!(await revokeRole(trx, userId, id, role))) throw new AppError('not_found', 'No such membership');
        await appendAuditEvent(trx, { actorUserId: principal.userId, organisationId: id, action: 'membership.revoked', entityType: 'user', entityId: userId, payload: { role } });
      });
      return c.body(null, 204);
    },
  );
