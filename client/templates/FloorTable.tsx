import './templates.css';
import type { FloorReport } from '../../scoring/classification/template-floor';
import { useLanguage } from '../i18n/LanguageProvider';
import { levelText } from './level-text';
import { DataTable } from '../components/DataTable';

/** Per aspect: the template's level, the local level, and why they differ (raise, or lowering with its state). */
export function FloorTable({ report, caption }: { report: FloorReport; caption: string }) {
  const { t } = useLanguage();
  const na = t('template.notAssessed');
  return (
    <DataTable
      className="floor-table"
      testId="template-floor"
      caption={caption}
      columns={[
        t('template.col.aspect'),
        t('template.col.template'),
        t('template.col.local'),
        t('template.col.reason'),
      ]}
    >
      {report.aspects.map((aspect) => (
        <tr key={aspect.aspect} data-deviation={aspect.deviation}>
          <th scope="row">{aspect.aspect}</th>
          <td>{levelText(aspect.aspect, aspect.templateLevel, na)}</td>
          <td><strong>{levelText(aspect.aspect, aspect.localLevel, na)}</strong></td>
          <td>
            {t(`template.deviation.${aspect.deviation}`)}
            {aspect.deviation === 'lowering' && <> – {t(`template.status.${aspect.status}`)}</>}
            {aspect.motivation && aspect.deviation === 'lowering' && <div className="muted">{aspect.motivation}</div>}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
