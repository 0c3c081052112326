import { createHash, webcrypto } from 'node:crypto';
import { Signer } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { pkiEngine } from './crypto-engine';
import type { SealMaterial } from './seal-material';
import { requestTimestamp, type TsaSettings } from './tsa-client';

export const oids = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
};

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * ESS signing-certificate-v2 (RFC 5035): binds the signature to the seal certificate by its
 * SHA-256 (the default algorithm, so left out) and its issuer and serial number.
 */
function signingCertificateV2(certificate: pkijs.Certificate, der: Uint8Array): asn1js.Sequence {
  const certHash = createHash('sha256').update(der).digest();
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificate.issuer.toSchema()] })] }),
      new asn1js.Integer({ valueHex: certificate.serialNumber.valueBlock.valueHexView }),
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: toArrayBuffer(certHash) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function keyAlgorithm(certificate: pkijs.Certificate): RsaHashedImportParams | EcKeyImportParams {
  const algorithm = certificate.subjectPublicKeyInfo.algorithm.algorithmId;
  if (algorithm === '1.2.840.10045.2.1') {
    const curve = (certificate.subjectPublicKeyInfo.algorithm.algorithmParams as asn1js.ObjectIdentifier).valueBlock.toString();
    const namedCurve = ({ '1.2.840.10045.3.1.7': 'P-256', '1.3.132.0.34': 'P-384', '1.3.132.0.35': 'P-521' } as Record<string, string>)[curve];
    if (!namedCurve) throw new Error(`Unsupported seal key curve ${curve}`);
    return { name: 'ECDSA', namedCurve };
  }
  return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
}

/**
 * A CAdES signer for @signpdf producing PAdES baseline B-B: the signed attributes are exactly
 * contentType, messageDigest and signingCertificateV2 — no signingTime, which PAdES puts in the
 * signature dictionary (/M) instead. The key is imported into WebCrypto once and reused, which is
 * what makes it about ten times faster than @signpdf's P12 signer.
 *
 * With a time-stamping authority it makes B-T: the authority's token over the signature value goes
 * into the unsigned attributes (id-aa-signatureTimeStampToken, RFC 3161 appendix A). An authority
 * that fails leaves the seal without one — a decision never waits on it; a later document timestamp
 * adds the proof of time (server/protocols/timestamp-retry.ts).
 */
export class PadesSigner extends Signer {
  private readonly certificates: pkijs.Certificate[];
  private readonly keyPromise: Promise<CryptoKey>;

  constructor(private readonly material: SealMaterial, private readonly tsa: TsaSettings | null = null) {
    super();
    pkiEngine();
    this.certificates = material.chain.map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der)));
    this.keyPromise = webcrypto.subtle.importKey('pkcs8', material.privateKeyPkcs8, keyAlgorithm(this.certificates[0]!), false, ['sign']) as Promise<CryptoKey>;
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    const key = await this.keyPromise;
    const seal = this.certificates[0]!;
    const digest = createHash('sha256').update(pdfBuffer).digest();
    const signerInfo = new pkijs.SignerInfo({
      version: 1,
      sid: new pkijs.IssuerAndSerialNumber({ issuer: seal.issuer, serialNumber: seal.serialNumber }),
      signedAttrs: new pkijs.SignedAndUnsignedAttributes({
        type: 0,
        attributes: [
          new pkijs.Attribute({ type: oids.contentType, values: [new asn1js.ObjectIdentifier({ value: oids.data })] }),
          new pkijs.Attribute({ type: oids.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })] }),
          new pkijs.Attribute({ type: oids.signingCertificateV2, values: [signingCertificateV2(seal, this.material.chain[0]!)] }),
        ],
      }),
    });
    const signedData = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: oids.data }),
      signerInfos: [signerInfo],
      certificates: this.certificates,
    });
    await signedData.sign(key, 0, 'SHA-256');
    if (this.tsa) await this.addTimestamp(signerInfo, this.tsa);
    const contentInfo = new pkijs.ContentInfo({ contentType: oids.signedData, content: signedData.toSchema(true) });
    return Buffer.from(contentInfo.toSchema().toBER(false));
  }

  private async addTimestamp(signerInfo: pkijs.SignerInfo, tsa: TsaSettings): Promise<void> {
    let token: Uint8Array;
    try {
      token = await requestTimestamp(tsa, new Uint8Array(signerInfo.signature.valueBlock.valueHexView));
    } catch {
      // Not a lost error: sealing checks its output for the token and counts the protocol as waiting
      // for one, and the retry asks the authority again and logs why when it still fails.
      return;
    }
    const asn1 = asn1js.fromBER(toArrayBuffer(token));
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: oids.signatureTimeStampToken, values: [asn1.result] })],
    });
  }
}
