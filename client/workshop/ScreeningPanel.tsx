import type { ScreeningResult } from '../../scoring/dpia/screen-dpia';
import { useLanguage } from '../i18n/LanguageProvider';

const outcomeTone: Record<ScreeningResult['outcome'], string> = {
  'inte-tillamplig': 'low',
  'kravs-inte': 'low',
  rekommenderas: 'medium',
  'kravs-preliminart': 'high',
  kravs: 'critical',
};

/** The screening outcome with the rules and criteria that fired, in the form's own Swedish. */
export function ScreeningPanel({ screening, onStartDpia }: { screening: ScreeningResult; onStartDpia?: (() => void) | undefined }) {
  const { t } = useLanguage();
  const met = screening.criteria.filter((criterion) => criterion.answer === 'ja' || criterion.answer === 'osaker');
  const cases = screening.art353.filter((finding) => finding.answer === 'ja' || finding.answer === 'osaker');
  return (
    <div className="result screening-result">
      <p className={`outcome level-${outcomeTone[screening.outcome]}`} data-testid="screening-outcome">
        {t('screeningOutcome')}: <strong>{screening.outcomeLabel}</strong>
      </p>
      <p>{screening.summary}</p>
      {screening.firedRules.length > 0 && (
        <>
          <h3>{t('firedRules')}</h3>
          <ul>{screening.firedRules.map((rule) => <li key={rule.id}>{rule.text}</li>)}</ul>
        </>
      )}
      {cases.length > 0 && (
        <>
          <h3>{t('art353Heading')}</h3>
          <ul>{cases.map((finding) => <li key={finding.id}>{finding.label}: <strong>{t(`tri.${finding.answer}`)}</strong></li>)}</ul>
        </>
      )}
      <h3>{t('criteriaHeading')}</h3>
      <ul data-testid="screening-criteria">
        {met.length === 0 && <li>–</li>}
        {met.map((criterion) => (
          <li key={criterion.id}>{criterion.number}. {criterion.label}: <strong>{t(`tri.${criterion.answer}`)}</strong></li>
        ))}
      </ul>
      {screening.dsoDecisionNeeded && <p className="notice notice-warning">{t('dsoDecisionNeeded')}</p>}
      {screening.exemptionDecision && (
        <div className="notice notice-info" data-testid="exemption-decision">
          <p><strong>{t('exemption.heading')}</strong></p>
          <p>{t('exemption.decided', { label: t(`exemption.${screening.exemptionDecision.decision}`), reasons: screening.exemptionDecision.reasons })}</p>
          <p>{t('exemption.ruleOutcome', { outcome: screening.exemptionDecision.ruleOutcomeLabel })}</p>
        </div>
      )}
      {screening.explanation.length > 0 && (
        <details>
          <summary>{t('explanationHeading')}</summary>
          <ul>{screening.explanation.map((line) => <li key={line}>{line}</li>)}</ul>
        </details>
      )}
      {screening.outcome === 'kravs' && onStartDpia && (
        <div className="notice notice-info">
          <p>{t('dpiaRequiredStart')}</p>
          <button type="button" className="primary" onClick={onStartDpia}>{t('startDpia')}</button>
        </div>
      )}
    </div>
  );
}
