import './templates.css';
import type { FloorReport } from '../../scoring/classification/template-floor';
import { useLanguage } from '../i18n/LanguageProvider';
import { levelText } from './template-types';

/** Per aspect: the template's level, the local level, and why they differ (raise, or lowering with its state). */
export function FloorTable({ report, caption }: { report: FloorReport; caption: string }) {
  const { t } = useLanguage();
  const na = t('template.notAssessed');
  return (
    <table className="floor-table" data-testid="template-floor">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('template.col.aspect')}</th>
          <th scope="col">{t('template.col.template')}</th>
          <th scope="col">{t('template.col.local')}</th>
          <th scope="col">{t('template.col.reason')}</th>
        </tr>
      </thead>
      <tbody>
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
      </tbody>
    </table>
  );
}
