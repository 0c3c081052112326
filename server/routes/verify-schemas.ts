import { z } from '@hono/zod-openapi';
import { verdicts } from '../../scoring/enumerations';

const certificateSchema = z.object({ subject: z.string(), issuer: z.string(), serialNumber: z.string(), validFrom: z.string(), validTo: z.string(), fingerprint: z.string(), selfSigned: z.boolean() });

const trustSchema = z
  .object({
    kind: z.enum(['this-installation', 'trust-anchor', 'unknown']),
    anchor: z.string().nullable().openapi({ description: 'The subject of the configured trust anchor the signer chains to' }),
  })
  .openapi('SignerTrust', { description: 'this-installation: this Sigill’s seal; trust-anchor: chains to a configured anchor (SIGILL_TRUST_ANCHORS); unknown: anyone else' });

const timestampSchema = z
  .object({
    time: z.string().openapi({ description: 'The time the authority vouches for (genTime), ISO 8601' }),
    authority: z.string().openapi({ description: 'The subject of the certificate that signed the timestamp token' }),
    valid: z.boolean().openapi({ description: 'The token is signed by that certificate and stamps this signature (a document timestamp: its revision)' }),
  })
  .openapi('VerifiedTimestamp');

const signatureSchema = z
  .object({
    number: z.number().int().openapi({ description: '1 for the first signature in the file' }),
    kind: z.enum(['signature', 'timestamp']),
    revision: z.number().int().nullable().openapi({ description: 'The revision of the file the signature seals; null when its byte range ends where no revision does' }),
    coversRevision: z.boolean(),
    coversWholeFile: z.boolean(),
    cryptographicallyValid: z.boolean(),
    hiddenBytesInContents: z.number().int().openapi({ description: 'Bytes after the DER in /Contents that are not zero padding' }),
    subFilter: z.string().nullable(),
    signingTime: z.string().nullable(),
    certificate: certificateSchema.nullable(),
    trust: trustSchema,
    thisInstallationsSeal: z.boolean(),
    timestamp: timestampSchema.nullable().openapi({ description: 'A signature: its RFC 3161 signature timestamp (PAdES B-T), if any; a document timestamp: its own time and authority' }),
    problems: z.array(z.string()).openapi({ description: 'In Swedish, for people' }),
  })
  .openapi('VerifiedSignature');

export const verificationSchema = z
  .object({
    verdict: z.enum(verdicts).openapi({
      description: [
        'valid: every signature verifies and seals a revision, nothing but signatures, timestamps or validation data was added after the first,',
        'and every signer is this installation’s seal or chains to a configured anchor;',
        'untrusted: the same, but a signer is unknown here (giltig signatur, okänd utfärdare);',
        'modified: the file changed after sealing; unsigned: no signature; invalid: a signature or the file’s structure cannot be checked',
      ].join(' '),
    }),
    signed: z.boolean(),
    cryptographicallyValid: z.boolean().openapi({ description: 'Every signature verifies over its byte range' }),
    coversWholeFile: z.boolean().openapi({ description: 'The newest signature covers the whole file' }),
    pades: z.object({ subFilter: z.string().nullable(), contentType: z.boolean(), messageDigest: z.boolean(), signingCertificateV2: z.boolean(), signingTime: z.boolean() }).openapi({ description: 'The PAdES B-B parts of the newest signature; signingTime should be false (the time is in the signature dictionary)' }),
    signingTime: z.string().nullable(),
    timestamp: timestampSchema.nullable().openapi({
      description: 'The earliest valid proof of time for the first seal: its signature timestamp, else the first document timestamp after it; null: the seal carries no timestamp (tidsstämpel saknas)',
    }),
    certificate: certificateSchema.nullable().openapi({ description: 'The newest signature’s certificate' }),
    thisInstallationsSeal: z.boolean().openapi({ description: 'Every signature is by the seal this Sigill uses' }),
    developmentSeal: z.boolean(),
    trust: trustSchema.openapi({ description: 'The weakest signer trust in the file' }),
    signatures: z.array(signatureSchema),
    revisions: z.number().int().openapi({ description: 'How many revisions (the original and its incremental updates) the file has' }),
    updates: z.array(z.object({ revision: z.number().int(), parts: z.array(z.string()) })).openapi({ description: 'What each revision after the first sealed one adds that is allowed (signatur, valideringsdata …)' }),
    documentId: z.string().nullable().openapi({ description: 'The document id printed in the file' }),
    protocol: z
      .object({
        type: z.enum(['protocol', 'review-confirmation']),
        id: z.string(),
        identical: z.boolean().openapi({ description: 'Byte for byte the stored file' }),
        storedRevisionIdentical: z.boolean().openapi({ description: 'The file begins with the stored file byte for byte (later revisions may follow)' }),
        documentIdMatches: z.boolean().openapi({ description: 'The document id printed in the file is this document’s' }),
        assetId: z.string(),
        assetName: z.string(),
        assessmentId: z.string(),
        kind: z.string(),
        round: z.number().int(),
        version: z.number().int().nullable().openapi({ description: 'A protocol’s version; null for a review confirmation' }),
        sealedAt: z.string(),
        sha256: z.string(),
      })
      .nullable()
      .openapi({ description: 'The stored protocol or review confirmation the file is, matched by its printed document id and its SHA-256' }),
    problems: z.array(z.string()).openapi({ description: 'In Swedish, for people' }),
  })
  .openapi('Verification');
