import type { OrgFixture } from './org-fixture';
import type { Probe } from './route-probe';

/** The dataskyddsombud's overview of screenings and DPIAs (issue 17) for the permission walk (tests/api/permissions.test.ts). */
export function dsoProbes(fixture: () => OrgFixture): Record<string, Probe> {
  return {
    'GET /api/organisations/{id}/reports/dataskydd': {
      permission: 'dpia.overview',
      prepare: () => Promise.resolve({ method: 'GET', path: `/api/organisations/${fixture().socialId}/reports/dataskydd` }),
    },
  };
}
