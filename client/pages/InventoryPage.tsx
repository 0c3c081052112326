import { useEffect, useState } from 'react';
import { assetTypes, classificationStatuses, dpiaStates, screeningStates } from '../../scoring/enumerations';
import type { ApiAnswer } from '../contract/api';
import { Link } from '../components/Link';
import { LoadState } from '../components/LoadState';
import { Pager } from '../components/Pager';
import { ProfileBadges } from '../components/ProfileBadges';
import { StatusBadge } from '../components/StatusBadge';
import { emptyInventoryFilter, filterFromAddress, type InventoryFilter, inventoryUrl, organisationsUnder } from '../domain/inventory-query';
import { useLanguage } from '../i18n/LanguageProvider';
import { paths } from '../routes';
import { useSession } from '../session/SessionProvider';
import { useApi } from '../useApi';
import { DataTable } from '../components/DataTable';

type InventoryItem = ApiAnswer<'/api/assets'>['items'][number];

const filterKey = 'sigill.inventoryFilter';

function storedFilter(): InventoryFilter {
  const linked = filterFromAddress(window.location.search);
  if (linked) return linked;
  try {
    return { ...emptyInventoryFilter, ...(JSON.parse(window.sessionStorage.getItem(filterKey) ?? '{}') as Partial<InventoryFilter>) };
  } catch {
    return emptyInventoryFilter;
  }
}

/** The newest screening's outcome and DPIA's step in words, each linking to its assessment. */
function DataProtectionCell({ value }: { value: InventoryItem['dataProtection'] }) {
  const { t } = useLanguage();
  const screening = t('dso.cellScreening', { state: t(`dso.screening.${value.screening}`) });
  const dpia = t('dso.cellDpia', { state: t(`dso.dpia.${value.dpia}`) });
  return (
    <span className="data-protection">
      {value.screeningId ? <Link href={paths.assessment(value.screeningId)}>{screening}</Link> : screening}
      <br />
      {value.dpiaId ? <Link href={paths.assessment(value.dpiaId)}>{dpia}</Link> : dpia}
    </span>
  );
}

export function InventoryPage() {
  const { t, formatDate } = useLanguage();
  const { organisationId, hasRole } = useSession();
  const [filter, setFilter] = useState<InventoryFilter>(storedFilter);
  const [search, setSearch] = useState(filter.q);
  const organisations = useApi<'/api/organisations'>('/api/organisations');
  const { state, retry } = useApi<'/api/assets'>(inventoryUrl(filter, organisationId));
  useEffect(() => window.sessionStorage.setItem(filterKey, JSON.stringify(filter)), [filter]);
  // Search as the user types, but not on every key: one request after a short pause.
  useEffect(() => {
    const timer = setTimeout(() => setFilter((current) => (current.q === search ? current : { ...current, q: search, page: 1 })), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const update = (patch: Partial<InventoryFilter>) => setFilter((current) => ({ ...current, ...patch, page: patch.page ?? 1 }));
  const forvaltningar = organisations.state.status === 'ready' ? organisationsUnder(organisations.state.data.organisations, organisationId) : [];
  const filtered = filter.q !== '' || filter.type !== '' || filter.organisationId !== '' || filter.status !== '' || filter.reviewDue || filter.screening !== '' || filter.dpia !== '';
  const canCreate = hasRole('admin', 'isam', 'objektledare');
  // The dataskyddsombud's column and filters (issue 17), for those the overview is for.
  const dataProtection = hasRole('admin', 'isam', 'dso', 'granskare') || filter.screening !== '' || filter.dpia !== '';
  return (
    <section aria-labelledby="inventory-heading">
      <div className="page-title">
        <h1 id="inventory-heading">{t('inventoryHeading')}</h1>
        {canCreate && <Link href={paths.newAsset()} className="button primary">{t('newAsset')}</Link>}
      </div>
      <p>{t('inventoryIntro')}</p>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="filter-q">{t('search')}</label>
          <input id="filter-q" type="search" value={search} placeholder={t('searchHint')} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="filter-type">{t('filterType')}</label>
          <select id="filter-type" value={filter.type} onChange={(e) => update({ type: e.target.value as InventoryFilter['type'] })}>
            <option value="">{t('all')}</option>
            {assetTypes.map((type) => <option key={type} value={type}>{t(`type.${type}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-org">{t('filterForvaltning')}</label>
          <select id="filter-org" value={filter.organisationId} onChange={(e) => update({ organisationId: e.target.value })}>
            <option value="">{t('all')}</option>
            {forvaltningar.map((organisation) => <option key={organisation.id} value={organisation.id}>{organisation.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">{t('filterStatus')}</label>
          <select id="filter-status" value={filter.status} onChange={(e) => update({ status: e.target.value as InventoryFilter['status'] })}>
            <option value="">{t('all')}</option>
            {classificationStatuses.map((status) => <option key={status} value={status}>{t(`status.${status}`)}</option>)}
          </select>
        </div>
        {dataProtection && (
          <>
            <div className="field">
              <label htmlFor="filter-screening">{t('dso.filterScreening')}</label>
              <select id="filter-screening" value={filter.screening} onChange={(e) => update({ screening: e.target.value as InventoryFilter['screening'] })}>
                <option value="">{t('all')}</option>
                {screeningStates.map((value) => <option key={value} value={value}>{t(`dso.screening.${value}`)}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="filter-dpia">{t('dso.filterDpia')}</label>
              <select id="filter-dpia" value={filter.dpia} onChange={(e) => update({ dpia: e.target.value as InventoryFilter['dpia'] })}>
                <option value="">{t('all')}</option>
                {dpiaStates.map((value) => <option key={value} value={value}>{t(`dso.dpia.${value}`)}</option>)}
              </select>
            </div>
          </>
        )}
        <div className="field checkbox-field">
          <input id="filter-review" type="checkbox" checked={filter.reviewDue} onChange={(e) => update({ reviewDue: e.target.checked })} />
          <label htmlFor="filter-review">{t('filterReviewDue')}</label>
        </div>
        {filtered && (
          <button type="button" onClick={() => { setSearch(''); setFilter(emptyInventoryFilter); }}>{t('clearFilters')}</button>
        )}
      </form>
      <LoadState state={state} retry={retry}>
        {(page) => {
          if (page.total === 0) return <p className="empty-state">{filtered ? t('inventoryNoMatch') : t('inventoryEmpty')}</p>;
          return (
            <>
              <p role="status" className="muted">{t('inventoryCount', { count: page.total })}</p>
              <DataTable testId="inventory-table" columns={[t('colName'), t('colType'), t('colOrganisation'), t('colStatus'), t('colProfile'), t('colReview'), ...(dataProtection ? [t('dso.colDataProtection')] : [])]}>
                {page.items.map((asset) => (
                  <tr key={asset.id}>
                    <th scope="row"><Link href={paths.asset(asset.id)}>{asset.name}</Link></th>
                    <td>{t(`type.${asset.type}`)}</td>
                    <td>{asset.organisationName}</td>
                    <td><StatusBadge status={asset.classificationStatus} /></td>
                    <td><ProfileBadges profile={asset.profile} /></td>
                    <td>{asset.nextReviewAt ? formatDate(asset.nextReviewAt) : '–'}</td>
                    {dataProtection && <td><DataProtectionCell value={asset.dataProtection} /></td>}
                  </tr>
                ))}
              </DataTable>
              <Pager page={page.page} pageSize={page.pageSize} total={page.total} onPage={(next) => update({ page: next })} />
            </>
          );
        }}
      </LoadState>
      <p><a href="/api/exports/inventory.csv" download>{t('exportInventory')}</a></p>
    </section>
  );
}
