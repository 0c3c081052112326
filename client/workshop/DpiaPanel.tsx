import type { RiskModel } from '../../scoring/content/dpia-risk-model';
import type { DpiaAssessment, OverallLevel } from '../../scoring/dpia/assessment-types';
import { useLanguage } from '../i18n/LanguageProvider';
import { RiskMap } from './RiskMap';

const tones = ['low', 'medium', 'high', 'critical'];

function Overall({ label, overall }: { label: string; overall: OverallLevel | null }) {
  const { t } = useLanguage();
  return (
    <p>
      {label}:{' '}
      {overall ? <strong className={`badge level level-${tones[overall.level.rank] ?? 'critical'}`}>{overall.level.label}</strong> : <span>{t('notRated')}</span>}
    </p>
  );
}

/** The DPIA's result: overall levels, prior consultation, blocked principles and the risk map. */
export function DpiaPanel({ dpia, riskModel }: { dpia: DpiaAssessment; riskModel: RiskModel | undefined }) {
  const { t } = useLanguage();
  return (
    <div className="result dpia-result">
      <Overall label={t('overallCurrent')} overall={dpia.overall.current} />
      <Overall label={t('overallResidual')} overall={dpia.overall.residual} />
      <p data-testid="prior-consultation">
        {t('priorConsultation')}: <strong>{dpia.priorConsultation.required ? t('priorConsultationRequired') : t('priorConsultationNotRequired')}</strong>
        <br /><span className="muted">{dpia.priorConsultation.explanation}</span>
      </p>
      <h3>{t('blockedPrinciples')}</h3>
      {dpia.blockingPrinciples.length === 0 ? <p>{t('noBlockedPrinciples')}</p> : <ul>{dpia.blockingPrinciples.map((id) => <li key={id}>{dpia.principles.find((principle) => principle.id === id)?.label ?? id}</li>)}</ul>}
      {riskModel && (
        <>
          <h3>{t('riskMapHeading')}</h3>
          <RiskMap risks={dpia.risks} model={riskModel} />
        </>
      )}
      {dpia.explanation.length > 0 && (
        <details>
          <summary>{t('explanationHeading')}</summary>
          <ul>{dpia.explanation.map((line) => <li key={line}>{line}</li>)}</ul>
        </details>
      )}
    </div>
  );
}
