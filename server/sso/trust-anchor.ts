import { createHash, X509Certificate } from 'node:crypto';
import type { IdentityProvider } from './provider-store';

/**
 * What makes an issuer's word true, for linking an identity seen through two providers. An OIDC
 * issuer is bound to its URL by discovery and signed tokens, so the URL is the anchor. A SAML
 * Issuer is only a string the key holder writes: its anchor is the signing certificate, so an
 * admin who configures their own certificate with someone else's issuer links to no one.
 */
export function trustAnchor(provider: IdentityProvider): string {
  const { settings } = provider;
  if (settings.protocol === 'oidc') return `oidc:${settings.issuer}`;
  return `saml:${createHash('sha256').update(new X509Certificate(settings.idpCert).raw).digest('hex')}`;
}
