import { assetInput, type OrgFixture } from './org-fixture';
import { ok, type Probe } from './route-probe';

/**
 * The live workshop routes (issue 14) for the permission walk in tests/api/permissions.test.ts:
 * each probe gets a fresh utkast. The stream route answers a JSON caller with its snapshot, so
 * the walk can read it to the end.
 */
export function liveProbes(fixture: () => OrgFixture): Record<string, Probe> {
  const draft = async () => {
    const org = fixture();
    const assetId = (await ok(org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: `Live ${Math.random()}` })))).id;
    return (await ok(org.admin.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' }))).id;
  };
  return {
    'POST /api/assessments/{id}/changes': {
      permission: 'assessment.edit',
      prepare: async () => ({ method: 'POST', path: `/api/assessments/${await draft()}/changes`, body: { ops: [{ op: 'set', path: ['objekt_namn'], value: 'X', base: 0 }] } }),
    },
    'GET /api/assessments/{id}/changes': { permission: 'assessment.read', prepare: async () => ({ method: 'GET', path: `/api/assessments/${await draft()}/changes?since=0` }) },
    'GET /api/assessments/{id}/live': { permission: 'assessment.read', prepare: async () => ({ method: 'GET', path: `/api/assessments/${await draft()}/live?clientId=probe-tab-1` }) },
    'POST /api/assessments/{id}/presence': {
      permission: 'assessment.read',
      prepare: async () => ({ method: 'POST', path: `/api/assessments/${await draft()}/presence`, body: { clientId: 'probe-tab-1', page: null, question: null, leading: false } }),
    },
  };
}
