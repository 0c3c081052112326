import { z } from 'zod';
import { formIdSchema, formMetaSchema } from './form-file';

/** When the classification suggests a lagrum the workshop has not ticked. */
export const lagrumSuggestionSchema = z.enum(['personuppgifter', 'kansliga-personuppgifter']);

const lagrumSchema = z
  .object({
    id: formIdSchema,
    name: z.string().min(1),
    /** How the law is cited: "SFS 2009:400", "förordning (EU) 2016/679". */
    reference: z.string().min(1),
    description: z.string().min(1),
    suggestedWhen: lagrumSuggestionSchema.optional(),
  })
  .strict();

/** The laws and regulations (lagrum) a classification can tick; each can add its own requirements. */
export const lagrumFileSchema = z
  .object({
    meta: formMetaSchema.extend({ kind: z.literal('lagrum') }),
    lagrum: z.array(lagrumSchema).min(1),
  })
  .strict()
  .superRefine((file, context) => {
    const seen = new Set<string>();
    file.lagrum.forEach((entry, index) => {
      if (seen.has(entry.id)) context.addIssue({ code: 'custom', path: ['lagrum', index, 'id'], message: `duplicate lagrum "${entry.id}"` });
      seen.add(entry.id);
    });
  });

export type LagrumFile = z.infer<typeof lagrumFileSchema>;
export type Lagrum = LagrumFile['lagrum'][number];
