import { z } from '@hono/zod-openapi';
import { approvalSteps, roles } from '../../scoring/enumerations';

export const approvalSchema = z
  .object({
    id: z.string(),
    step: z.enum(approvalSteps).openapi({ description: 'ready (objektledare), dso_advice, decision (the last approval), returned (a rejection, with its reason)' }),
    userId: z.string(),
    userName: z.string(),
    role: z.enum(roles),
    statement: z.string().openapi({ description: 'What they confirmed; for a return, the reason' }),
    details: z.record(z.string(), z.string().nullable()).openapi({ description: 'advice and reasons; decision, reasons and departsFromAdvice; reason' }),
    revision: z.number().int(),
    createdAt: z.string(),
    withdrawnAt: z.string().nullable().openapi({ description: 'Set when the assessment went back to utkast (or the DSO advised anew): no longer counts' }),
    delegation: z.string().nullable().openapi({ description: 'A decision only: the delegation it was taken under, when given' }),
    diarienummer: z.string().nullable().openapi({ description: 'A decision only: the case’s diarienummer, when given' }),
  })
  .openapi('Approval');

/** A sealed document's RFC 3161 proof of time (a protocol's, a review confirmation's). */
export const documentTimestampSchema = z
  .object({
    kind: z.enum(['signature', 'document']).openapi({ description: 'signature: in the seal itself (PAdES B-T); document: a later document timestamp, the authority having been down at sealing' }),
    time: z.string().openapi({ description: 'The time the authority vouches for' }),
    authority: z.string().openapi({ description: 'Subject of the authority’s certificate' }),
    sha256: z.string().openapi({ description: 'SHA-256 of the file as served with it' }),
  })
  .nullable()
  .openapi({ description: 'The RFC 3161 proof of time; null: tidsstämpel saknas (none configured, or the authority has not answered yet)' });

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
    timestamp: documentTimestampSchema,
  })
  .openapi('ProtocolInfo');

/** Where a level-4 classification's särskild analys is kept (issue 17): the reference only, never its content. */
export const specialAnalysisSchema = z
  .object({ reference: z.string(), userName: z.string(), recordedAt: z.string() })
  .openapi('SpecialAnalysis');

export const specialAnalysisStepSchema = z
  .object({
    recorded: specialAnalysisSchema.nullable(),
    earlier: specialAnalysisSchema.nullable().openapi({ description: 'A reference recorded for levels the classification no longer has: it must be confirmed again' }),
  })
  .nullable()
  .openapi({ description: 'The särskild analys step: null when the classification has no level-4 mark; recorded null while it waits for the säkerhetsskyddschef' });
