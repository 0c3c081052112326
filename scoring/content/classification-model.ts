import { z } from 'zod';
import { formIdSchema, formMetaSchema } from './form-file';

/**
 * The classification model as data: the consequence scale, the aspects (K, R, T, S), the
 * organisation's consequence areas with a text per level, and the thresholds of the derived
 * flags. An organisation ships its own "fastställda organisationsgemensamma modell" by replacing
 * this file; no code names a level, an aspect or an area.
 */

export const levelNumberSchema = z.number().int().min(0).max(9);

/** An aspect code as the profile writes it: "K2 R3 T2 S3". */
export const aspectCodeSchema = z.string().regex(/^[A-Z]$/, 'must be one capital letter');

const scaleLevelSchema = z
  .object({
    level: levelNumberSchema,
    name: z.string().min(1),
    definition: z.string().min(1),
    /**
     * A level outside the requirement catalog (säkerhetsskydd): reached only through the explicit
     * question, never by rating an area; it stops requirement generation and calls for a separate analysis.
     */
    specialAnalysis: z.boolean().optional(),
  })
  .strict();

const scaleSchema = z
  .object({
    id: formIdSchema,
    version: z.number().int().positive(),
    name: z.string().min(1),
    notAssessed: z.object({ name: z.string().min(1), definition: z.string().min(1) }).strict(),
    levels: z.array(scaleLevelSchema).min(2),
  })
  .strict()
  .refine((scale) => scale.levels.every((entry, index) => entry.level === index), {
    message: 'levels must be numbered 0, 1, 2, … in order',
    path: ['levels'],
  });

const aspectSchema = z
  .object({
    code: aspectCodeSchema,
    name: z.string().min(1),
    definition: z.string().min(1),
    /** The question a workshop asks for this aspect. */
    question: z.string().min(1),
  })
  .strict();

const areaLevelTextSchema = z.object({ level: levelNumberSchema, text: z.string().min(1) }).strict();

const consequenceAreaSchema = z
  .object({
    id: formIdSchema,
    name: z.string().min(1),
    description: z.string().min(1),
    levels: z.array(areaLevelTextSchema).min(1),
  })
  .strict();

const rulesSchema = z
  .object({
    /** A motivation is required for an aspect at this level or above. */
    motivationRequiredFrom: levelNumberSchema,
    /** Verksamhetskritisk when any of these aspects reaches the level (Sundsvall: R ≥ 3 or T ≥ 3). */
    critical: z.object({ aspects: z.array(aspectCodeSchema).min(1), atLeast: levelNumberSchema }).strict(),
    /** A risk analysis is recommended when any aspect reaches this level. */
    riskAnalysisFrom: levelNumberSchema,
  })
  .strict();

export const classificationModelFileSchema = z
  .object({
    meta: formMetaSchema.extend({ kind: z.literal('classification-model') }),
    scale: scaleSchema,
    aspects: z.array(aspectSchema).min(1),
    consequenceAreas: z.array(consequenceAreaSchema).min(1),
    rules: rulesSchema,
  })
  .strict()
  .superRefine((model, context) => {
    const levels = new Set(model.scale.levels.map((entry) => entry.level));
    const codes = new Set<string>();
    model.aspects.forEach((aspect, index) => {
      if (codes.has(aspect.code)) context.addIssue({ code: 'custom', path: ['aspects', index, 'code'], message: `duplicate aspect "${aspect.code}"` });
      codes.add(aspect.code);
    });
    const areaIds = new Set<string>();
    model.consequenceAreas.forEach((area, index) => {
      if (areaIds.has(area.id)) context.addIssue({ code: 'custom', path: ['consequenceAreas', index, 'id'], message: `duplicate area "${area.id}"` });
      areaIds.add(area.id);
      area.levels.forEach((entry, levelIndex) => {
        if (!levels.has(entry.level)) {
          context.addIssue({ code: 'custom', path: ['consequenceAreas', index, 'levels', levelIndex, 'level'], message: `level ${entry.level} is not on the scale` });
        }
      });
    });
    model.rules.critical.aspects.forEach((code, index) => {
      if (!codes.has(code)) context.addIssue({ code: 'custom', path: ['rules', 'critical', 'aspects', index], message: `unknown aspect "${code}"` });
    });
  });

export type ClassificationModel = z.infer<typeof classificationModelFileSchema>;
export type AspectCode = z.infer<typeof aspectCodeSchema>;
