import { sendJson } from '../api';
import type { Assessment } from '../contract/api-types';
import { useLanguage } from '../i18n/LanguageProvider';
import { ActionForm } from './ActionForm';
import { readyStatement } from './statements';

/** Classification: the objektledare confirms it is ready for the decision (an optional step). */
export function ReadyForm({ assessment, assetName, onDone, onCancel }: { assessment: Assessment; assetName: string; onDone(updated: Assessment): void; onCancel(): void }) {
  const { t } = useLanguage();
  const statement = readyStatement(assetName);
  return (
    <ActionForm
      heading={t('signOff.action.ready')}
      statement={statement}
      confirmLabel={t('signOff.confirm')}
      onConfirm={async () => onDone(await sendJson<'POST /api/assessments/:id/ready'>('POST', `/api/assessments/${assessment.id}/ready`, { statement }))}
      onCancel={onCancel}
    />
  );
}
