import type { RiskModel } from '../../scoring/content/dpia-risk-model';
import { useLanguage } from '../i18n/LanguageProvider';
import { ClassificationPanel } from './ClassificationPanel';
import { DpiaPanel } from './DpiaPanel';
import type { ResultView } from './live-result';
import type { WorkshopContent } from './workshop-content';
import { ScreeningPanel } from './ScreeningPanel';

export function ResultPanel({ view, riskModel, content, onStartDpia }: { view: ResultView | null; riskModel: RiskModel | undefined; content?: WorkshopContent; onStartDpia?: (() => void) | undefined }) {
  const { t } = useLanguage();
  if (!view) return <p>{t('noSets')}</p>;
  if (view.kind === 'classification') return <ClassificationPanel classification={view.classification} actionPlan={view.actionPlan} content={content} />;
  if (view.kind === 'dpia-screening') return <ScreeningPanel screening={view.screening} onStartDpia={onStartDpia} />;
  return <DpiaPanel dpia={view.dpia} riskModel={riskModel} />;
}
