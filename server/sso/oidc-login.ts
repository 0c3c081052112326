import { createHash, randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import type { AppDeps } from '../app-context';
import { consumeLoginRequest, pendingLoginRequest, saveLoginRequest } from './login-request-store';
import type { OidcSettings } from './provider-schemas';
import type { IdentityProvider } from './provider-store';
import type { ExternalIdentity } from './sign-in';
import { SsoRefusal } from './sso-refusal';

export function oidcRedirectUri(publicUrl: string, providerId: string): string {
  return `${publicUrl}/api/sso/oidc/${providerId}/callback`;
}

export function browserHash(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function oidcSettings(provider: IdentityProvider): OidcSettings {
  if (provider.settings.protocol !== 'oidc') throw new SsoRefusal('provider_unknown', 'not an OpenID Connect provider');
  return provider.settings;
}

/**
 * The provider's metadata, read by discovery at each login rather than cached, so a changed
 * setting or rotated key holds at once on every process. ID token signatures are always checked
 * (openid-client skips them for a token endpoint answer unless told); plain http only for loopback.
 */
async function configuration(provider: IdentityProvider): Promise<client.Configuration> {
  const settings = oidcSettings(provider);
  const issuer = new URL(settings.issuer);
  const auth = provider.clientSecret ? client.ClientSecretBasic(provider.clientSecret) : client.None();
  const execute = [client.enableNonRepudiationChecks, ...(issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [])];
  try {
    return await client.discovery(issuer, settings.clientId, undefined, auth, { execute, timeout: 10 });
  } catch (error) {
    throw new SsoRefusal('idp_error', `discovery at ${issuer.href} failed: ${(error as Error).message}`);
  }
}

/** Starts a login: state, nonce and PKCE verifier kept in the database; the browser holds only a binding value. */
export async function startOidcLogin(deps: AppDeps, provider: IdentityProvider, returnTo: string | undefined): Promise<{ url: string; browserValue: string }> {
  const settings = oidcSettings(provider);
  const config = await configuration(provider);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const browserValue = randomBytes(32).toString('base64url');
  await saveLoginRequest(deps.database.db, { id: state, providerId: provider.id, browserHash: browserHash(browserValue), nonce, codeVerifier, returnTo });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: oidcRedirectUri(deps.config.publicUrl, provider.id),
    scope: settings.scopes.join(' '),
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url: url.href, browserValue };
}

/** openid-client wraps the precise reason (which claim, which check) in the error's cause. */
function describe(error: unknown): string {
  const messages: string[] = [];
  for (let current = error; current instanceof Error && messages.length < 3; current = current.cause) messages.push(current.message);
  return messages.join(': ').slice(0, 300);
}

function stringClaim(claims: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = claims[name];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return undefined;
}

function groupsOf(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

/**
 * Finishes a login at the callback: the state must be pending and bound to this browser, then
 * openid-client exchanges the code with the PKCE verifier and validates the ID token (signature,
 * issuer, audience, expiry, nonce). The state is consumed first, so a replayed callback fails.
 */
export async function finishOidcLogin(
  deps: AppDeps,
  provider: IdentityProvider,
  query: URLSearchParams,
  browserValue: string | undefined,
): Promise<{ identity: ExternalIdentity; idToken: string; returnTo: string }> {
  const settings = oidcSettings(provider);
  const state = query.get('state') ?? '';
  const request = await pendingLoginRequest(deps.database.db, provider.id, state);
  if (!request || !browserValue || request.browser_hash !== browserHash(browserValue)) {
    throw new SsoRefusal('login_expired', 'unknown or expired state, or another browser');
  }
  const consumed = await consumeLoginRequest(deps.database.db, provider.id, state);
  if (!consumed) throw new SsoRefusal('login_expired', 'state already used');
  if (query.has('error')) throw new SsoRefusal('idp_error', `${query.get('error')}: ${query.get('error_description') ?? ''}`.slice(0, 300));
  const config = await configuration(provider);
  const currentUrl = new URL(oidcRedirectUri(deps.config.publicUrl, provider.id));
  currentUrl.search = query.toString();
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    const checks = { pkceCodeVerifier: request.code_verifier!, expectedNonce: request.nonce!, expectedState: state, idTokenExpected: true };
    tokens = await client.authorizationCodeGrant(config, currentUrl, checks);
  } catch (error) {
    throw new SsoRefusal('response_invalid', describe(error));
  }
  const idClaims = tokens.claims()!;
  // Entra ID puts groups in the ID token; other providers only in userinfo, which is asked for the same subject.
  const userinfo = config.serverMetadata().userinfo_endpoint && tokens.access_token
    ? await client.fetchUserInfo(config, tokens.access_token, idClaims.sub).catch(() => ({}))
    : {};
  const claims: Record<string, unknown> = { ...userinfo, ...idClaims };
  return {
    identity: {
      issuer: idClaims.iss,
      subject: idClaims.sub,
      email: stringClaim(claims, 'email', 'upn', 'preferred_username'),
      name: stringClaim(claims, 'name', 'preferred_username'),
      groups: groupsOf(claims, settings.groupClaim),
    },
    idToken: tokens.id_token!,
    returnTo: consumed.returnTo,
  };
}

/** RP-initiated logout, where the provider offers it. */
export async function oidcLogoutUrl(deps: AppDeps, provider: IdentityProvider, idToken: string | null): Promise<string | undefined> {
  try {
    const config = await configuration(provider);
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    const parameters: Record<string, string> = { post_logout_redirect_uri: `${deps.config.publicUrl}/`, client_id: oidcSettings(provider).clientId };
    if (idToken) parameters.id_token_hint = idToken;
    return client.buildEndSessionUrl(config, parameters).href;
  } catch {
    // The Sigill session has ended either way; an unreachable IdP only means no IdP logout.
    return undefined;
  }
}
