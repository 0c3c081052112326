import { z } from '@hono/zod-openapi';
import { planStatuses, priorities } from '../../scoring/enumerations';

const coverageShape = {
  assets: z.number().int(),
  faststalld: z.number().int(),
  pagar: z.number().int(),
  ejKlassad: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  shares: z.object({ faststalld: z.number(), pagar: z.number(), ejKlassad: z.number(), overdue: z.number() }),
};

export const dashboardSchema = z
  .object({
    asOf: z.string(),
    total: z.object(coverageShape),
    organisations: z.array(z.object({ organisationId: z.string(), name: z.string(), ...coverageShape })),
    profiles: z.array(z.object({ aspect: z.enum(['K', 'R', 'T', 'S']), levels: z.array(z.object({ level: z.number().int().nullable(), count: z.number().int() })) })),
    plan: z.object({
      total: z.number().int(),
      byStatus: z.array(z.object({ status: z.enum(planStatuses), count: z.number().int() })),
      openByPriority: z.array(z.object({ priority: z.enum(priorities).nullable(), count: z.number().int() })),
      open: z.number().int(),
      overdue: z.number().int(),
      riskAcceptances: z.object({ active: z.number().int(), expiringSoon: z.number().int(), expired: z.number().int() }),
    }),
    dpia: z.object({
      screenings: z.array(z.object({ outcome: z.string(), count: z.number().int() })),
      dpiasDecided: z.number().int(),
      dpiasInProgress: z.number().int(),
      priorConsultations: z.number().int(),
      reviewsOverdue: z.number().int(),
    }),
    trend: z.array(z.object({ month: z.string(), assets: z.number().int(), classified: z.number().int(), share: z.number() })),
  })
  .openapi('Dashboard');
