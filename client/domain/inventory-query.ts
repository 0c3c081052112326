import type { AssetType, ClassificationStatus, Organisation } from '../contract/api-types';
import type { ApiUrl } from '../contract/api';

export interface InventoryFilter {
  q: string;
  type: AssetType | '';
  organisationId: string;
  status: ClassificationStatus | '';
  reviewDue: boolean;
  page: number;
}

export const emptyInventoryFilter: InventoryFilter = { q: '', type: '', organisationId: '', status: '', reviewDue: false, page: 1 };

/** The /api/assets URL for a filter; the förvaltning filter wins over the organisation switcher. */
export function inventoryUrl(filter: InventoryFilter, currentOrganisationId: string, pageSize = 25): ApiUrl<'/api/assets'> {
  const params = new URLSearchParams();
  const organisationId = filter.organisationId || currentOrganisationId;
  if (organisationId) params.set('organisationId', organisationId);
  if (filter.q.trim()) params.set('q', filter.q.trim());
  if (filter.type) params.set('type', filter.type);
  if (filter.status) params.set('status', filter.status);
  if (filter.reviewDue) params.set('reviewDue', 'true');
  params.set('page', String(filter.page));
  params.set('pageSize', String(pageSize));
  return `/api/assets?${params.toString()}`;
}

/** An organisation and everything below it, for the förvaltning filter under the current organisation. */
export function organisationsUnder(organisations: readonly Organisation[], rootId: string): Organisation[] {
  if (!rootId) return [...organisations];
  const wanted = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const organisation of organisations) {
      if (organisation.parentId && wanted.has(organisation.parentId) && !wanted.has(organisation.id)) {
        wanted.add(organisation.id);
        grew = true;
      }
    }
  }
  return organisations.filter((organisation) => wanted.has(organisation.id));
}
