import { createHash, X509Certificate } from 'node:crypto';

export interface CertificateInfo {
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
  /** SHA-256 of the DER certificate, hex. */
  fingerprint: string;
  selfSigned: boolean;
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The facts about a certificate a person checking a seal wants to read. */
export function certificateInfo(der: Uint8Array): CertificateInfo {
  const certificate = new X509Certificate(der);
  return {
    subject: certificate.subject.replaceAll('\n', ', '),
    issuer: certificate.issuer.replaceAll('\n', ', '),
    serialNumber: certificate.serialNumber,
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
    fingerprint: sha256Hex(der),
    selfSigned: certificate.subject === certificate.issuer && certificate.verify(certificate.publicKey),
  };
}
