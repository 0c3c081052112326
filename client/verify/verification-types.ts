/** POST /api/verify's answer; mirrors verificationSchema in server/routes/sign-off-schemas.ts. */

export type Verdict = 'valid' | 'modified' | 'unsigned' | 'invalid';

export interface SealCertificate {
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
  fingerprint: string;
  selfSigned: boolean;
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
  protocol: {
    id: string;
    /** Byte for byte the stored file. */
    identical: boolean;
    assetId: string;
    assetName: string;
    assessmentId: string;
    kind: string;
    round: number;
    version: number;
    sealedAt: string;
    sha256: string;
  } | null;
  /** In Swedish, for people. */
  problems: string[];
}
