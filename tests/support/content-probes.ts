import type { OrgFixture } from './org-fixture';
import type { Probe } from './route-probe';

/** The organisation settings the classification model reads (its annual budget), for the permission walk. */
export function contentProbes(fixture: () => OrgFixture): Record<string, Probe> {
  return {
    'GET /api/organisations/{id}/annual-budget': { permission: 'organisation.read', prepare: async () => ({ method: 'GET', path: `/api/organisations/${fixture().socialId}/annual-budget` }) },
    'PUT /api/organisations/{id}/annual-budget': {
      permission: 'organisation.budget',
      prepare: async () => ({ method: 'PUT', path: `/api/organisations/${fixture().socialId}/annual-budget`, body: { annualBudgetSek: 1_200_000_000 } }),
    },
  };
}
