import { withTransaction } from '../db/transaction';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, type AppEnv } from '../app-context';
import { appendAuditEvent } from '../audit/audit-log';
import { authorize } from '../auth/access';
import { AppError } from '../errors';
import { oidcRedirectUri } from '../sso/oidc-login';
import { type ProviderInput, providerInputSchema, providerSchema, type ProviderView } from '../sso/provider-schemas';
import { deleteProvider, findProvider, type IdentityProvider, insertProvider, providersOf, updateProvider } from '../sso/provider-store';
import { samlAcsUrl, samlMetadataUrl } from '../sso/saml-login';
import { errorResponses } from './error-responses';
import { idParam, json } from './schemas';

/** Never the secret itself: only whether one is stored. */
function view(c: Context<AppEnv>, provider: IdentityProvider): ProviderView {
  const { publicUrl } = c.get('deps').config;
  return {
    id: provider.id,
    organisationId: provider.organisationId,
    displayName: provider.displayName,
    enabled: provider.enabled,
    settings: provider.settings,
    clientSecretSet: provider.clientSecret !== undefined,
    clientSecretUnreadable: provider.clientSecretStored && provider.clientSecret === undefined,
    roleMappings: provider.roleMappings,
    redirectUrl: provider.protocol === 'oidc' ? oidcRedirectUri(publicUrl, provider.id) : samlAcsUrl(publicUrl, provider.id),
    metadataUrl: provider.protocol === 'saml' ? samlMetadataUrl(publicUrl, provider.id) : null,
  };
}

/** A mapping may give roles only in the provider's organisation and those below it. */
async function checkMappings(c: Context<AppEnv>, organisationId: string, input: ProviderInput): Promise<void> {
  const scope = (await c.get('deps').organisations.current()).selfAndDescendants(organisationId);
  const details = input.roleMappings.flatMap((mapping, index) => scope.includes(mapping.organisationId)
    ? []
    : [{ field: `body.roleMappings.${index}.organisationId`, message: 'must be the provider’s organisation or one below it' }]);
  if (details.length > 0) throw new AppError('validation_failed', `Invalid input: ${details.map((detail) => detail.field).join(', ')}`, details);
}

async function providerOr404(c: Context<AppEnv>, id: string): Promise<IdentityProvider> {
  const provider = await findProvider(c.get('deps').database.db, c.get('deps').config.dataDir, id);
  if (!provider) throw new AppError('not_found', 'No such identity provider');
  await authorize(c, 'user.manage', provider.organisationId, 'identity provider');
  return provider;
}

function auditPayload(input: ProviderInput) {
  return {
    displayName: input.displayName,
    protocol: input.settings.protocol,
    enabled: input.enabled,
    mappings: input.roleMappings.length,
    secretChanged: input.clientSecret !== undefined,
  };
}

const orgParam = z.object({ id: idParam('id') });
const providerBody = { body: { required: true, content: json(providerInputSchema) } };

export const identityProviderRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}/identity-providers',
      tags: ['sso'],
      summary: 'The organisation’s identity providers (client secrets are never returned)',
      request: { params: orgParam },
      responses: { 200: { description: 'Providers', content: json(z.object({ providers: z.array(providerSchema) })) }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await authorize(c, 'user.manage', id, 'organisation');
      const providers = await providersOf(c.get('deps').database.db, c.get('deps').config.dataDir, id);
      return c.json({ providers: providers.map((provider) => view(c, provider)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/organisations/{id}/identity-providers',
      tags: ['sso'],
      summary: 'Add an OpenID Connect or SAML identity provider with its group-to-role mapping',
      request: { params: orgParam, ...providerBody },
      responses: { 201: { description: 'Created', content: json(providerSchema) }, ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const principal = await authorize(c, 'user.manage', id, 'organisation');
      await checkMappings(c, id, input);
      const deps = c.get('deps');
      const providerId = await withTransaction(deps.database.db, async (trx) => {
        const created = await insertProvider(trx, deps.config.dataDir, id, input);
        await appendAuditEvent(trx, {
          actorUserId: principal.userId, organisationId: id, action: 'sso.provider_created', entityType: 'identity_provider', entityId: created, payload: auditPayload(input),
        });
        return created;
      });
      return c.json(view(c, (await findProvider(deps.database.db, deps.config.dataDir, providerId))!), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/identity-providers/{id}',
      tags: ['sso'],
      summary: 'Replace a provider’s settings and mapping; the client secret changes only when sent (null removes it)',
      request: { params: z.object({ id: idParam('id') }), ...providerBody },
      responses: { 200: { description: 'Updated', content: json(providerSchema) }, ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const provider = await providerOr404(c, c.req.valid('param').id);
      const input = c.req.valid('json');
      await checkMappings(c, provider.organisationId, input);
      const deps = c.get('deps');
      await withTransaction(deps.database.db, async (trx) => {
        await updateProvider(trx, deps.config.dataDir, provider.id, input);
        await appendAuditEvent(trx, {
          actorUserId: c.get('principal')!.userId, organisationId: provider.organisationId, action: 'sso.provider_updated',
          entityType: 'identity_provider', entityId: provider.id, payload: auditPayload(input),
        });
      });
      return c.json(view(c, (await findProvider(deps.database.db, deps.config.dataDir, provider.id))!), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/identity-providers/{id}',
      tags: ['sso'],
      summary: 'Remove a provider; accounts created through it stay, with their roles, until an admin changes them',
      request: { params: z.object({ id: idParam('id') }) },
      responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const provider = await providerOr404(c, c.req.valid('param').id);
      await withTransaction(c.get('deps').database.db, async (trx) => {
        await deleteProvider(trx, provider.id);
        await appendAuditEvent(trx, {
          actorUserId: c.get('principal')!.userId, organisationId: provider.organisationId, action: 'sso.provider_deleted',
          entityType: 'identity_provider', entityId: provider.id, payload: { displayName: provider.displayName },
        });
      });
      return c.body(null, 204);
    },
  );
