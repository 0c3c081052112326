import { z } from '@hono/zod-openapi';
import { planStatuses, requirementThemes } from '../../scoring/enumerations';

const implementation = z.enum(['infort', 'delvis_infort', 'ej_infort', 'ej_bedomd', 'ej_tillampligt']);
const theme = z.enum(requirementThemes);

const rowSchema = z.object({
  control: z.object({ id: z.string(), theme, title: z.string(), titleEn: z.string() }),
  applicable: z.boolean(),
  assets: z.number().int().openapi({ description: 'Assets whose fastställd plan has a requirement under the control' }),
  requirements: z.array(z.object({ id: z.string(), title: z.string(), assets: z.number().int() })),
  reasons: z
    .array(z.discriminatedUnion('kind', [z.object({ kind: z.literal('baseline') }), z.object({ kind: z.literal('aspect'), aspect: z.string(), threshold: z.number().int() }), z.object({ kind: z.literal('lagrum'), name: z.string() })]))
    .openapi({ description: 'Why it applies, once each: a baseline requirement, an aspect from a level, a lagrum ticked' }),
  statusCounts: z.record(z.enum(planStatuses), z.number().int()),
  implementation: implementation.nullable(),
  justification: z.string().nullable(),
  exclusionBasis: z.enum(['no-plan-requires', 'not-in-catalog']).nullable(),
});

export const soaResponseSchema = z
  .object({
    organisationName: z.string(),
    generatedAt: z.string(),
    controlSet: z.object({ title: z.string(), version: z.number().int(), themes: z.array(z.object({ id: z.string(), title: z.string() })) }),
    summary: z.object({ controls: z.number().int(), applicable: z.number().int(), excluded: z.number().int(), excludedWithoutJustification: z.number().int(), assets: z.number().int() }),
    rows: z.array(rowSchema),
  })
  .openapi('StatementOfApplicability');

export const soaJustificationSchema = z
  .object({ justification: z.string().trim().max(2000).openapi({ description: 'The ISAM’s justification; an empty text removes it' }) })
  .strict()
  .openapi('SoaJustification');
