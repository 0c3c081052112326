import { useRef, useState } from 'react';
import { sendJson } from '../api';
import type { Assessment, DsoAdvice } from '../contract/api-types';
import { dsoAdvices } from '../../scoring/enumerations';
import { useLanguage } from '../i18n/LanguageProvider';
import { ActionForm } from './ActionForm';
import { ChoiceField, TextAreaField } from './FormFields';
import { adviceStatement } from './statements';

/** DPIA: the DSO's advice under art. 35.2 with its reasons; a new advice replaces an earlier one. */
export function AdviceForm({ assessment, assetName, onDone, onCancel }: { assessment: Assessment; assetName: string; onDone(updated: Assessment): void; onCancel(): void }) {
  const { t } = useLanguage();
  const [advice, setAdvice] = useState<DsoAdvice | ''>('');
  const [reasons, setReasons] = useState('');
  const [errors, setErrors] = useState<{ advice: string | null; reasons: string | null }>({ advice: null, reasons: null });
  const adviceRef = useRef<HTMLInputElement>(null);
  const reasonsRef = useRef<HTMLTextAreaElement>(null);
  const statement = adviceStatement(assetName);
  return (
    <ActionForm
      heading={t('signOff.action.advise')}
      statement={statement}
      confirmLabel={t('signOff.confirm')}
      validate={() => {
        const next = { advice: advice ? null : t('signOff.adviceRequired'), reasons: reasons.trim() ? null : t('signOff.adviceReasonsRequired') };
        setErrors(next);
        if (next.advice) adviceRef.current?.focus();
        else if (next.reasons) reasonsRef.current?.focus();
        return !next.advice && !next.reasons;
      }}
      // validate() above refuses to confirm without an advice; the check only tells the type checker so.
      onConfirm={async () => {
        if (advice) onDone(await sendJson<'POST /api/assessments/:id/advise'>('POST', `/api/assessments/${assessment.id}/advise`, { advice, reasons: reasons.trim(), statement }));
      }}
      onCancel={onCancel}
    >
      <ChoiceField<DsoAdvice> legend={t('signOff.adviceLabel')} name="advice" choices={dsoAdvices.map((value) => ({ value, label: t(`advice.${value}`) }))} value={advice} onChange={setAdvice} error={errors.advice} firstRef={adviceRef} />
      <TextAreaField label={t('signOff.adviceReasons')} value={reasons} onChange={setReasons} error={errors.reasons} inputRef={reasonsRef} />
    </ActionForm>
  );
}
