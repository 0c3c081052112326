import { useRef, useState } from 'react';
import { type ExemptionDecisionId, exemptionDecisions } from '../../scoring/dpia/exemption-decision';
import type { ScreeningResult } from '../../scoring/dpia/screen-dpia';
import { sendJson } from '../api';
import type { Assessment } from '../contract/api-types';
import { useLanguage } from '../i18n/LanguageProvider';
import { ActionForm } from './ActionForm';
import { ChoiceField, TextAreaField } from './FormFields';
import { exemptionStatement } from './statements';

/** Screening: the DSO accepts or rejects the exemption the author claims, with reasons; a new decision replaces an earlier one. */
export function ExemptionForm({ assessment, assetName, onDone, onCancel }: { assessment: Assessment; assetName: string; onDone(updated: Assessment): void; onCancel(): void }) {
  const { t } = useLanguage();
  const [decision, setDecision] = useState<ExemptionDecisionId | ''>('');
  const [reasons, setReasons] = useState('');
  const [errors, setErrors] = useState<{ decision: string | null; reasons: string | null }>({ decision: null, reasons: null });
  const decisionRef = useRef<HTMLInputElement>(null);
  const reasonsRef = useRef<HTMLTextAreaElement>(null);
  const statement = exemptionStatement(assetName);
  const claimed = (assessment.result as unknown as ScreeningResult | null)?.exemptions ?? [];
  return (
    <ActionForm
      heading={t('exemption.heading')}
      statement={statement}
      confirmLabel={t('signOff.confirm')}
      validate={() => {
        const next = { decision: decision ? null : t('exemption.decisionRequired'), reasons: reasons.trim() ? null : t('exemption.reasonsRequired') };
        setErrors(next);
        if (next.decision) decisionRef.current?.focus();
        else if (next.reasons) reasonsRef.current?.focus();
        return !next.decision && !next.reasons;
      }}
      onConfirm={async () => {
        // validate() has made sure the decision is chosen.
        if (decision) onDone(await sendJson<'POST /api/assessments/:id/exemption-decision'>('POST', `/api/assessments/${assessment.id}/exemption-decision`, { decision, reasons: reasons.trim(), statement }));
      }}
      onCancel={onCancel}
    >
      <ul className="claimed-exemptions">
        {claimed.map((exemption) => (
          <li key={exemption.id}>
            {t('exemption.claimed', { label: exemption.label })}
            {exemption.motivation && <><br />{t('exemption.motivation', { motivation: exemption.motivation })}</>}
          </li>
        ))}
      </ul>
      <ChoiceField<ExemptionDecisionId>
        legend={t('exemption.legend')}
        name="exemption"
        choices={exemptionDecisions.map((entry) => ({ value: entry.id, label: t(`exemption.${entry.id}`) }))}
        value={decision}
        onChange={setDecision}
        error={errors.decision}
        firstRef={decisionRef}
      />
      <TextAreaField label={t('exemption.reasons')} value={reasons} onChange={setReasons} error={errors.reasons} inputRef={reasonsRef} />
    </ActionForm>
  );
}
