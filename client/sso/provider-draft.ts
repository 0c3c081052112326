import type { IdentityProvider } from '../contract/api-types';
import type { ApiBody } from '../contract/api';

export type { IdentityProvider } from '../contract/api-types';
export type RoleMapping = IdentityProvider['roleMappings'][number];
export type ProviderSettings = IdentityProvider['settings'];

/** The form's state: every field a string, as the inputs hold them. */
export interface ProviderDraft {
  protocol: 'oidc' | 'saml';
  displayName: string;
  enabled: boolean;
  issuer: string;
  clientId: string;
  clientSecret: string;
  removeSecret: boolean;
  scopes: string;
  groupClaim: string;
  entryPoint: string;
  idpCert: string;
  idpIssuer: string;
  spEntityId: string;
  logoutUrl: string;
  roleMappings: RoleMapping[];
}

export function emptyDraft(): ProviderDraft {
  return {
    protocol: 'oidc', displayName: '', enabled: true, issuer: '', clientId: '', clientSecret: '', removeSecret: false, scopes: 'openid profile email',
    groupClaim: 'groups', entryPoint: '', idpCert: '', idpIssuer: '', spEntityId: '', logoutUrl: '', roleMappings: [],
  };
}

export function draftOf(provider: IdentityProvider): ProviderDraft {
  const base = { ...emptyDraft(), displayName: provider.displayName, enabled: provider.enabled, roleMappings: provider.roleMappings };
  const { settings } = provider;
  if (settings.protocol === 'oidc') {
    return { ...base, protocol: 'oidc', issuer: settings.issuer, clientId: settings.clientId, scopes: settings.scopes.join(' '), groupClaim: settings.groupClaim };
  }
  return {
    ...base, protocol: 'saml', entryPoint: settings.entryPoint, idpCert: settings.idpCert, idpIssuer: settings.idpIssuer ?? '', spEntityId: settings.spEntityId,
    groupClaim: settings.groupAttribute, logoutUrl: settings.logoutUrl ?? '',
  };
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/** The API body: an empty secret field keeps the stored secret (omitted), the remove box clears it (null). */
export function bodyOf(draft: ProviderDraft): ApiBody<'POST /api/organisations/:id/identity-providers'> {
  const settings = draft.protocol === 'oidc'
    ? { protocol: 'oidc' as const, issuer: draft.issuer.trim(), clientId: draft.clientId.trim(), scopes: draft.scopes.split(/\s+/).filter(Boolean), groupClaim: draft.groupClaim.trim() }
    : {
      protocol: 'saml' as const,
      entryPoint: draft.entryPoint.trim(),
      idpCert: draft.idpCert.trim(),
      idpIssuer: optional(draft.idpIssuer),
      spEntityId: draft.spEntityId.trim(),
      groupAttribute: draft.groupClaim.trim(),
      logoutUrl: optional(draft.logoutUrl),
    };
  const secret = draft.protocol !== 'oidc' ? {} : draft.removeSecret ? { clientSecret: null } : draft.clientSecret ? { clientSecret: draft.clientSecret } : {};
  return { displayName: draft.displayName.trim(), enabled: draft.enabled, settings, ...secret, roleMappings: draft.roleMappings };
}
