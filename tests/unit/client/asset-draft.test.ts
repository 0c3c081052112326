import { describe, expect, it } from 'vitest';
import type { Asset } from '../../../client/contract/api-types';
import { assetBody, draftOf } from '../../../client/domain/asset-draft';

const asset = {
  id: 'a',
  organisationId: 'org',
  organisationName: 'Socialförvaltningen',
  name: 'Procapita',
  type: 'system',
  description: '',
  informationsagare: 'Socialnämnden',
  objektagare: 'Förvaltningschef',
  objektledareUserId: 'user-1',
  suppliers: ['Leverantören AB', 'Driftbolaget AB'],
  hosting: 'kommunens_it',
  tags: ['ifo'],
  externalId: null,
} as unknown as Asset;

describe('the asset form draft', () => {
  it('keeps the objektledare through a round trip', () => {
    const body = assetBody(draftOf(asset, 'org'), false);
    expect(body).toMatchObject({ objektledareUserId: 'user-1', suppliers: ['Leverantören AB', 'Driftbolaget AB'], tags: ['ifo'], externalId: null });
    expect(body).not.toHaveProperty('organisationId');
  });

  it('sends no objektledare when none is chosen, and the organisation for a new asset', () => {
    const body = assetBody({ ...draftOf(null, 'org'), name: ' Ny ' }, true);
    expect(body).toMatchObject({ organisationId: 'org', name: 'Ny', objektledareUserId: null, hosting: null });
  });
});
