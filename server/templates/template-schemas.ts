import { z } from '@hono/zod-openapi';
import { idPattern } from '../ids';
import { requiredText, trimmedText } from '../routes/schemas';

const level = z.number().int().nullable().openapi({ description: 'Consequence level; null is ej bedömd' });
const aspectLevels = z.record(z.string(), level);

export const levelSnapshotSchema = z.object({ profile: aspectLevels, informationSets: z.array(z.object({ name: z.string(), levels: aspectLevels })) }).openapi('TemplateLevels');
const fulfilledSchema = z.object({ requirementId: z.string(), title: z.string(), hur: z.string() });

export const templateVersionSchema = z
  .object({
    id: z.string(),
    templateId: z.string(),
    version: z.number().int(),
    name: z.string(),
    description: z.string(),
    sourceAssessmentId: z.string(),
    form: z.object({ id: z.string(), version: z.number().int() }),
    levels: levelSnapshotSchema,
    profileText: z.string(),
    loweringPolicy: z.enum(['never', 'with_approval']),
    loweringApprover: z.enum(['central', 'local']).nullable().openapi({ description: 'Whose informationsägare (beslutsfattare) approves a lowering' }),
    fulfilled: z.array(fulfilledSchema).openapi({ description: 'Requirements the central owner fulfils for everyone, with how' }),
    publishedBy: z.string(),
    publishedAt: z.string(),
  })
  .openapi('TemplateVersion');

export const templateSummarySchema = z
  .object({ id: z.string(), organisationId: z.string(), organisationName: z.string(), latest: templateVersionSchema, adoptions: z.number().int() })
  .openapi('TemplateSummary');

export const templateDetailSchema = z
  .object({ id: z.string(), organisationId: z.string(), organisationName: z.string(), sourceAssetId: z.string(), versions: z.array(templateVersionSchema).openapi({ description: 'Newest first: the version history' }) })
  .openapi('Template');

export const publishTemplateSchema = z
  .object({
    assessmentId: z.string().regex(idPattern, 'not a Sigill id').openapi({ description: 'The fastställd central classification to publish' }),
    name: requiredText(200),
    description: trimmedText(4000).default(''),
    loweringPolicy: z.enum(['never', 'with_approval']).openapi({ description: 'Whether local units may lower a level (never, or with motivation and approval)' }),
    loweringApprover: z.enum(['central', 'local']).optional().openapi({ description: 'Required with with_approval: the central or the local informationsägare approves' }),
    fulfilled: z.array(z.object({ requirementId: z.string().max(100), hur: requiredText(4000) }).strict()).max(500).default([]),
  })
  .strict()
  .openapi('PublishTemplate');

const deviation = z.enum(['same', 'raise', 'lowering']);
const levelChange = z.object({ aspect: z.string(), from: level, to: level });

export const floorReportSchema = z
  .object({
    aspects: z.array(z.object({ aspect: z.string(), templateLevel: level, localLevel: level, deviation, motivation: z.string().nullable(), approved: z.boolean(), status: z.enum(['ok', 'forbidden', 'needs_motivation', 'needs_approval']) })),
    informationSets: z.array(z.object({ name: z.string(), inTemplate: z.boolean(), inLocal: z.boolean(), aspects: z.array(z.object({ aspect: z.string(), templateLevel: level, localLevel: level, deviation })) })),
    forbidden: z.array(z.string()),
    unmotivated: z.array(z.string()),
    unapproved: z.array(z.string()),
  })
  .openapi('TemplateFloor');

export const templateDiffSchema = z
  .object({
    fromVersion: z.number().int(),
    toVersion: z.number().int(),
    levels: z.array(levelChange),
    informationSets: z.object({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.object({ name: z.string(), levels: z.array(levelChange) })) }),
    fulfilled: z.object({ added: z.array(fulfilledSchema), removed: z.array(fulfilledSchema), changed: z.array(z.object({ requirementId: z.string(), title: z.string(), fromHur: z.string(), toHur: z.string() })) }),
    loweringPolicy: z.object({ from: z.string(), to: z.string() }).nullable(),
  })
  .openapi('TemplateDiff');

export const loweringApprovalSchema = z.object({ id: z.string(), aspect: z.string(), templateLevel: level, localLevel: level, motivation: z.string(), userName: z.string(), role: z.string(), statement: z.string(), createdAt: z.string(), templateVersionId: z.string() }).openapi('LoweringApproval');

export const adoptionViewSchema = z
  .object({
    adoption: z.object({ id: z.string(), templateId: z.string(), templateName: z.string(), organisationName: z.string(), adoptedAt: z.string(), reviewedAt: z.string().nullable() }),
    version: templateVersionSchema.openapi({ description: 'The version the local classification rests on' }),
    changed: z.object({ version: z.number().int(), diff: templateDiffSchema }).nullable().openapi({ description: '"Mallen har ändrats": a newer version to review' }),
    floor: z.object({ assessmentId: z.string(), status: z.string(), report: floorReportSchema }).nullable().openapi({ description: 'The newest classification against the template, per aspect' }),
    approvals: z.array(loweringApprovalSchema),
  })
  .openapi('Adoption');

export const adoptionReportSchema = z
  .object({
    template: z.object({ id: z.string(), name: z.string(), latestVersion: z.number().int() }),
    adoptions: z.array(
      z.object({
        assetId: z.string(),
        assetName: z.string(),
        organisationId: z.string(),
        organisationName: z.string(),
        version: z.number().int(),
        changed: z.boolean().openapi({ description: 'A newer version awaits the local review' }),
        classificationStatus: z.string().nullable(),
        profileText: z.string().nullable(),
        deviations: z.array(z.object({ aspect: z.string(), templateLevel: level, localLevel: level, deviation, motivation: z.string().nullable(), approved: z.boolean() })),
      }),
    ),
  })
  .openapi('AdoptionReport');
