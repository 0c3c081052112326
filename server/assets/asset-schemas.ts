import { z } from '@hono/zod-openapi';
import { idParam, requiredText, trimmedText } from '../routes/schemas';

import { assetTypes, classificationStatuses, dpiaStates, hostingKinds, screeningStates } from '../../scoring/enumerations';

const profileLevel = z.number().int().min(0).max(4).nullable();

export const assetInputSchema = z
  .object({
    organisationId: idParam('organisationId'),
    name: requiredText(200),
    type: z.enum(assetTypes),
    description: trimmedText(4000).default(''),
    informationsagare: trimmedText(200).default(''),
    objektagare: trimmedText(200).default(''),
    objektledareUserId: idParam('objektledareUserId').nullable().default(null),
    suppliers: z.array(requiredText(200)).max(20).default([]),
    hosting: z.enum(hostingKinds).nullable().default(null),
    tags: z.array(requiredText(50)).max(30).default([]),
    externalId: trimmedText(100).min(1).nullable().default(null),
  })
  .strict()
  .openapi('AssetInput');

export const assetPatchSchema = assetInputSchema.omit({ organisationId: true }).partial().strict().openapi('AssetPatch');

export const assetSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    name: z.string(),
    type: z.enum(assetTypes),
    description: z.string(),
    informationsagare: z.string(),
    objektagare: z.string(),
    objektledareUserId: z.string().nullable(),
    suppliers: z.array(z.string()),
    hosting: z.enum(hostingKinds).nullable(),
    tags: z.array(z.string()),
    externalId: z.string().nullable(),
    classificationStatus: z.enum(classificationStatuses),
    profile: z.object({ K: profileLevel, R: profileLevel, T: profileLevel, S: profileLevel }).nullable(),
    nextReviewAt: z.string().nullable(),
    archivedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Asset');

/** The dataskyddsombud's column of the inventory (issue 17): the newest screening's outcome and DPIA's step, with their assessments. */
export const dataProtectionSchema = z
  .object({ screening: z.enum(screeningStates), screeningId: z.string().nullable(), dpia: z.enum(dpiaStates), dpiaId: z.string().nullable() })
  .openapi('DataProtection');

export const inventoryAssetSchema = assetSchema.extend({ dataProtection: dataProtectionSchema }).openapi('InventoryAsset');
export type InventoryAsset = z.infer<typeof inventoryAssetSchema>;

export type AssetInput = z.infer<typeof assetInputSchema>;
export type AssetPatch = z.infer<typeof assetPatchSchema>;
export type Asset = z.infer<typeof assetSchema>;

export const assetListQuerySchema = z
  .object({
    organisationId: idParam('organisationId').optional().openapi({ param: { name: 'organisationId', in: 'query' } }),
    type: z.enum(assetTypes).optional().openapi({ param: { name: 'type', in: 'query' } }),
    status: z.enum(classificationStatuses).optional().openapi({ param: { name: 'status', in: 'query' } }),
    reviewDue: z.enum(['true', 'false']).optional().openapi({ param: { name: 'reviewDue', in: 'query' }, description: 'only assets whose review is due within 30 days or overdue' }),
    screening: z.enum(screeningStates).optional().openapi({ param: { name: 'screening', in: 'query' }, description: 'only assets whose newest screening has this outcome (ej-screenad: none)' }),
    dpia: z.enum(dpiaStates).optional().openapi({ param: { name: 'dpia', in: 'query' }, description: 'only assets whose newest DPIA is at this step (ej-paborjad: none)' }),
    q: z.string().trim().max(200).optional().openapi({ param: { name: 'q', in: 'query' }, description: 'search in name, description, tags, suppliers and external id' }),
    includeArchived: z.enum(['true', 'false']).optional().openapi({ param: { name: 'includeArchived', in: 'query' } }),
    page: z.coerce.number().int().min(1).max(100000).default(1).openapi({ param: { name: 'page', in: 'query' } }),
    pageSize: z.coerce.number().int().min(1).max(500).default(50).openapi({ param: { name: 'pageSize', in: 'query' } }),
  })
  .strict();

export type AssetListQuery = z.infer<typeof assetListQuerySchema>;
