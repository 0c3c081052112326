import { generateKeyPair, randomBytes, webcrypto } from 'node:crypto';
import { promisify } from 'node:util';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { pkiEngine } from './crypto-engine';

const oid = { commonName: '2.5.4.3', organisation: '2.5.4.10', country: '2.5.4.6', basicConstraints: '2.5.29.19', keyUsage: '2.5.29.15' };
const signingAlgorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

/** C, O and CN each in its own RDN (pkijs would put them all in one multi-valued RDN). */
function distinguishedName(organisation: string): pkijs.RelativeDistinguishedNames {
  const parts = [
    new pkijs.AttributeTypeAndValue({ type: oid.country, value: new asn1js.PrintableString({ value: 'SE' }) }),
    new pkijs.AttributeTypeAndValue({ type: oid.organisation, value: new asn1js.Utf8String({ value: organisation }) }),
    new pkijs.AttributeTypeAndValue({ type: oid.commonName, value: new asn1js.Utf8String({ value: `${organisation} – Sigill utvecklingssigill` }) }),
  ];
  const der = new asn1js.Sequence({ value: parts.map((part) => new asn1js.Set({ value: [part.toSchema()] })) }).toBER(false);
  return pkijs.RelativeDistinguishedNames.fromBER(der);
}

/**
 * A self-signed RSA seal certificate for an installation that has none configured, so that a
 * first start works without set-up. Its name says it is for development; so does every protocol.
 */
/**
 * A certificate serial from random bytes: a positive DER INTEGER in its shortest form. A first byte
 * of 0 would be a padding byte strict parsers (OpenSSL) reject, and one ≥ 0x80 would be negative.
 */
export function certificateSerial(random: Uint8Array): Uint8Array {
  const serial = Uint8Array.from(random);
  serial[0] = (serial[0]! & 0x7f) || 0x01;
  return serial;
}

export async function createDevelopmentCertificate(organisation: string, now = new Date(), randomSerial: () => Uint8Array = () => randomBytes(16)): Promise<{ privateKeyPkcs8: Uint8Array; certificate: Uint8Array }> {
  pkiEngine();
  // In libuv's thread pool: a 3072-bit key takes a second or more, which on the main thread stalled every request of a fresh installation's first seal.
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 3072 });
  const privateKeyPkcs8 = new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' }));
  const subtle = webcrypto.subtle;
  const signingKey = await subtle.importKey('pkcs8', privateKeyPkcs8, signingAlgorithm, false, ['sign']);
  const verifyingKey = await subtle.importKey('spki', publicKey.export({ format: 'der', type: 'spki' }), signingAlgorithm, true, ['verify']);

  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ valueHex: certificateSerial(randomSerial()) });
  certificate.issuer = distinguishedName(organisation);
  certificate.subject = distinguishedName(organisation);
  certificate.notBefore.value = new Date(now.getTime() - 60_000);
  certificate.notAfter.value = new Date(Date.UTC(now.getUTCFullYear() + 10, now.getUTCMonth(), now.getUTCDate()));
  certificate.extensions = [
    new pkijs.Extension({ extnID: oid.basicConstraints, critical: true, extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false) }),
    // digitalSignature and nonRepudiation (contentCommitment): what a seal on a document is for.
    new pkijs.Extension({ extnID: oid.keyUsage, critical: true, extnValue: new asn1js.BitString({ valueHex: new Uint8Array([0xc0]), unusedBits: 6 }).toBER(false) }),
  ];
  await certificate.subjectPublicKeyInfo.importKey(verifyingKey as unknown as CryptoKey);
  await certificate.sign(signingKey as unknown as CryptoKey, 'SHA-256');
  return { privateKeyPkcs8, certificate: new Uint8Array(certificate.toSchema(true).toBER(false)) };
}
