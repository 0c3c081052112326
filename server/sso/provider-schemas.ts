import { X509Certificate } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { roles } from '../auth/roles';
import { idPattern } from '../ids';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https everywhere; plain http only on this machine's loopback, for a test or development IdP. */
const idpUrl = z
  .url()
  .max(2000)
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
  }, 'must be an https URL (http only on 127.0.0.1 or localhost)');

const attributeName = z.string().trim().min(1).max(200);

export const oidcSettingsSchema = z
  .object({
    protocol: z.literal('oidc'),
    issuer: idpUrl.openapi({ description: 'The issuer; its /.well-known/openid-configuration is read at every login', example: 'https://login.microsoftonline.com/<tenant>/v2.0' }),
    clientId: z.string().trim().min(1).max(500),
    scopes: z.array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'a scope has no spaces or quotes').max(200)).max(30).default(['openid', 'profile', 'email'])
      .refine((scopes) => scopes.includes('openid'), 'must include openid'),
    groupClaim: attributeName.default('groups').openapi({ description: 'The ID token claim that lists the groups (Entra ID: groups or roles)' }),
  })
  .strict();

export const samlSettingsSchema = z
  .object({
    protocol: z.literal('saml'),
    entryPoint: idpUrl.openapi({ description: 'The IdP’s single sign-on URL (HTTP-Redirect binding)' }),
    idpCert: z.string().trim().min(1).max(20_000).refine(isCertificate, 'must be the IdP’s signing certificate in PEM')
      .openapi({ description: 'The IdP’s signing certificate (public); assertions must be signed with its key' }),
    idpIssuer: z.string().trim().min(1).max(500).optional().openapi({ description: 'The IdP’s entity id; when set, a response from another issuer is refused' }),
    spEntityId: z.string().trim().min(1).max(500).openapi({ description: 'Sigill’s entity id at this IdP, and the audience the assertion must name' }),
    groupAttribute: attributeName.default('groups'),
    logoutUrl: idpUrl.optional().openapi({ description: 'The IdP’s single logout URL; unset, logout ends only the Sigill session' }),
  })
  .strict();

function isCertificate(pem: string): boolean {
  try {
    return new X509Certificate(pem).publicKey.type === 'public';
  } catch {
    return false;
  }
}

export const providerSettingsSchema = z.discriminatedUnion('protocol', [oidcSettingsSchema, samlSettingsSchema]);
export type OidcSettings = z.infer<typeof oidcSettingsSchema>;
export type SamlSettings = z.infer<typeof samlSettingsSchema>;
export type ProviderSettings = z.infer<typeof providerSettingsSchema>;

export const roleMappingSchema = z
  .object({
    value: z.string().trim().min(1).max(500).openapi({ description: 'A group (or claim value) as the IdP sends it' }),
    organisationId: z.string().regex(idPattern, 'not a Sigill id'),
    role: z.enum(roles),
  })
  .strict();
export type RoleMapping = z.infer<typeof roleMappingSchema>;

export const providerInputSchema = z
  .object({
    displayName: z.string().trim().min(1).max(100).openapi({ description: 'Shown on the login page: “Logga in med <displayName>”' }),
    enabled: z.boolean().default(true),
    settings: providerSettingsSchema,
    clientSecret: z.string().min(1).max(2000).nullable().optional()
      .openapi({ description: 'Write-only. Omitted: keep the stored secret; null: remove it (a public client with PKCE)' }),
    roleMappings: z.array(roleMappingSchema).max(500).default([]),
  })
  .strict()
  .refine((input) => input.settings.protocol === 'oidc' || input.clientSecret === undefined || input.clientSecret === null, {
    message: 'only an OpenID Connect provider has a client secret',
    path: ['clientSecret'],
  });
export type ProviderInput = z.infer<typeof providerInputSchema>;

export const providerSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    displayName: z.string(),
    enabled: z.boolean(),
    settings: providerSettingsSchema,
    clientSecretSet: z.boolean().openapi({ description: 'Whether a client secret is stored; the secret itself is never returned' }),
    clientSecretUnreadable: z.boolean().openapi({ description: 'A secret is stored but this installation’s key cannot open it (restored without sso-secret.key): enter it again' }),
    roleMappings: z.array(roleMappingSchema),
    redirectUrl: z.string().openapi({ description: 'What to register at the IdP: the OIDC redirect URI or the SAML assertion consumer service URL' }),
    metadataUrl: z.string().nullable().openapi({ description: 'SAML: Sigill’s service provider metadata for the IdP' }),
  })
  .openapi('IdentityProvider');
export type ProviderView = z.infer<typeof providerSchema>;
