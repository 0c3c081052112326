import { useLanguage } from '../i18n/LanguageProvider';
import './guidance.css';

/**
 * The catalog's guidance behind a native disclosure: closed by default so the plan stays short,
 * opened by click, Enter or Space, its state announced by screen readers; named with the requirement
 * so each of the many disclosures on the page is told apart.
 */
export function RequirementGuidance({ title, guidance }: { title: string; guidance: string }) {
  const { t } = useLanguage();
  return (
    <details className="requirement-guidance" data-testid="plan-guidance">
      <summary>{t('planGuidance.summary')}<span className="visually-hidden">: {title}</span></summary>
      <p>{guidance}</p>
    </details>
  );
}
