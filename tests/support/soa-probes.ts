import type { OrgFixture } from './org-fixture';
import type { Probe } from './route-probe';

/** The tillämpningsförklaring's routes for the permission walk (tests/api/permissions.test.ts). */
export function soaProbes(fixture: () => OrgFixture): Record<string, Probe> {
  const base = () => `/api/organisations/${fixture().socialId}/reports/tillampningsforklaring`;
  return {
    'GET /api/organisations/{id}/reports/tillampningsforklaring': { permission: 'report.read', prepare: () => Promise.resolve({ method: 'GET', path: base() }) },
    'GET /api/organisations/{id}/reports/tillampningsforklaring.xlsx': { permission: 'report.read', prepare: () => Promise.resolve({ method: 'GET', path: `${base()}.xlsx` }) },
    'GET /api/organisations/{id}/reports/tillampningsforklaring.pdf': { permission: 'report.read', prepare: () => Promise.resolve({ method: 'GET', path: `${base()}.pdf` }) },
    'PUT /api/organisations/{id}/soa-justifications/{controlId}': {
      permission: 'soa.justify',
      prepare: () => Promise.resolve({ method: 'PUT', path: `/api/organisations/${fixture().socialId}/soa-justifications/7.4`, body: { justification: 'Inga egna lokaler med bevakning.' } }),
    },
  };
}
