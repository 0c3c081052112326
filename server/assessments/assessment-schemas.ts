import { z } from '@hono/zod-openapi';
import { assessmentKinds, assessmentStatuses } from '../../scoring/enumerations';

export const assessmentKindSchema = z.enum(assessmentKinds);
export const assessmentStatusSchema = z.enum(assessmentStatuses);

/** Answers as SurveyJS keys them; the pinned form decides what is valid. */
export const answersSchema = z.record(z.string().max(200), z.unknown()).openapi('Answers');

export const assessmentSchema = z
  .object({
    id: z.string(),
    assetId: z.string(),
    organisationId: z.string(),
    kind: assessmentKindSchema,
    form: z.object({ id: z.string(), version: z.number().int() }),
    round: z.number().int(),
    previousId: z.string().nullable(),
    status: assessmentStatusSchema,
    revision: z.number().int(),
    answers: answersSchema,
    result: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'The server’s own scoring of the stored answers' }),
    summary: z.string().nullable(),
    missing: z.array(z.object({ field: z.string(), message: z.string() })).openapi({ description: 'What must be answered before it can be sent for review' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .openapi('Assessment');

export const saveAnswersSchema = z
  .object({
    baseRevision: z.number().int().min(0).openapi({ description: 'The revision the client’s answers start from' }),
    answers: answersSchema,
  })
  .strict()
  .openapi('SaveAnswers');
