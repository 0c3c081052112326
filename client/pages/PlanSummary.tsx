import type { PlanItem } from '../contract/api-types';
import { Link } from '../components/Link';
import { useLanguage } from '../i18n/LanguageProvider';
import { paths } from '../routes';

/** The handlingsplan in one sentence, with the way to the full table. */
export function PlanSummary({ assetId, items }: { assetId: string; items: PlanItem[] }) {
  const { t } = useLanguage();
  const applicable = items.filter((item) => item.applicable);
  if (applicable.length === 0) return <p className="empty-state">{t('planSummaryEmpty')}</p>;
  const count = (...statuses: PlanItem['status'][]) => applicable.filter((item) => statuses.includes(item.status)).length;
  return (
    <>
      <p data-testid="plan-summary">
        {t('planSummary', { applicable: applicable.length, done: count('uppfyllt', 'ej_tillampligt', 'risk_accepterad'), partly: count('delvis_uppfyllt'), open: count('ej_uppfyllt', 'ej_bedomd') })}
      </p>
      <p><Link href={paths.plan(assetId)}>{t('openPlan')}</Link></p>
    </>
  );
}
