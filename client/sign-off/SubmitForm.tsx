import { useState } from 'react';
import { ApiError, sendJson } from '../api';
import type { Assessment } from '../api-types';
import { useLanguage } from '../i18n/LanguageProvider';
import { ActionForm } from './ActionForm';

interface Missing {
  field: string;
  message: string;
}

function missingOf(error: unknown): Missing[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const missing = (error.details as { missing?: unknown } | undefined)?.missing;
  if (!Array.isArray(missing)) return null;
  return missing.filter((entry): entry is Missing => typeof (entry as Missing | null)?.field === 'string' && typeof (entry as Missing).message === 'string');
}

/** utkast → för granskning. A refusal for missing answers lists them, so the workshop can fill them in. */
export function SubmitForm({ assessment, savePending, onDone, onCancel }: { assessment: Assessment; savePending: boolean; onDone(updated: Assessment): void; onCancel(): void }) {
  const { t } = useLanguage();
  const [pendingNote, setPendingNote] = useState(false);
  return (
    <ActionForm
      heading={t('signOff.action.submit')}
      explanation={t('signOff.submitExplained')}
      confirmLabel={t('signOff.confirm')}
      validate={() => {
        // A save still on its way would land after the submit and be refused: wait for it.
        setPendingNote(savePending);
        return !savePending;
      }}
      onConfirm={async () => onDone(await sendJson<Assessment>('POST', `/api/assessments/${assessment.id}/submit`))}
      onCancel={onCancel}
      explainRefusal={(error) => {
        const missing = missingOf(error);
        return missing ? { heading: t('signOff.missingHeading'), items: missing.map((entry) => `${entry.message} (${t('signOff.missingField', { field: entry.field })})`) } : null;
      }}
    >
      {pendingNote && savePending && <p role="alert" className="notice notice-warning">{t('signOff.savePending')}</p>}
    </ActionForm>
  );
}
