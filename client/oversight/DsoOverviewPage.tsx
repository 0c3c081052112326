import type { ApiAnswer } from '../contract/api';
import { DataTable } from '../components/DataTable';
import { Link } from '../components/Link';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../i18n/LanguageProvider';
import { paths } from '../routes';
import { useApi } from '../useApi';
import { OrganisationPicker } from './OrganisationPicker';
import { useReportOrganisations } from './useReportOrganisations';
import './oversight.css';

type Overview = ApiAnswer<'/api/organisations/:id/reports/dataskydd'>;
type OverviewAsset = Overview['assets'][number];

/** The dataskyddsombud's overview (issue 17): screenings by outcome, DPIAs by step, per organisation subtree. */
export function DsoOverviewPage() {
  const { t } = useLanguage();
  const { choices, current, setCurrent } = useReportOrganisations(['admin', 'isam', 'dso', 'granskare']);
  return (
    <section aria-labelledby="dso-heading" className="ov-page">
      <h1 id="dso-heading">{t('dso.heading')}</h1>
      {current === '' ? <p className="notice notice-warning">{t('ov.noReportOrganisation')}</p> : (
        <>
          <OrganisationPicker id="dso-organisation" choices={choices} value={current} onChange={setCurrent} />
          <OverviewOf key={current} organisationId={current} />
        </>
      )}
    </section>
  );
}

function OverviewOf({ organisationId }: { organisationId: string }) {
  const { t } = useLanguage();
  const overview = useApi<'/api/organisations/:id/reports/dataskydd'>(`/api/organisations/${organisationId}/reports/dataskydd`);
  return (
    <LoadState state={overview.state} retry={overview.retry}>
      {(data) => (
        <>
          <p>{t('dso.intro', { organisation: data.organisationName })}</p>
          <div className="ov-chart-grid">
            <CountTable testId="dso-screenings" heading={t('dso.screenings')} rows={data.screenings.map((row) => ({
              label: t(`dso.screening.${row.state}`), count: row.count, href: paths.inventoryWith({ organisationId, screening: row.state }),
            }))} />
            <CountTable testId="dso-dpias" heading={t('dso.dpias')} rows={data.dpias.map((row) => ({
              label: t(`dso.dpia.${row.state}`), count: row.count, href: paths.inventoryWith({ organisationId, dpia: row.state }),
            }))} />
          </div>
          <h2>{t('dso.assets')}</h2>
          {data.truncated && <p className="notice">{t('dso.truncated', { count: data.assets.length })}</p>}
          {data.assets.length === 0 ? <p className="muted">{t('dso.none')}</p> : (
            <DataTable testId="dso-assets" columns={[t('dso.colAsset'), t('dso.colOrganisation'), t('dso.colScreening'), t('dso.colDpia'), t('dso.colUpdated')]}>
              {data.assets.map((asset) => <AssetRow key={asset.assetId} asset={asset} />)}
            </DataTable>
          )}
        </>
      )}
    </LoadState>
  );
}

/** One list of states with their counts; a count above zero leads to the inventory filtered on it. */
function CountTable({ heading, rows, testId }: { heading: string; rows: { label: string; count: number; href: string }[]; testId: string }) {
  const { t } = useLanguage();
  return (
    <div>
      <h2>{heading}</h2>
      <DataTable testId={testId} columns={[t('dso.colState'), t('dso.colCount')]}>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td>{row.count > 0 ? <Link href={row.href}>{t('dso.showInInventory', { count: row.count })}</Link> : 0}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

function AssetRow({ asset }: { asset: OverviewAsset }) {
  const { t, formatDate } = useLanguage();
  const screening = t(`dso.screening.${asset.screening}`);
  const screeningText = asset.screeningStatus && asset.screeningStatus !== 'faststalld' ? t('dso.withStatus', { state: screening, status: t(`assessmentStatus.${asset.screeningStatus}`) }) : screening;
  const dpia = t(`dso.dpia.${asset.dpia}`);
  const dpiaText = asset.dpiaDecision ? t('dso.withDecision', { state: dpia, decision: t(`decision.${asset.dpiaDecision}`) }) : dpia;
  return (
    <tr>
      <th scope="row"><Link href={paths.asset(asset.assetId)}>{asset.assetName}</Link></th>
      <td>{asset.organisationName}</td>
      <td>{asset.screeningId ? <Link href={paths.assessment(asset.screeningId)}>{screeningText}</Link> : screeningText}</td>
      <td>{asset.dpiaId ? <Link href={paths.assessment(asset.dpiaId)}>{dpiaText}</Link> : dpiaText}</td>
      <td>{asset.updatedAt ? formatDate(asset.updatedAt) : '–'}</td>
    </tr>
  );
}
