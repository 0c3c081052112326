import { useState } from 'react';
import { Link } from '../components/Link';
import { paths } from '../routes';
import { useLanguage } from '../i18n/LanguageProvider';
import { useSession } from '../session/SessionProvider';
import { LgStatementForm } from './LgStatementForm';
import { OrganisationPicker } from './OrganisationPicker';
import { AnnualBudgetForm } from './AnnualBudgetForm';
import { ReviewIntervalForm } from './ReviewIntervalForm';
import { SeparationOfDutiesForm } from './SeparationOfDutiesForm';
import { useReportOrganisations } from './useReportOrganisations';
import './oversight.css';

/** Ledningens genomgång (issue 9, part 3): choose organisation and year, download PDF or XLSX; the review interval beside it. */
export function ReportPage() {
  const { t } = useLanguage();
  const { state } = useSession();
  const { choices, current, setCurrent } = useReportOrganisations(['admin', 'isam', 'granskare']);
  const [thisYear] = useState(() => new Date().getFullYear());
  const [year, setYear] = useState(thisYear);
  const years = Array.from({ length: 6 }, (_, index) => thisYear - index);
  const canEdit = state.status === 'ready' && state.session.memberships.some((membership) => membership.organisationId === current && (membership.role === 'admin' || membership.role === 'isam'));
  const base = `/api/organisations/${current}/reports/ledningens-genomgang`;
  return (
    <section aria-labelledby="report-heading" className="ov-page">
      <h1 id="report-heading">{t('ov.report.heading')}</h1>
      <p>{t('ov.report.intro')}</p>
      {current === '' ? <p className="notice notice-warning">{t('ov.noReportOrganisation')}</p> : (
        <>
          <OrganisationPicker id="report-organisation" choices={choices} value={current} onChange={setCurrent} />
          <div className="field">
            <label htmlFor="report-year">{t('ov.report.year')}</label>
            <select id="report-year" value={year} onChange={(event) => setYear(Number(event.target.value))}>
              {years.map((option) => <option key={option} value={option}>{option}</option>)}
            </select>
          </div>
          <LgStatementForm key={`${current}-${year}`} organisationId={current} year={year} canEdit={canEdit} />
          <p className="ov-downloads">
            <a className="button primary" href={`${base}.pdf?year=${year}`} download data-testid="report-pdf">{t('ov.report.pdf')}</a>
            <a className="button" href={`${base}.xlsx?year=${year}`} download data-testid="report-xlsx">{t('ov.report.xlsx')}</a>
            <a className="button" href={`/api/exports/inventory.xlsx?organisationId=${current}`} download>{t('ov.report.inventory')}</a>
            <a className="button" href={`/api/exports/inventory.csv?organisationId=${current}`} download>{t('ov.report.inventoryCsv')}</a>
          </p>
          <p><Link href={paths.soa()}>{t('soa.link')}</Link></p>
          {canEdit && <p><Link href={paths.catalogMove()}>{t('catalog.moveLink')}</Link></p>}
          <ReviewIntervalForm key={current} organisationId={current} canEdit={canEdit} />
          <AnnualBudgetForm key={`budget-${current}`} rootId={current} canEdit={canEdit} />
          <SeparationOfDutiesForm key={`duties-${current}`} organisationId={current} />
        </>
      )}
    </section>
  );
}
