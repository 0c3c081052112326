import { dpiaStates, screeningStates } from '../../scoring/enumerations';
import type { AssetType, ClassificationStatus, DpiaState, Organisation, ScreeningState } from '../contract/api-types';
import type { ApiUrl } from '../contract/api';

export interface InventoryFilter {
  q: string;
  type: AssetType | '';
  organisationId: string;
  status: ClassificationStatus | '';
  reviewDue: boolean;
  /** The dataskyddsombud's filters (issue 17): the newest screening's outcome, the newest DPIA's step. */
  screening: ScreeningState | '';
  dpia: DpiaState | '';
  page: number;
}

export const emptyInventoryFilter: InventoryFilter = { q: '', type: '', organisationId: '', status: '', reviewDue: false, screening: '', dpia: '', page: 1 };

const isIn = <T extends string>(values: readonly T[], value: string | null): value is T => value !== null && (values as readonly string[]).includes(value);

/**
 * A filter a link brings in the address (`?organisation=…&forhandsbedomning=…&konsekvensbedomning=…`, from the
 * DSO's overview): it replaces the remembered one. Null when the address carries none.
 */
export function filterFromAddress(search: string): InventoryFilter | null {
  const params = new URLSearchParams(search);
  const screening = params.get('forhandsbedomning');
  const dpia = params.get('konsekvensbedomning');
  if (!isIn(screeningStates, screening) && !isIn(dpiaStates, dpia)) return null;
  return {
    ...emptyInventoryFilter,
    organisationId: params.get('organisation') ?? '',
    screening: isIn(screeningStates, screening) ? screening : '',
    dpia: isIn(dpiaStates, dpia) ? dpia : '',
  };
}

/** The /api/assets URL for a filter; the förvaltning filter wins over the organisation switcher. */
export function inventoryUrl(filter: InventoryFilter, currentOrganisationId: string, pageSize = 25): ApiUrl<'/api/assets'> {
  const params = new URLSearchParams();
  const organisationId = filter.organisationId || currentOrganisationId;
  if (organisationId) params.set('organisationId', organisationId);
  if (filter.q.trim()) params.set('q', filter.q.trim());
  if (filter.type) params.set('type', filter.type);
  if (filter.status) params.set('status', filter.status);
  if (filter.reviewDue) params.set('reviewDue', 'true');
  if (filter.screening) params.set('screening', filter.screening);
  if (filter.dpia) params.set('dpia', filter.dpia);
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
