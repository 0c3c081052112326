import type { Probe } from './route-probe';

/**
 * The routes of the anchored audit trail for the permission walk (tests/api/permissions.test.ts).
 * The retry of a pending seal answers the existing protocol when there is one, so a decided,
 * sealed classification is enough to see who may call it.
 */
export function auditProbes(decidedClassification: () => Promise<{ id: string }>): Record<string, Probe> {
  return {
    'POST /api/assessments/{id}/protocol': { permission: 'protocol.seal', prepare: async () => ({ method: 'POST', path: `/api/assessments/${(await decidedClassification()).id}/protocol` }) },
  };
}
