import { z } from '@hono/zod-openapi';
import { assessmentStatuses, dpiaDecisions, dpiaStates, screeningStates } from '../../scoring/enumerations';

const count = <T extends readonly [string, ...string[]]>(states: T) => z.array(z.object({ state: z.enum(states), count: z.number().int() }));

export const dpiaOverviewSchema = z
  .object({
    organisationId: z.string(),
    organisationName: z.string(),
    /** Every state in order, zero included, over the live assets of the organisation and those below it. */
    screenings: count(screeningStates),
    dpias: count(dpiaStates),
    assets: z.array(
      z.object({
        assetId: z.string(),
        assetName: z.string(),
        organisationName: z.string(),
        screening: z.enum(screeningStates),
        screeningId: z.string().nullable(),
        screeningStatus: z.enum(assessmentStatuses).nullable(),
        dpia: z.enum(dpiaStates),
        dpiaId: z.string().nullable(),
        dpiaStatus: z.enum(assessmentStatuses).nullable(),
        dpiaDecision: z.enum(dpiaDecisions).nullable(),
        updatedAt: z.string().nullable(),
      }),
    ),
    truncated: z.boolean().openapi({ description: 'More assets have a screening or DPIA than the list holds: the inventory filters show them all' }),
  })
  .openapi('DpiaOverview');

export type DpiaOverview = z.infer<typeof dpiaOverviewSchema>;
