import { z } from 'zod';
import { requirementThemes } from '../enumerations';
import { aspectCodeSchema, levelNumberSchema } from './classification-model';
import { formIdSchema, formMetaSchema } from './form-file';

/**
 * The requirement catalog (kravkatalog) as data, in our own words. Each requirement names the
 * ISO/IEC 27002:2022 control it implements by number only, and says when it applies: always
 * (baseline), from a level per aspect, or when a lagrum is ticked.
 */

/** The four themes of ISO/IEC 27002:2022 (clauses 5–8). */
export const requirementThemeSchema = z.enum(requirementThemes);

/** A control number of ISO/IEC 27002:2022, e.g. "8.13". */
export const iso27002ControlPattern = /^[5-8]\.[1-9][0-9]?$/;
export const iso27002ControlSchema = z.string().regex(iso27002ControlPattern, 'must be an ISO/IEC 27002:2022 control number such as 8.13');

const levelTextSchema = z
  .object({
    /** The text applies from this level of the requirement's `byLevel.aspect` upward, until a higher entry. */
    level: levelNumberSchema,
    arText: z.string().min(1),
    skaText: z.string().min(1),
  })
  .strict();

const requirementRefSchema = z.object({ id: formIdSchema, version: z.number().int().positive() }).strict();

const requirementSchema = z
  .object({
    id: formIdSchema,
    version: z.number().int().positive(),
    title: z.string().min(1),
    theme: requirementThemeSchema,
    /** ÄR-krav: a present-tense state of our own organisation. */
    arText: z.string().min(1),
    /** SKA-krav: the same control phrased for a procurement. */
    skaText: z.string().min(1),
    /**
     * Vägledning: how an organisation typically meets the requirement, what shows it is met, common
     * pitfalls. Advice, not part of what the requirement demands: it may be added or improved in a new
     * catalog version without a new requirement version (forms:check asks it of every requirement
     * once a catalog version has it).
     */
    guidance: z.string().trim().min(1).max(600).optional(),
    iso27002: z.array(iso27002ControlSchema).min(1),
    /** Citations of the law behind a lagrum requirement, for the reader; `lagrum` is what triggers. */
    legalReferences: z.array(z.string().min(1)).optional(),
    baseline: z.boolean().optional(),
    /** Applies when an aspect of the object's profile reaches this level. */
    minLevels: z.record(aspectCodeSchema, levelNumberSchema).optional(),
    /** Applies when any of these lagrum is ticked. */
    lagrum: z.array(formIdSchema).optional(),
    /** Where the control grows stronger with one aspect's level (backup, authentication, logging…). */
    byLevel: z.object({ aspect: aspectCodeSchema, texts: z.array(levelTextSchema).min(1) }).strict().optional(),
    /** Requirements of earlier catalog versions that this one replaces, so a plan's statuses carry over. */
    replaces: z.array(requirementRefSchema).optional(),
  })
  .strict()
  .refine((entry) => entry.baseline === true || Object.keys(entry.minLevels ?? {}).length > 0 || (entry.lagrum?.length ?? 0) > 0, {
    message: 'a requirement needs a trigger: baseline, minLevels or lagrum',
  });

export const requirementCatalogFileSchema = z
  .object({
    meta: formMetaSchema.extend({ kind: z.literal('requirement-catalog') }),
    requirements: z.array(requirementSchema).min(1),
  })
  .strict()
  .superRefine((catalog, context) => {
    const seen = new Set<string>();
    catalog.requirements.forEach((entry, index) => {
      if (seen.has(entry.id)) context.addIssue({ code: 'custom', path: ['requirements', index, 'id'], message: `duplicate requirement "${entry.id}"` });
      seen.add(entry.id);
    });
  });

export type RequirementCatalog = z.infer<typeof requirementCatalogFileSchema>;
export type Requirement = RequirementCatalog['requirements'][number];
export type RequirementTheme = z.infer<typeof requirementThemeSchema>;
