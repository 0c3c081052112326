import { z } from '@hono/zod-openapi';
import { roles } from '../auth/roles';

export const approvalSchema = z
  .object({
    id: z.string(),
    step: z.enum(['ready', 'dso_advice', 'decision', 'returned']).openapi({ description: 'ready (objektledare), dso_advice, decision (the last approval), returned (a rejection, with its reason)' }),
    userId: z.string(),
    userName: z.string(),
    role: z.enum(roles),
    statement: z.string().openapi({ description: 'What they confirmed; for a return, the reason' }),
    details: z.record(z.string(), z.string().nullable()).openapi({ description: 'advice and reasons; decision, reasons and departsFromAdvice; reason' }),
    revision: z.number().int(),
    createdAt: z.string(),
    withdrawnAt: z.string().nullable().openapi({ description: 'Set when the assessment went back to utkast (or the DSO advised anew): no longer counts' }),
  })
  .openapi('Approval');

export const protocolInfoSchema = z
  .object({
    id: z.string(),
    assessmentId: z.string(),
    assetId: z.string(),
    version: z.number().int(),
    fileName: z.string(),
    size: z.number().int(),
    sha256: z.string().openapi({ description: 'SHA-256 of the sealed file' }),
    contentSha256: z.string().openapi({ description: 'SHA-256 of the data it was rendered from, printed on its last page' }),
    sealFingerprint: z.string(),
    developmentSeal: z.boolean(),
    sealedAt: z.string(),
  })
  .openapi('ProtocolInfo');

const certificateSchema = z.object({ subject: z.string(), issuer: z.string(), serialNumber: z.string(), validFrom: z.string(), validTo: z.string(), fingerprint: z.string(), selfSigned: z.boolean() });

export const verificationSchema = z
  .object({
    verdict: z.enum(['valid', 'modified', 'unsigned', 'invalid']).openapi({ description: 'valid: signature verifies and covers the whole file; modified: the file changed after sealing; unsigned: no signature; invalid: a signature that cannot be checked' }),
    signed: z.boolean(),
    cryptographicallyValid: z.boolean(),
    coversWholeFile: z.boolean(),
    pades: z.object({ subFilter: z.string().nullable(), contentType: z.boolean(), messageDigest: z.boolean(), signingCertificateV2: z.boolean(), signingTime: z.boolean() }).openapi({ description: 'The PAdES B-B parts found; signingTime should be false (the time is in the signature dictionary)' }),
    signingTime: z.string().nullable(),
    certificate: certificateSchema.nullable(),
    thisInstallationsSeal: z.boolean().openapi({ description: 'The signing certificate is the seal this Sigill uses' }),
    developmentSeal: z.boolean(),
    protocol: z
      .object({ id: z.string(), identical: z.boolean().openapi({ description: 'Byte for byte the stored file' }), assetId: z.string(), assetName: z.string(), assessmentId: z.string(), kind: z.string(), round: z.number().int(), version: z.number().int(), sealedAt: z.string(), sha256: z.string() })
      .nullable()
      .openapi({ description: 'The stored protocol the file is (or was before it was modified)' }),
    problems: z.array(z.string()).openapi({ description: 'In Swedish, for people' }),
  })
  .openapi('Verification');
