/** POST /api/verify's answer; mirrors verificationSchema in server/routes/verify-schemas.ts. */

export type Verdict = 'valid' | 'untrusted' | 'modified' | 'unsigned' | 'invalid';

export interface SealCertificate {
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
  fingerprint: string;
  selfSigned: boolean;
}

export interface SignerTrust {
  kind: 'this-installation' | 'trust-anchor' | 'unknown';
  /** The configured anchor's subject the signer chains to. */
  anchor: string | null;
}

export interface VerifiedSignature {
  number: number;
  kind: 'signature' | 'timestamp';
  /** The revision of the file it seals; null when its byte range ends where no revision does. */
  revision: number | null;
  coversRevision: boolean;
  coversWholeFile: boolean;
  cryptographicallyValid: boolean;
  hiddenBytesInContents: number;
  subFilter: string | null;
  signingTime: string | null;
  certificate: SealCertificate | null;
  trust: SignerTrust;
  thisInstallationsSeal: boolean;
  /** In Swedish, for people. */
  problems: string[];
}

export interface Verification {
  verdict: Verdict;
  signed: boolean;
  cryptographicallyValid: boolean;
  coversWholeFile: boolean;
  pades: { subFilter: string | null; contentType: boolean; messageDigest: boolean; signingCertificateV2: boolean; signingTime: boolean };
  signingTime: string | null;
  certificate: SealCertificate | null;
  thisInstallationsSeal: boolean;
  developmentSeal: boolean;
  trust: SignerTrust;
  signatures: VerifiedSignature[];
  revisions: number;
  updates: { revision: number; parts: string[] }[];
  /** The document id printed in the file. */
  documentId: string | null;
  protocol: {
    type: 'protocol' | 'review-confirmation';
    id: string;
    /** Byte for byte the stored file. */
    identical: boolean;
    storedRevisionIdentical: boolean;
    documentIdMatches: boolean;
    assetId: string;
    assetName: string;
    assessmentId: string;
    kind: string;
    round: number;
    version: number | null;
    sealedAt: string;
    sha256: string;
  } | null;
  /** In Swedish, for people. */
  problems: string[];
}
