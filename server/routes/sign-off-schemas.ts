import { z } from '@hono/zod-openapi';
import { approvalSteps, roles } from '../../contract/enums';

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
