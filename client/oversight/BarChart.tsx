import { useId } from 'react';
import { useLanguage } from '../i18n/LanguageProvider';

export interface Bar {
  label: string;
  value: number;
  /** Shown after the value, e.g. a percentage. */
  note?: string;
}

const rowHeight = 26;
const labelWidth = 190;
const barWidth = 260;

/**
 * A horizontal bar chart read at a glance, with the same figures as a table beside it: the SVG is
 * one image with a text summary for screen readers, the table is the accessible alternative.
 */
export function BarChart({ title, bars, testId }: { title: string; bars: Bar[]; testId?: string }) {
  const { t } = useLanguage();
  const titleId = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const height = bars.length * rowHeight + 4;
  const summary = bars.map((bar) => `${bar.label}: ${bar.value}${bar.note ? ` (${bar.note})` : ''}`).join('; ');
  return (
    <figure className="ov-chart" data-testid={testId}>
      <figcaption id={titleId} className="ov-chart-title">{title}</figcaption>
      <div className="ov-chart-body">
        <svg role="img" aria-labelledby={titleId} aria-describedby={`${titleId}-desc`} viewBox={`0 0 ${labelWidth + barWidth + 90} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
          <desc id={`${titleId}-desc`}>{summary}</desc>
          {bars.map((bar, index) => {
            const y = index * rowHeight + 2;
            const width = Math.round((bar.value / max) * barWidth);
            return (
              <g key={bar.label}>
                <text x={labelWidth - 6} y={y + 16} textAnchor="end" className="ov-chart-label">{bar.label}</text>
                <rect x={labelWidth} y={y + 3} width={Math.max(width, bar.value > 0 ? 2 : 0)} height={rowHeight - 8} className="ov-chart-bar" />
                <text x={labelWidth + width + 6} y={y + 16} className="ov-chart-value">{bar.value}{bar.note ? ` (${bar.note})` : ''}</text>
              </g>
            );
          })}
        </svg>
        <table className="data-table compact ov-chart-table">
          <caption className="visually-hidden">{`${title}: ${t('ov.chart.tableCaption')}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ov.col.category')}</th>
              <th scope="col">{t('ov.col.count')}</th>
              {bars.some((bar) => bar.note) && <th scope="col">{t('ov.col.share')}</th>}
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                <td>{bar.value}</td>
                {bars.some((entry) => entry.note) && <td>{bar.note ?? ''}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
