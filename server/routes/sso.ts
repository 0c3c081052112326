import { servedOverHttps } from '../proxy/request-origin';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createRouter, type AppEnv } from '../app-context';
import { requirePrincipal } from '../auth/access';
import { sessionCookieName } from '../auth/sessions';
import { finishOidcLogin, startOidcLogin } from '../sso/oidc-login';
import { enabledProviders, findProvider, type IdentityProvider } from '../sso/provider-store';
import { acceptSamlLogoutRequest, finishSamlLogin, samlMetadata, startSamlLogin } from '../sso/saml-login';
import { endSession, endSessionsForIdp } from '../sso/sso-logout';
import { signIn } from '../sso/sign-in';
import { refusalResponse, SsoRefusal } from '../sso/sso-refusal';
import { startSsoSession } from '../sso/start-session';
import { errorResponses } from './error-responses';
import { idParam } from './schemas';

/** Binds an OIDC login to the browser that started it (login CSRF); only its hash is stored. */
const bindingCookie = 'sigill_sso';
const bindingPath = '/api/sso/oidc';

const providerParam = z.object({ id: idParam('id') });
const redirect = { 302: { description: 'To the identity provider, or into Sigill after a login' } };
const refusal = {
  400: { description: 'Refused: a Swedish page for a browser, the error shape for Accept: application/json' },
  401: { description: 'Refused' },
  404: { description: 'No such enabled provider' },
};
const acsForm = z.object({ SAMLResponse: z.string().min(1).max(500_000), RelayState: z.string().max(2000).optional() });
const callbackQuery = z.object({
  state: z.string().max(500).optional(),
  code: z.string().max(4000).optional(),
  error: z.string().max(500).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(2000).optional(),
});
/** Only a path on this site, in printable ASCII: `//host` or a backslash could send the browser elsewhere. */
const loginQuery = z.object({
  returnTo: z.string().max(2000).regex(/^\/(?![/\\])[\x21-\x5b\x5d-\x7e]*$/, 'must be a path on this site').optional()
    .openapi({ description: 'The page to land on after the login' }),
});
const sloQuery = z.object({
  SAMLRequest: z.string().max(100_000).optional(),
  SAMLResponse: z.string().max(100_000).optional(),
  RelayState: z.string().max(2000).optional(),
  SigAlg: z.string().max(200).optional(),
  Signature: z.string().max(2000).optional(),
});
const providerList = z.object({ providers: z.array(z.object({ id: z.string(), displayName: z.string() })) });

async function enabledProvider(c: Context<AppEnv>, id: string, protocol?: IdentityProvider['protocol']): Promise<IdentityProvider> {
  const provider = await findProvider(c.get('deps').database.db, c.get('deps').config.dataDir, id);
  if (!provider || !provider.enabled || (protocol && provider.protocol !== protocol)) throw new SsoRefusal('provider_unknown', id);
  return provider;
}

/** Runs a browser step of a login; a refusal becomes its page, anything else stays an error for app.onError. */
async function browserStep(c: Context<AppEnv>, step: () => Promise<Response>): Promise<Response> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof SsoRefusal) return refusalResponse(c, error);
    throw error;
  }
}

/** The SAML assertion consumer service: a cross-site form POST by design, so it is mounted ahead of the JSON-only and CSRF checks. */
export const samlAcsRoutes = createRouter().openapi(
  createRoute({
    method: 'post',
    path: '/{id}/acs',
    tags: ['sso'],
    summary: 'SAML assertion consumer service (HTTP-POST binding); a signed assertion answering a pending request logs in',
    request: {
      params: providerParam,
      body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: acsForm } } },
    },
    responses: { ...redirect, ...refusal, ...errorResponses(415) },
  }),
  (c) => browserStep(c, async () => {
    const deps = c.get('deps');
    const provider = await enabledProvider(c, c.req.valid('param').id, 'saml');
    const login = await finishSamlLogin(deps, provider, c.req.valid('form').SAMLResponse);
    const userId = await signIn(deps, provider, login.identity);
    const idpSession = { provider_id: provider.id, id_token: null, name_id: login.nameId, name_id_format: login.nameIdFormat, session_index: login.sessionIndex };
    await startSsoSession(c, userId, idpSession);
    return c.redirect(login.returnTo, 302);
  }),
);

export const ssoRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/providers',
      tags: ['sso'],
      summary: 'The enabled identity providers, for the login page: an opaque id and the name to show',
      responses: { 200: { description: 'Providers', content: { 'application/json': { schema: providerList } } } },
    }),
    async (c) => {
      const providers = await enabledProviders(c.get('deps').database.db);
      return c.json({ providers: providers.map(({ id, displayName }) => ({ id, displayName })) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/providers/{id}/login',
      tags: ['sso'],
      summary: 'Start a login at the identity provider (OpenID Connect with PKCE, or a SAML AuthnRequest)',
      request: { params: providerParam, query: loginQuery },
      responses: { ...redirect, ...refusal },
    }),
    (c) => browserStep(c, async () => {
      const deps = c.get('deps');
      const provider = await enabledProvider(c, c.req.valid('param').id);
      const { returnTo } = c.req.valid('query');
      if (provider.protocol === 'saml') return c.redirect(await startSamlLogin(deps, provider, returnTo), 302);
      const { url, browserValue } = await startOidcLogin(deps, provider, returnTo);
      setCookie(c, bindingCookie, browserValue, { httpOnly: true, sameSite: 'Lax', secure: servedOverHttps(c), path: bindingPath, maxAge: 600 });
      return c.redirect(url, 302);
    }),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/oidc/{id}/callback',
      tags: ['sso'],
      summary: 'OpenID Connect redirect URI: exchanges the code and validates the ID token, then logs in',
      request: { params: providerParam, query: callbackQuery },
      responses: { ...redirect, ...refusal },
    }),
    (c) => browserStep(c, async () => {
      const deps = c.get('deps');
      const provider = await enabledProvider(c, c.req.valid('param').id, 'oidc');
      const browserValue = getCookie(c, bindingCookie);
      deleteCookie(c, bindingCookie, { path: bindingPath });
      const { identity, idToken, returnTo } = await finishOidcLogin(deps, provider, new URL(c.req.url).searchParams, browserValue);
      const userId = await signIn(deps, provider, identity);
      await startSsoSession(c, userId, { provider_id: provider.id, id_token: idToken, name_id: null, name_id_format: null, session_index: null });
      return c.redirect(returnTo, 302);
    }),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/saml/{id}/slo',
      tags: ['sso'],
      summary: 'SAML single logout (HTTP-Redirect): a signed LogoutRequest from the IdP ends the sessions it names; a LogoutResponse returns home',
      request: { params: providerParam, query: sloQuery },
      responses: { ...redirect, ...refusal },
    }),
    (c) => browserStep(c, async () => {
      const deps = c.get('deps');
      const provider = await enabledProvider(c, c.req.valid('param').id, 'saml');
      const query = c.req.valid('query');
      // The answer to Sigill's own LogoutRequest: the Sigill session ended before the browser left.
      if (!query.SAMLRequest) return c.redirect('/', 302);
      const raw = new URL(c.req.url).search.slice(1);
      const logout = await acceptSamlLogoutRequest(deps, provider, query as Record<string, string>, raw);
      await endSessionsForIdp(deps, provider, logout.nameId, logout.sessionIndex);
      return c.redirect(logout.responseUrl, 302);
    }),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/saml/{id}/metadata',
      tags: ['sso'],
      summary: 'SAML service provider metadata to give the IdP (entity id, assertion consumer service)',
      request: { params: providerParam },
      responses: { 200: { description: 'SAML metadata', content: { 'application/samlmetadata+xml': { schema: z.string() } } }, ...errorResponses(404) },
    }),
    async (c) => {
      const provider = await findProvider(c.get('deps').database.db, c.get('deps').config.dataDir, c.req.valid('param').id);
      if (!provider || provider.settings.protocol !== 'saml') return c.json({ error: { code: 'not_found', message: 'No such SAML provider' } }, 404);
      const xml = samlMetadata(c.get('deps'), provider);
      return c.body(xml, 200, { 'content-type': 'application/samlmetadata+xml; charset=utf-8' });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      tags: ['sso'],
      summary: 'End the session; for a single sign-on session also the address of the IdP’s logout, where it offers one',
      responses: {
        200: { description: 'Logged out', content: { 'application/json': { schema: z.object({ redirectUrl: z.string().nullable() }) } } },
        ...errorResponses(401, 403),
      },
    }),
    async (c) => {
      requirePrincipal(c);
      const redirectUrl = await endSession(c.get('deps'), c.get('session')!.tokenHash);
      deleteCookie(c, sessionCookieName, { path: '/' });
      return c.json({ redirectUrl: redirectUrl ?? null }, 200);
    },
  );

