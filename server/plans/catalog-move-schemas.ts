import { z } from '@hono/zod-openapi';
import { planStatuses } from '../../scoring/enumerations';

const counts = z.object({ carried: z.number().int(), reassess: z.number().int(), added: z.number().int(), noLongerApplicable: z.number().int(), unchanged: z.number().int() });

const change = z.object({
  requirementId: z.string(),
  title: z.string(),
  change: z.enum(['carried', 'text_changed', 'new', 'no_longer_applicable', 'replaced']).openapi({
    description: 'carried: the item takes over the status of the requirement(s) in `from`; text_changed: the same requirement in a new version (or with others merged into it); new: nothing to carry; no_longer_applicable / replaced: kept as history',
  }),
  from: z.array(z.string()),
  replacedBy: z.array(z.string()),
  fromTitles: z.array(z.string()),
  replacedByTitles: z.array(z.string()),
  status: z.enum(planStatuses),
  reassess: z.boolean().openapi({ description: '"Kravet har ändrats — bedöm igen": the status was judged against another requirement text' }),
});

export const catalogMoveSchema = z
  .object({
    catalog: z.object({ id: z.string(), version: z.number().int(), title: z.string() }),
    applied: z.boolean().openapi({ description: 'false for the preview: nothing was stored' }),
    assets: z.array(
      z.object({
        assetId: z.string(),
        assetName: z.string(),
        fromVersion: z.number().int().nullable(),
        outcome: z.enum(['moves', 'already', 'blocked', 'no_plan']),
        reason: z.string().nullable().openapi({ description: 'Why a blocked asset cannot move yet (Swedish, for the person)' }),
        counts,
        changes: z.array(change),
      }),
    ),
    available: z.array(z.object({ version: z.number().int(), title: z.string(), publishedAt: z.string() })),
  })
  .openapi('CatalogMove');

export const catalogMoveQuerySchema = z
  .object({
    version: z.coerce.number().int().min(1).max(1000).optional().openapi({ param: { name: 'version', in: 'query' }, description: 'the catalog version to move to; the newest by default' }),
    assetId: z.string().optional().openapi({ param: { name: 'assetId', in: 'query' }, description: 'only this asset' }),
  })
  .strict();

export const catalogMoveBodySchema = z.object({ version: z.number().int().min(1).max(1000), assetId: z.string().optional() }).strict().openapi('CatalogMoveRequest');
