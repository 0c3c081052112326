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
    /** A short text that helps the room apply the aspect: what to judge and what not. */
    guidance: z.string().min(1).optional(),
    /** Common municipal objects typical of each level, so a workshop calibrates against examples rather than adjectives. */
    typicalFor: z.array(z.object({ level: levelNumberSchema, examples: z.array(z.string().min(1)).min(1) }).strict()).optional(),
  })
  .strict();

const areaLevelTextSchema = z.object({ level: levelNumberSchema, text: z.string().min(1) }).strict();

/**
 * A numeric threshold stated as data, so that a level boundary cannot be read two ways and the
 * workshop can show what it means for the owning organisation ("0,1 % of a 1 200 Mkr budget").
 */
export const thresholdSchema = z
  .object({
    quantity: z.string().min(1),
    unit: z.enum(['procent', 'kronor']),
    /** What a percentage is taken of. */
    basis: z.string().min(1),
    basisDefinition: z.string().min(1),
    /** The lowest value that reaches each level; levels below the first are reached by less. */
    levels: z.array(z.object({ level: levelNumberSchema, from: z.number().positive() }).strict()).min(1),
  })
  .strict()
  .refine((threshold) => threshold.levels.every((entry, index, all) => index === 0 || (entry.level > all[index - 1]!.level && entry.from > all[index - 1]!.from)), {
    message: 'threshold levels must rise with their values',
    path: ['levels'],
  });

const consequenceAreaSchema = z
  .object({
    id: formIdSchema,
    name: z.string().min(1),
    description: z.string().min(1),
    /** One text per level for every aspect (model v1); replaced by byAspect where each aspect has its own. */
    levels: z.array(areaLevelTextSchema).min(1).optional(),
    /** Aspect code → a text per level, written for that aspect: what disclosure, error, outage or lost traceability does here. */
    byAspect: z.record(aspectCodeSchema, z.array(areaLevelTextSchema).min(1)).optional(),
    threshold: thresholdSchema.optional(),
  })
  .strict()
  .refine((area) => (area.levels === undefined) !== (area.byAspect === undefined), {
    message: 'give either levels (one text for all aspects) or byAspect (a text per aspect), not both',
    path: ['levels'],
  });

/** Verksamhetskritisk when any of the aspects reaches the level; with areas, only when one of those areas drove it. */
const criticalConditionSchema = z
  .object({ aspects: z.array(aspectCodeSchema).min(1), atLeast: levelNumberSchema, areas: z.array(formIdSchema).min(1).optional() })
  .strict();

const rulesSchema = z
  .object({
    /** A motivation is required for an aspect at this level or above. */
    motivationRequiredFrom: levelNumberSchema,
    /** Verksamhetskritisk (Sundsvall: R ≥ 3 or T ≥ 3); a list holds when any of its conditions does. */
    critical: z.union([criticalConditionSchema, z.array(criticalConditionSchema).min(1)]),
    /** A risk analysis is recommended when any aspect reaches this level. */
    riskAnalysisFrom: levelNumberSchema,
    /**
     * Information counts as this level of the aspect until it has been tried against the
     * offentlighets- och sekretesslag (K1 until tried): a lower rating is raised, with the reason.
     */
    unreviewedFloor: z.object({ aspect: aspectCodeSchema, level: levelNumberSchema }).strict().optional(),
  })
  .strict();

export type CriticalCondition = z.infer<typeof criticalConditionSchema>;

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
      const texts: [string[], { level: number }[]][] = area.byAspect
        ? Object.entries(area.byAspect).map(([code, entries]) => [['consequenceAreas', String(index), 'byAspect', code], entries])
        : [[['consequenceAreas', String(index), 'levels'], area.levels ?? []]];
      for (const [path, entries] of texts) {
        entries.forEach((entry, levelIndex) => {
          if (!levels.has(entry.level)) context.addIssue({ code: 'custom', path: [...path, levelIndex, 'level'], message: `level ${entry.level} is not on the scale` });
        });
      }
      if (area.byAspect) {
        for (const code of Object.keys(area.byAspect)) {
          if (!codes.has(code)) context.addIssue({ code: 'custom', path: ['consequenceAreas', index, 'byAspect', code], message: `unknown aspect "${code}"` });
        }
        for (const code of codes) {
          if (!area.byAspect[code]) context.addIssue({ code: 'custom', path: ['consequenceAreas', index, 'byAspect'], message: `aspect ${code} has no texts` });
        }
      }
    });
    [model.rules.critical].flat().forEach((condition, conditionIndex) => {
      condition.aspects.forEach((code, index) => {
        if (!codes.has(code)) context.addIssue({ code: 'custom', path: ['rules', 'critical', conditionIndex, 'aspects', index], message: `unknown aspect "${code}"` });
      });
      condition.areas?.forEach((id, index) => {
        if (!areaIds.has(id)) context.addIssue({ code: 'custom', path: ['rules', 'critical', conditionIndex, 'areas', index], message: `unknown area "${id}"` });
      });
    });
    const floor = model.rules.unreviewedFloor;
    if (floor && !codes.has(floor.aspect)) context.addIssue({ code: 'custom', path: ['rules', 'unreviewedFloor', 'aspect'], message: `unknown aspect "${floor.aspect}"` });
  });


export type ClassificationModel = z.infer<typeof classificationModelFileSchema>;
export type AspectCode = z.infer<typeof aspectCodeSchema>;
