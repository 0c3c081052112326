import { LoadState } from '../components/LoadState';
import { useLanguage } from '../i18n/LanguageProvider';
import { useApi } from '../useApi';
import { BarChart } from './BarChart';
import { OrganisationPicker } from './OrganisationPicker';
import type { Coverage, DashboardFigures } from '../contract/api-types';
import { useReportOrganisations } from './useReportOrganisations';
import './oversight.css';
import { DataTable } from '../components/DataTable';

const pct = (value: number) => `${value.toLocaleString('sv-SE')} %`;
const levelNames = ['Försumbar', 'Måttlig', 'Betydande', 'Allvarlig', 'Synnerligen allvarlig'];

function Figures({ data }: { data: DashboardFigures }) {
  const { t } = useLanguage();
  const total = data.total;
  const coverageBars = (coverage: Coverage) => [
    { label: t('ov.coverage.faststalld'), value: coverage.faststalld, note: pct(coverage.shares.faststalld) },
    { label: t('ov.coverage.pagar'), value: coverage.pagar, note: pct(coverage.shares.pagar) },
    { label: t('ov.coverage.ejKlassad'), value: coverage.ejKlassad, note: pct(coverage.shares.ejKlassad) },
    { label: t('ov.coverage.overdue'), value: coverage.overdue, note: pct(coverage.shares.overdue) },
  ];
  const levels = [0, 1, 2, 3, 4, null] as const;
  return (
    <>
      <p className="ov-headline" data-testid="coverage-headline">{t('ov.dashboard.headline', { assets: total.assets, classified: total.faststalld, share: total.shares.faststalld.toLocaleString('sv-SE') })}</p>
      <section aria-labelledby="ov-coverage">
        <h2 id="ov-coverage">{t('ov.coverage.heading')}</h2>
        <BarChart title={`${t('ov.coverage.heading')} – ${t('ov.total')} (${total.assets} ${t('ov.coverage.assets').toLowerCase()})`} bars={coverageBars(total)} testId="coverage-chart" />
        <h3 id="ov-per-organisation">{t('ov.perOrganisation.heading')}</h3>
        <DataTable
          testId="coverage-table"
          columns={[
            t('ov.organisation'),
            t('ov.coverage.assets'),
            t('ov.coverage.faststalld'),
            t('ov.coverage.pagar'),
            t('ov.coverage.ejKlassad'),
            t('ov.coverage.overdue'),
            t('ov.coverage.dueSoon'),
          ]}
        >
          {[...data.organisations.filter((row) => row.assets > 0), { ...total, organisationId: 'total', name: t('ov.total') }].map((row) => (
            <tr key={row.organisationId} className={row.organisationId === 'total' ? 'ov-total-row' : undefined}>
              <th scope="row">{row.name}</th>
              <td>{row.assets}</td>
              <td>{row.faststalld} ({pct(row.shares.faststalld)})</td>
              <td>{row.pagar} ({pct(row.shares.pagar)})</td>
              <td>{row.ejKlassad} ({pct(row.shares.ejKlassad)})</td>
              <td>{row.overdue} ({pct(row.shares.overdue)})</td>
              <td>{row.dueSoon}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby="ov-profiles">
        <h2 id="ov-profiles">{t('ov.profiles.heading')}</h2>
        <p>{t('ov.profiles.intro')}</p>
        <DataTable
          className="compact"
          columns={[t('ov.profiles.aspect'), ...levels.map((level) => (level === null ? t('ov.profiles.notAssessed') : `${level} ${levelNames[level]}`))]}
        >
          {data.profiles.map((profile) => (
            <tr key={profile.aspect}>
              <th scope="row">{profile.aspect}</th>
              {levels.map((level) => <td key={String(level)}>{profile.levels.find((entry) => entry.level === level)?.count ?? 0}</td>)}
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby="ov-plan">
        <h2 id="ov-plan">{t('ov.plan.heading')}</h2>
        <ul className="ov-facts">
          <li><strong>{data.plan.open}</strong> {t('ov.plan.open')}</li>
          <li><strong>{data.plan.overdue}</strong> {t('ov.plan.overdue')}</li>
          <li><strong>{data.plan.riskAcceptances.active}</strong> {t('ov.plan.riskActive')}</li>
          <li><strong>{data.plan.riskAcceptances.expiringSoon}</strong> {t('ov.plan.riskExpiring')}</li>
          <li><strong>{data.plan.riskAcceptances.expired}</strong> {t('ov.plan.riskExpired')}</li>
        </ul>
        <div className="ov-chart-grid">
          <BarChart title={t('ov.plan.byStatus')} bars={data.plan.byStatus.map((row) => ({ label: t(`planStatus.${row.status}`), value: row.count }))} />
          <BarChart title={t('ov.plan.openByPriority')} bars={data.plan.openByPriority.map((row) => ({ label: row.priority ? t(`priority.${row.priority}`) : t('ov.plan.noPriority'), value: row.count }))} />
        </div>
      </section>
      <section aria-labelledby="ov-dpia">
        <h2 id="ov-dpia">{t('ov.dpia.heading')}</h2>
        <ul className="ov-facts">
          <li><strong>{data.dpia.dpiasDecided}</strong> {t('ov.dpia.decided')}</li>
          <li><strong>{data.dpia.dpiasInProgress}</strong> {t('ov.dpia.inProgress')}</li>
          <li><strong>{data.dpia.priorConsultations}</strong> {t('ov.dpia.prior')}</li>
          <li><strong>{data.dpia.reviewsOverdue}</strong> {t('ov.dpia.overdue')}</li>
        </ul>
        <BarChart title={t('ov.dpia.screenings')} bars={data.dpia.screenings.map((row) => ({ label: row.outcome, value: row.count }))} />
      </section>
      <section aria-labelledby="ov-trend">
        <h2 id="ov-trend">{t('ov.trend.heading')}</h2>
        <p>{t('ov.trend.intro')}</p>
        <BarChart title={t('ov.trend.share')} bars={data.trend.slice(-12).map((point) => ({ label: point.month, value: point.classified, note: pct(point.share) }))} />
      </section>
    </>
  );
}

/** The ISAM's overview (issue 9, part 1): coverage per organisation and in total, plans, DPIAs, trend. */
export function DashboardPage() {
  const { t } = useLanguage();
  const { choices, current, setCurrent } = useReportOrganisations(['admin', 'isam', 'granskare']);
  const figures = useApi<'/api/organisations/:id/dashboard'>(`/api/organisations/${current || 'none'}/dashboard`);
  return (
    <section aria-labelledby="dashboard-heading" className="ov-page">
      <h1 id="dashboard-heading">{t('ov.dashboard.heading')}</h1>
      <p>{t('ov.dashboard.intro')}</p>
      {current === '' ? (
        <p className="notice notice-warning">{t('ov.noReportOrganisation')}</p>
      ) : (
        <>
          <OrganisationPicker id="dashboard-organisation" choices={choices} value={current} onChange={setCurrent} />
          <LoadState state={figures.state} retry={figures.retry}>{(data) => <Figures data={data} />}</LoadState>
        </>
      )}
    </section>
  );
}
