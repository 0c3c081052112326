import { type CacheProvider, SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../app-context';
import type { Database } from '../db/schema';
import { consumeAssertion } from './assertion-store';
import { consumeLoginRequest, loginRequestMinutes, saveLoginRequest } from './login-request-store';
import type { SamlSettings } from './provider-schemas';
import type { IdentityProvider } from './provider-store';
import type { ExternalIdentity } from './sign-in';
import { SsoRefusal } from './sso-refusal';
import type { IdpSession } from './sso-session-store';

export function samlAcsUrl(publicUrl: string, providerId: string): string {
  return `${publicUrl}/api/sso/saml/${providerId}/acs`;
}

export function samlMetadataUrl(publicUrl: string, providerId: string): string {
  return `${publicUrl}/api/sso/saml/${providerId}/metadata`;
}

export function samlSloUrl(publicUrl: string, providerId: string): string {
  return `${publicUrl}/api/sso/saml/${providerId}/slo`;
}

function samlSettings(provider: IdentityProvider): SamlSettings {
  if (provider.settings.protocol !== 'saml') throw new SsoRefusal('provider_unknown', 'not a SAML provider');
  return provider.settings;
}

/**
 * node-saml's store of AuthnRequest ids, in the database so the response may reach any process.
 * It only looks ids up; the one-time consumption happens after validation (consumeLoginRequest),
 * so that a replay is named as one rather than as an unknown request.
 */
function requestIdStore(db: Kysely<Database>, providerId: string, returnTo: string | undefined): CacheProvider {
  return {
    saveAsync: async (key, value) => {
      await saveLoginRequest(db, { id: key, providerId, returnTo });
      return { value, createdAt: Date.now() };
    },
    getAsync: async (key) => {
      const row = await db.selectFrom('sso_login_requests').select('created_at').where('id', '=', key).where('provider_id', '=', providerId).executeTakeFirst();
      return row?.created_at ?? null;
    },
    removeAsync: () => Promise.resolve(null),
  };
}

/** Signed assertions required (the response may be unsigned, as ADFS and Entra ID send it), audience and InResponseTo always checked. */
function samlFor(deps: AppDeps, provider: IdentityProvider, returnTo?: string): SAML {
  const settings = samlSettings(provider);
  return new SAML({
    callbackUrl: samlAcsUrl(deps.config.publicUrl, provider.id),
    entryPoint: settings.entryPoint,
    issuer: settings.spEntityId,
    audience: settings.spEntityId,
    idpCert: settings.idpCert,
    ...(settings.idpIssuer ? { idpIssuer: settings.idpIssuer } : {}),
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: loginRequestMinutes * 60_000,
    acceptedClockSkewMs: 60_000,
    cacheProvider: requestIdStore(deps.database.db, provider.id, returnTo),
    identifierFormat: null,
    // Sigill does not prescribe how a person authenticates: SITHS, Freja or a password are the IdP's choice.
    disableRequestedAuthnContext: true,
    ...(settings.logoutUrl ? { logoutUrl: settings.logoutUrl, logoutCallbackUrl: samlSloUrl(deps.config.publicUrl, provider.id) } : {}),
  });
}

/** node-saml names a subject confirmation outside its NotBefore–NotOnOrAfter window only vaguely. */
function explain(message: string): string {
  if (/no valid subject confirmation/i.test(message)) return 'the assertion has expired or is not yet valid (subject confirmation NotOnOrAfter/NotBefore)';
  return message.slice(0, 300);
}

export async function startSamlLogin(deps: AppDeps, provider: IdentityProvider, returnTo: string | undefined): Promise<string> {
  return samlFor(deps, provider, returnTo).getAuthorizeUrlAsync('', undefined, {});
}

type XmlNode = { $?: Record<string, string | undefined>; _?: string } & Record<string, unknown>;

function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** What node-saml leaves unchecked: the Recipient and the InResponseTo of the signed assertion's bearer confirmation. */
function bearerConfirmation(assertion: XmlNode, acsUrl: string): { inResponseTo: string; notOnOrAfter: string } {
  const confirmations = children(assertion, 'Subject').flatMap((subject) => children(subject, 'SubjectConfirmation'))
    .filter((confirmation) => confirmation.$?.Method === 'urn:oasis:names:tc:SAML:2.0:cm:bearer')
    .flatMap((confirmation) => children(confirmation, 'SubjectConfirmationData'));
  if (confirmations.length === 0) throw new SsoRefusal('response_invalid', 'the assertion has no bearer subject confirmation');
  const data = confirmations.find((entry) => entry.$?.Recipient === acsUrl);
  if (!data) throw new SsoRefusal('response_invalid', `the assertion's recipient is not ${acsUrl}`);
  const inResponseTo = data.$?.InResponseTo;
  const notOnOrAfter = data.$?.NotOnOrAfter;
  if (!inResponseTo) throw new SsoRefusal('response_invalid', 'the assertion answers no request (IdP-initiated login is not accepted)');
  if (!notOnOrAfter) throw new SsoRefusal('response_invalid', 'the subject confirmation has no NotOnOrAfter');
  // Kept until then, as the instant in Sigill's own form: the IdP may write it without milliseconds or in its own zone.
  const expires = new Date(notOnOrAfter);
  if (Number.isNaN(expires.getTime())) throw new SsoRefusal('response_invalid', 'the subject confirmation\'s NotOnOrAfter is not a time');
  return { inResponseTo, notOnOrAfter: expires.toISOString() };
}

function attribute(profile: Record<string, unknown>, ...names: string[]): unknown {
  for (const name of names) if (profile[name] !== undefined) return profile[name];
  return undefined;
}

function text(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() ? first : undefined;
}

const emailAttributes = ['email', 'mail', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'];
const nameAttributes = [
  'displayName',
  'http://schemas.microsoft.com/identity/claims/displayname',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
  'cn',
];

export interface SamlLogin {
  identity: ExternalIdentity;
  nameId: string;
  nameIdFormat: string | null;
  sessionIndex: string | null;
  returnTo: string;
}

/**
 * Validates a POSTed SAMLResponse: node-saml checks the assertion's signature against the
 * configured certificate, its conditions (NotBefore, NotOnOrAfter), audience and InResponseTo;
 * then the recipient, the issuer, and one-time use of both the assertion id and the request id.
 */
export async function finishSamlLogin(deps: AppDeps, provider: IdentityProvider, samlResponse: string): Promise<SamlLogin> {
  const settings = samlSettings(provider);
  let profile;
  try {
    ({ profile } = await samlFor(deps, provider).validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (error) {
    throw new SsoRefusal('response_invalid', explain((error as Error).message));
  }
  if (!profile?.getAssertion) throw new SsoRefusal('response_invalid', 'no assertion');
  const assertion = (profile.getAssertion() as { Assertion: XmlNode }).Assertion;
  const acsUrl = samlAcsUrl(deps.config.publicUrl, provider.id);
  const { inResponseTo, notOnOrAfter } = bearerConfirmation(assertion, acsUrl);
  if (settings.idpIssuer && profile.issuer !== settings.idpIssuer) throw new SsoRefusal('response_invalid', `unexpected issuer ${profile.issuer}`);
  if (!profile.issuer || !profile.nameID) throw new SsoRefusal('response_invalid', 'the assertion names no issuer or subject');
  const assertionId = assertion.$?.ID;
  if (!assertionId) throw new SsoRefusal('response_invalid', 'the assertion has no ID');
  const { db } = deps.database;
  if (!(await consumeAssertion(db, provider.id, assertionId, notOnOrAfter))) throw new SsoRefusal('replayed', `assertion ${assertionId} was already used`);
  const consumed = await consumeLoginRequest(db, provider.id, inResponseTo);
  if (!consumed) throw new SsoRefusal('login_expired', `request ${inResponseTo} is expired or already answered`);
  const groups = attribute(profile, settings.groupAttribute);
  const email = text(attribute(profile, ...emailAttributes))
    ?? (profile.nameIDFormat === 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' ? profile.nameID : undefined);
  return {
    identity: {
      issuer: profile.issuer,
      subject: profile.nameID,
      email,
      name: text(attribute(profile, ...nameAttributes)),
      groups: (Array.isArray(groups) ? groups : [groups]).filter((group): group is string => typeof group === 'string'),
    },
    nameId: profile.nameID,
    nameIdFormat: profile.nameIDFormat ?? null,
    sessionIndex: profile.sessionIndex ?? null,
    returnTo: consumed.returnTo,
  };
}

/** SAML single logout, where the provider has a logout URL. */
export async function samlLogoutUrl(deps: AppDeps, provider: IdentityProvider, session: Pick<IdpSession, 'name_id' | 'name_id_format' | 'session_index'>) {
  const settings = samlSettings(provider);
  if (!settings.logoutUrl || !session.name_id) return undefined;
  const user = {
    issuer: settings.spEntityId,
    nameID: session.name_id,
    nameIDFormat: session.name_id_format ?? 'urn:oasis:names:tc:SAML:2.0:nameid-format:unspecified',
    ...(session.session_index ? { sessionIndex: session.session_index } : {}),
  };
  return samlFor(deps, provider).getLogoutUrlAsync(user, '', {});
}

/** The service provider metadata to give the IdP: entity id, assertion consumer service, signed assertions wanted. */
export function samlMetadata(deps: AppDeps, provider: IdentityProvider): string {
  return samlFor(deps, provider).generateServiceProviderMetadata(null, null);
}

/**
 * A LogoutRequest the IdP sends with the browser (HTTP-Redirect binding): it must carry a valid
 * signature by the IdP's key — node-saml would accept an unsigned one, and anyone could then end
 * anyone's session. Returns what it names and the address of the LogoutResponse to send back.
 */
export async function acceptSamlLogoutRequest(deps: AppDeps, provider: IdentityProvider, query: Record<string, string>, rawQuery: string) {
  if (!samlSettings(provider).logoutUrl) throw new SsoRefusal('response_invalid', 'single logout is not configured for this provider');
  if (!query.SAMLRequest || !query.Signature || !query.SigAlg) throw new SsoRefusal('response_invalid', 'an unsigned logout request is not accepted');
  const saml = samlFor(deps, provider);
  let profile;
  try {
    ({ profile } = await saml.validateRedirectAsync(query, rawQuery));
  } catch (error) {
    throw new SsoRefusal('response_invalid', explain((error as Error).message));
  }
  if (!profile?.nameID) throw new SsoRefusal('response_invalid', 'the logout request names no subject');
  const responseUrl = await saml.getLogoutResponseUrlAsync(profile, query.RelayState ?? '', {}, true);
  return { nameId: profile.nameID, sessionIndex: profile.sessionIndex, responseUrl };
}
