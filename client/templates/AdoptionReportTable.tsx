import { Link } from '../components/Link';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../i18n/LanguageProvider';
import { paths } from '../routes';
import { useApi } from '../useApi';
import { levelText } from './level-text';
import { DataTable } from '../components/DataTable';

/** The ISAM's view of a city-wide system: which organisations adopted the template, on which version, with which deviations. */
export function AdoptionReportTable({ templateId }: { templateId: string }) {
  const { t } = useLanguage();
  const report = useApi<'/api/templates/:id/report'>(`/api/templates/${templateId}/report`);
  const na = t('template.notAssessed');
  return (
    <section aria-labelledby="report-heading" className="panel">
      <h2 id="report-heading">{t('template.reportHeading')}</h2>
      <LoadState state={report.state} retry={report.retry}>
        {({ adoptions, template }) =>
          adoptions.length === 0 ? (
            <p className="empty-state">{t('template.reportEmpty')}</p>
          ) : (
            <DataTable
              testId="adoption-report"
              columns={[
                t('template.col.organisation'),
                t('template.col.asset'),
                t('template.col.version'),
                t('template.col.status'),
                t('template.col.deviations'),
              ]}
            >
              {adoptions.map((entry) => (
                <tr key={entry.assetId}>
                  <td>{entry.organisationName}</td>
                  <td><Link href={paths.asset(entry.assetId)}>{entry.assetName}</Link></td>
                  <td>
                    {entry.version}
                    {entry.changed && <> <span className="badge badge-warning">{t('template.changedBadge')} ({template.latestVersion})</span></>}
                  </td>
                  <td>{entry.classificationStatus ? t(`assessmentStatus.${entry.classificationStatus as 'utkast'}`) : '–'}{entry.profileText && <> · {entry.profileText}</>}</td>
                  <td>
                    {entry.deviations.length === 0
                      ? t('template.noDeviations')
                      : entry.deviations.map((deviation) => `${t(`template.deviation.${deviation.deviation}`)} ${levelText(deviation.aspect, deviation.templateLevel, na)} → ${levelText(deviation.aspect, deviation.localLevel, na)}${deviation.approved ? ` (${t('template.approved')})` : ''}`).join('; ')}
                  </td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </LoadState>
    </section>
  );
}
