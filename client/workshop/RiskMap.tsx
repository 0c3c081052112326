import { useId } from 'react';
import type { RiskModel } from '../../scoring/content/dpia-risk-model';
import type { AssessedRisk } from '../../scoring/dpia/assessment-types';
import { riskLevel } from '../../scoring/dpia/risk-matrix';
import { placeRisks, slotOffset } from '../domain/risk-map';
import { useLanguage } from '../i18n/LanguageProvider';

const cell = 64;
const margin = { left: 56, top: 8, bottom: 48 };
const tones = ['risk-low', 'risk-medium', 'risk-high', 'risk-very-high'];

/**
 * The 4×4 severity × likelihood map as SVG: cells tinted by the model's level (and named in text),
 * each risk as a numbered filled circle (current) and a numbered hollow square (residual), and a
 * table that says the same for anyone who does not see the picture.
 */
export function RiskMap({ risks, model }: { risks: AssessedRisk[]; model: RiskModel }) {
  const { t } = useLanguage();
  const titleId = useId();
  const descId = useId();
  const inScope = risks.filter((risk) => risk.inScope);
  const markers = placeRisks(
    inScope.map((risk) => ({
      id: risk.id,
      title: risk.title,
      current: risk.current ? { severity: risk.current.severity.value, likelihood: risk.current.likelihood.value } : null,
      residual: risk.residual ? { severity: risk.residual.severity.value, likelihood: risk.residual.likelihood.value } : null,
    })),
  );
  const size = model.severity.steps.length;
  const width = margin.left + cell * size + 8;
  const height = margin.top + cell * size + margin.bottom;
  const x = (likelihood: number) => margin.left + (likelihood - 1) * cell;
  const y = (severity: number) => margin.top + (size - severity) * cell;
  return (
    <figure className="risk-map" data-testid="risk-map">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} width="100%" style={{ maxWidth: `${width * 1.4}px` }}>
        <title id={titleId}>{t('riskMapHeading')}</title>
        <desc id={descId}>
          {t('riskMapDesc')}{' '}
          {markers.map((marker) => `${marker.number}. ${marker.title} (${marker.state === 'current' ? t('current') : t('residual')}): ${t('severity')} ${marker.severity}, ${t('likelihood')} ${marker.likelihood}.`).join(' ')}
        </desc>
        {model.severity.steps.map((severity) =>
          model.likelihood.steps.map((likelihood) => {
            const level = riskLevel(model, severity.value, likelihood.value);
            return (
              <g key={`${severity.value}-${likelihood.value}`}>
                <rect x={x(likelihood.value)} y={y(severity.value)} width={cell} height={cell} className={`risk-cell ${tones[level?.rank ?? 0] ?? 'risk-very-high'}`} />
                <text x={x(likelihood.value) + 3} y={y(severity.value) + 11} className="risk-cell-label">{level?.label ?? ''}</text>
              </g>
            );
          }),
        )}
        {model.severity.steps.map((step) => (
          <text key={`s${step.value}`} x={margin.left - 6} y={y(step.value) + cell / 2 + 4} textAnchor="end" className="risk-axis">{step.value}</text>
        ))}
        {model.likelihood.steps.map((step) => (
          <text key={`l${step.value}`} x={x(step.value) + cell / 2} y={margin.top + cell * size + 16} textAnchor="middle" className="risk-axis">{step.value}</text>
        ))}
        <text x={margin.left + (cell * size) / 2} y={height - 6} textAnchor="middle" className="risk-axis-title">{t('likelihood')} →</text>
        <text transform={`translate(14 ${margin.top + (cell * size) / 2}) rotate(-90)`} textAnchor="middle" className="risk-axis-title">{t('severity')} →</text>
        {markers.map((marker) => {
          const offset = slotOffset(marker.slot, marker.slotsInCell);
          const cx = x(marker.likelihood) + offset.x * cell;
          const cy = y(marker.severity) + 6 + offset.y * (cell - 6);
          const r = marker.slotsInCell > 4 ? 7 : 10;
          return (
            <g key={`${marker.riskId}-${marker.state}`} className={`risk-marker risk-marker-${marker.state}`}>
              {marker.state === 'current' ? (
                <circle cx={cx} cy={cy} r={r} />
              ) : (
                <rect x={cx - r} y={cy - r} width={r * 2} height={r * 2} />
              )}
              <text x={cx} y={cy + 4} textAnchor="middle">{marker.number}</text>
            </g>
          );
        })}
      </svg>
      <table className="data-table compact">
        <caption>{t('riskTableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('riskCol')}</th>
            <th scope="col"><span aria-hidden="true">● </span>{t('current')}</th>
            <th scope="col"><span aria-hidden="true">□ </span>{t('residual')}</th>
          </tr>
        </thead>
        <tbody>
          {inScope.map((risk, index) => (
            <tr key={risk.id}>
              <td>{index + 1}</td>
              <th scope="row">{risk.title}</th>
              <td>{risk.current ? `${risk.current.level.label} (${risk.current.severity.value}×${risk.current.likelihood.value})` : t('notRated')}</td>
              <td>{risk.residual ? `${risk.residual.level.label} (${risk.residual.severity.value}×${risk.residual.likelihood.value})` : t('notRated')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
