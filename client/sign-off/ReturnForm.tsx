import { useRef, useState } from 'react';
import { sendJson } from '../api';
import type { Assessment } from '../contract/api-types';
import { useLanguage } from '../i18n/LanguageProvider';
import { ActionForm } from './ActionForm';
import { TextAreaField } from './FormFields';

/** A rejection: back to utkast with the reason, which the timeline and the audit trail keep. */
export function ReturnForm({ assessment, onDone, onCancel }: { assessment: Assessment; onDone(updated: Assessment): void; onCancel(): void }) {
  const { t } = useLanguage();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  return (
    <ActionForm
      heading={t('signOff.action.return')}
      explanation={t('signOff.returnExplained')}
      confirmLabel={t('signOff.confirm')}
      validate={() => {
        const missing = reason.trim() === '';
        setError(missing ? t('signOff.reasonRequired') : null);
        if (missing) field.current?.focus();
        return !missing;
      }}
      onConfirm={async () => onDone(await sendJson<'POST /api/assessments/:id/return'>('POST', `/api/assessments/${assessment.id}/return`, { reason: reason.trim() }))}
      onCancel={onCancel}
    >
      <TextAreaField label={t('signOff.returnReason')} value={reason} onChange={setReason} error={error} inputRef={field} />
    </ActionForm>
  );
}
