import type { Role } from '../api-types';

export interface RoleMapping {
  value: string;
  organisationId: string;
  role: Role;
}

export type ProviderSettings =
  | { protocol: 'oidc'; issuer: string; clientId: string; scopes: string[]; groupClaim: string }
  | { protocol: 'saml'; entryPoint: string; idpCert: string; idpIssuer?: string; spEntityId: string; groupAttribute: string; logoutUrl?: string };

/** A provider as the API returns it: never the client secret, only whether one is set. */
export interface IdentityProvider {
  id: string;
  organisationId: string;
  displayName: string;
  enabled: boolean;
  settings: ProviderSettings;
  clientSecretSet: boolean;
  clientSecretUnreadable: boolean;
  roleMappings: RoleMapping[];
  redirectUrl: string;
  metadataUrl: string | null;
}

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
export function bodyOf(draft: ProviderDraft): Record<string, unknown> {
  const settings = draft.protocol === 'oidc'
    ? { protocol: 'oidc', issuer: draft.issuer.trim(), clientId: draft.clientId.trim(), scopes: draft.scopes.split(/\s+/).filter(Boolean), groupClaim: draft.groupClaim.trim() }
    : {
      protocol: 'saml',
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
