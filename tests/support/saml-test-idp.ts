import { execFileSync } from 'node:child_process';
import { randomBytes, sign } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';

/**
 * The IdP side of SAML 2.0 for tests: an RSA key and self-signed certificate made by openssl,
 * and Responses whose Assertion carries a real enveloped XML signature (xml-crypto, RSA-SHA256,
 * exclusive c14n), as ADFS or Shibboleth send them. Each field the SP must check can be set wrong.
 */
export interface AssertionOptions {
  requestId: string;
  recipient: string;
  audience: string;
  nameId: string;
  email?: string;
  name?: string;
  groups?: string[];
  /** Validity window relative to now, in seconds. */
  notBeforeSeconds?: number;
  notOnOrAfterSeconds?: number;
  sign?: 'assertion' | 'none' | 'other-key';
  issuer?: string;
  /** Times written without milliseconds ('2026-12-01T18:34:24Z'), as some IdPs do. */
  wholeSeconds?: boolean;
}

export function makeKeyPair(name: string): { key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-saml-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2', '-subj', `/CN=${name}`,
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

const samlId = () => `_${randomBytes(16).toString('hex')}`;

export class SamlTestIdp {
  readonly entityId = 'https://idp.exempelkommun.test/adfs';
  readonly entryPoint = 'https://idp.exempelkommun.test/adfs/ls/';
  private readonly signing = makeKeyPair('Test IdP');
  private readonly stranger = makeKeyPair('Someone else');

  get certificate(): string {
    return this.signing.cert;
  }

  /** The certificate of the key `sign: 'other-key'` uses: someone else's IdP. */
  get otherCertificate(): string {
    return this.stranger.cert;
  }

  /** The ID of the AuthnRequest in an HTTP-Redirect binding URL (what the IdP answers InResponseTo). */
  static requestIdOf(redirectUrl: string): string {
    const request = new URL(redirectUrl).searchParams.get('SAMLRequest');
    if (!request) throw new Error(`no SAMLRequest in ${redirectUrl}`);
    const xml = inflateRawSync(Buffer.from(request, 'base64')).toString('utf8');
    const id = /\sID="([^"]+)"/.exec(xml)?.[1];
    if (!id) throw new Error(`no ID in ${xml}`);
    return id;
  }

  /** A base64 SAMLResponse as the IdP's page would POST it. */
  response(options: AssertionOptions): string {
    const now = Date.now();
    const iso = (seconds: number) => new Date(now + seconds * 1000).toISOString();
    const at = (seconds: number) => (options.wholeSeconds ? iso(seconds).replace(/\.\d{3}Z$/, 'Z') : iso(seconds));
    const notBefore = at(options.notBeforeSeconds ?? -60);
    const notOnOrAfter = at(options.notOnOrAfterSeconds ?? 300);
    const issuer = escape(options.issuer ?? this.entityId);
    const attributes = [
      ...(options.email ? [['email', [options.email]] as const] : []),
      ...(options.name ? [['displayName', [options.name]] as const] : []),
      ...(options.groups ? [['groups', options.groups] as const] : []),
    ].map(([name, values]) => `<saml:Attribute Name="${name}">${values.map((value) => `<saml:AttributeValue>${escape(value)}</saml:AttributeValue>`).join('')}</saml:Attribute>`).join('');
    const assertionId = samlId();
    const assertion = `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${assertionId}" Version="2.0" IssueInstant="${at(0)}">`
      + `<saml:Issuer>${issuer}</saml:Issuer>`
      + `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${escape(options.nameId)}</saml:NameID>`
      + '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">'
      + `<saml:SubjectConfirmationData InResponseTo="${escape(options.requestId)}" NotOnOrAfter="${notOnOrAfter}" Recipient="${escape(options.recipient)}"/>`
      + '</saml:SubjectConfirmation></saml:Subject>'
      + `<saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${escape(options.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>`
      + `<saml:AuthnStatement AuthnInstant="${at(0)}" SessionIndex="${samlId()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`
      + (attributes ? `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` : '')
      + '</saml:Assertion>';
    const signed = options.sign === 'none' ? assertion : this.sign(assertion, options.sign === 'other-key' ? this.stranger : this.signing);
    const response = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${samlId()}" Version="2.0" IssueInstant="${at(0)}" Destination="${escape(options.recipient)}" InResponseTo="${escape(options.requestId)}">`
      + `<saml:Issuer>${issuer}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>`
      + signed + '</samlp:Response>';
    return Buffer.from(response, 'utf8').toString('base64');
  }

  /**
   * The query of a LogoutRequest sent with the browser (HTTP-Redirect binding), signed over
   * `SAMLRequest=…&RelayState=…&SigAlg=…` as the binding prescribes — or not signed at all.
   */
  logoutRequestQuery(options: { nameId: string; destination: string; sign?: 'idp' | 'none' | 'other-key' }): string {
    const now = Date.now();
    const xml = `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${samlId()}"`
      + ` Version="2.0" IssueInstant="${new Date(now).toISOString()}" NotOnOrAfter="${new Date(now + 300_000).toISOString()}" Destination="${escape(options.destination)}">`
      + `<saml:Issuer>${escape(this.entityId)}</saml:Issuer>`
      + `<saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${escape(options.nameId)}</saml:NameID></samlp:LogoutRequest>`;
    const signed = [
      `SAMLRequest=${encodeURIComponent(deflateRawSync(Buffer.from(xml)).toString('base64'))}`,
      `RelayState=${encodeURIComponent('idp-state')}`,
      `SigAlg=${encodeURIComponent('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')}`,
    ].join('&');
    if (options.sign === 'none') return signed;
    const key = options.sign === 'other-key' ? this.stranger.key : this.signing.key;
    return `${signed}&Signature=${encodeURIComponent(sign('RSA-SHA256', Buffer.from(signed), key).toString('base64'))}`;
  }

  /** An enveloped signature over the Assertion, placed after its Issuer as the schema wants. */
  private sign(assertion: string, pair: { key: string; cert: string }): string {
    const signer = new SignedXml({
      privateKey: pair.key,
      publicCert: pair.cert,
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    });
    signer.addReference({
      xpath: "//*[local-name(.)='Assertion']",
      transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    });
    signer.computeSignature(assertion, { location: { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: 'after' }, prefix: 'ds' });
    return signer.getSignedXml();
  }
}
