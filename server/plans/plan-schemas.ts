import { z } from '@hono/zod-openapi';
import { isoDate, trimmedText } from '../routes/schemas';

import { planStatuses, priorities } from '../../scoring/enumerations';

export const planItemSchema = z
  .object({
    id: z.string(),
    assetId: z.string(),
    source: z.enum(['classification', 'dpia']),
    sourceKey: z.string().openapi({ description: 'The requirement id, or the DPIA answer path of a measure' }),
    assessmentId: z.string(),
    title: z.string(),
    detail: z.record(z.string(), z.unknown()).openapi({ description: 'Why it applies and the text for the level reached' }),
    applicable: z.boolean(),
    status: z.enum(planStatuses),
    statusMotivation: z.string().nullable(),
    riskDecidedBy: z.string().nullable(),
    riskDecidedOn: z.string().nullable(),
    riskValidUntil: z.string().nullable(),
    ansvarig: z.string().nullable(),
    priority: z.enum(priorities).nullable(),
    plannedDate: z.string().nullable(),
    hur: z.string().nullable(),
    hurSource: z.enum(['item', 'organisation', 'central']).nullable().openapi({ description: 'Whether "hur" is the item’s own, inherited from the organisation’s default, or the central owner’s (fulfilled centrally)' }),
    fulfilledCentrally: z.boolean().openapi({ description: 'The adopted template’s central owner fulfils it: uppfyllt with the central "hur", not editable locally' }),
    evidenceUrl: z.string().nullable(),
    comment: z.string().nullable(),
    revision: z.number().int(),
    updatedAt: z.string(),
    requirementVersion: z.number().int().nullable().openapi({ description: 'Classification: the version of the requirement the item now shows' }),
    assessedAgainst: z.array(z.object({ id: z.string(), version: z.number().int() })).openapi({ description: 'The requirement(s) the status was judged against' }),
    needsReassessment: z.boolean().openapi({ description: 'The requirement changed since the status was set ("Kravet har ändrats — bedöm igen"); setting a status clears it' }),
    replacedBy: z.array(z.string()).openapi({ description: 'On an item kept as history: the requirement ids that replaced its requirement' }),
  })
  .openapi('PlanItem');

export type PlanItem = z.infer<typeof planItemSchema>;

const requirementTextsSchema = z
  .object({
    theme: z.enum(['organisatorisk', 'personal', 'fysisk', 'teknisk']).openapi({ description: 'The ISO/IEC 27002:2022 theme the requirement is grouped under' }),
    arText: z.string().openapi({ description: 'The ÄR-krav: the state the organisation is in when the requirement is met' }),
    levelText: z.object({ aspect: z.string(), level: z.number().int(), arText: z.string() }).nullable().openapi({ description: 'The stronger text for the level reached' }),
    iso27002: z.array(z.object({ id: z.string(), title: z.string().nullable() })).openapi({ description: 'ISO/IEC 27002:2022 controls with their Swedish headings' }),
    guidance: z.string().nullable().openapi({
      description: 'Vägledning: how the requirement is typically met, from the catalog version the item was made with; null when that version gives none',
    }),
  })
  .openapi('PlanRequirementTexts');

export type PlanRequirementTexts = z.infer<typeof requirementTextsSchema>;

/** A plan item as the plan page reads it: a classification item with its requirement's texts, null for a DPIA measure. */
export const planItemWithTextsSchema = planItemSchema.extend({ requirement: requirementTextsSchema.nullable() }).openapi('PlanItemWithTexts');

export type PlanItemWithTexts = z.infer<typeof planItemWithTextsSchema>;

const evidenceUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) link' }).max(2000);

export const planItemPatchSchema = z
  .object({
    baseRevision: z.number().int().min(1),
    status: z.enum(planStatuses).optional(),
    statusMotivation: trimmedText(2000).nullable().optional(),
    riskDecidedBy: trimmedText(200).nullable().optional(),
    riskDecidedOn: isoDate.nullable().optional(),
    riskValidUntil: isoDate.nullable().optional(),
    ansvarig: trimmedText(200).nullable().optional(),
    priority: z.enum(priorities).nullable().optional(),
    plannedDate: isoDate.nullable().optional(),
    hur: trimmedText(4000).nullable().optional(),
    evidenceUrl: evidenceUrl.nullable().optional(),
    comment: trimmedText(4000).nullable().optional(),
  })
  .strict()
  .openapi('PlanItemPatch');

export type PlanItemPatch = z.infer<typeof planItemPatchSchema>;
