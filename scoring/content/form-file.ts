import { z } from 'zod';

/** Stable identifiers: lower-case words joined by hyphens. They are API and never renamed. */
export const stableIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const stableIdMessage = 'must be lower-case words joined by hyphens';

export const formIdSchema = z.string().regex(stableIdPattern, stableIdMessage);

/** Another forms file, pinned by id and version, that a file is scored or read together with. */
export const formRefSchema = z
  .object({ kind: z.string().min(1), id: formIdSchema, version: z.number().int().positive() })
  .strict();

export type FormRef = z.infer<typeof formRefSchema>;

export const formMetaSchema = z
  .object({
    id: formIdSchema,
    version: z.number().int().positive(),
    kind: z.string().min(1),
    title: z.string().min(1),
    locale: z.enum(['sv', 'en']),
    publishedAt: z.iso.date(),
    description: z.string().optional(),
    /** The files this one is used with (a questionnaire's model, catalog and lagrum list); each must exist. */
    uses: z.array(formRefSchema).optional(),
  })
  .strict();

export type FormMeta = z.infer<typeof formMetaSchema>;

/** A SurveyJS survey definition: checked structurally here, and by survey-core itself when loaded. */
export const surveyJsonSchema = z
  .looseObject({
    pages: z.array(z.looseObject({ name: z.string().min(1) })).min(1).optional(),
    elements: z.array(z.looseObject({ type: z.string(), name: z.string() })).optional(),
  })
  .refine((survey) => survey.pages !== undefined || survey.elements !== undefined, {
    message: 'a survey needs pages or elements',
  });

export const questionnaireFileSchema = z
  .object({
    meta: formMetaSchema.extend({ kind: z.literal('questionnaire') }),
    survey: surveyJsonSchema,
  })
  .strict();

export type QuestionnaireFile = z.infer<typeof questionnaireFileSchema>;
