import { useState } from 'react';
import { sendJson } from '../api';
import type { Assessment } from '../contract/api-types';
import { useLanguage } from '../i18n/LanguageProvider';
import { ActionForm } from './ActionForm';
import { missingAnswersOf } from './missing-answers';

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
      onConfirm={async () => onDone(await sendJson<'POST /api/assessments/:id/submit'>('POST', `/api/assessments/${assessment.id}/submit`))}
      onCancel={onCancel}
      explainRefusal={(error) => {
        const missing = missingAnswersOf(error);
        return missing ? { heading: t('signOff.missingHeading'), items: missing.map((entry) => `${entry.message} (${t('signOff.missingField', { field: entry.field })})`) } : null;
      }}
    >
      {pendingNote && savePending && <p role="alert" className="notice notice-warning">{t('signOff.savePending')}</p>}
    </ActionForm>
  );
}
