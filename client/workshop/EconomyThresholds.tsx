import type { ClassificationModel } from '../../scoring/content/classification-model';
import { thresholdAmounts } from '../../scoring/classification/threshold-amounts';
import { useLanguage } from '../i18n/LanguageProvider';
import { useApi } from '../useApi';

const locale = { sv: 'sv-SE', en: 'en-GB' } as const;

/**
 * The model's numeric thresholds in kronor for the object's owner, so the room compares an
 * estimated loss with a figure instead of converting percentages of a budget in their heads.
 */
export function EconomyThresholds({ model, organisationId, organisationName }: { model: ClassificationModel; organisationId: string; organisationName: string }) {
  const { t, language } = useLanguage();
  const budget = useApi<'/api/organisations/:id/annual-budget'>(`/api/organisations/${organisationId}/annual-budget`);
  if (budget.state.status !== 'ready') return null;
  const annualBudgetSek = budget.state.data.annualBudgetSek;
  const areas = thresholdAmounts(model, annualBudgetSek);
  if (areas.length === 0) return null;
  const number = (value: number) => value.toLocaleString(locale[language], { maximumFractionDigits: 2 });
  return (
    <aside className="notice notice-info economy-thresholds" aria-labelledby="economy-thresholds-heading" data-testid="economy-thresholds">
      <h2 id="economy-thresholds-heading">{t('thresholds.heading')}</h2>
      {areas.map((area) => (
        <div key={area.areaId}>
          <p>
            {annualBudgetSek === null
              ? t('thresholds.noBudget', { area: area.areaName, organisation: organisationName })
              : t('thresholds.basis', { area: area.areaName, organisation: organisationName, budget: number(annualBudgetSek) })}
          </p>
          <ul>
            {area.amounts.map((amount) => (
              <li key={amount.level}>
                {amount.kronor === null
                  ? t('thresholds.percentOnly', { level: amount.level, percent: number(amount.from) })
                  : area.unit === 'procent'
                    ? t('thresholds.percentLevel', { level: amount.level, percent: number(amount.from), kronor: number(amount.kronor) })
                    : t('thresholds.kronorLevel', { level: amount.level, kronor: number(amount.kronor) })}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </aside>
  );
}
