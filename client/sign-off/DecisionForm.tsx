import { useRef, useState } from 'react';
import { departsFromAdvice } from '../../scoring/dpia/advice-decisions';
import { fieldErrors, sendJson } from '../api';
import type { Assessment } from '../api-types';
import { useLanguage } from '../i18n/LanguageProvider';
import { ActionForm } from './ActionForm';
import { ChoiceField, TextAreaField } from './FormFields';
import { missingAnswersOf } from './missing-answers';
import { type Approval, type DpiaDecision, dpiaDecisions } from './sign-off-types';
import { decisionStatement } from './statements';

interface DecisionFormProps {
  assessment: Assessment;
  assetName: string;
  /** The DSO's advice in force (a DPIA only). */
  advice: Approval | null;
  onDone(updated: Assessment): void;
  onCancel(): void;
}

/**
 * The last approval: fastställ. For a DPIA the decision maker names the decision; when it departs
 * from the DSO's advice the reasons become required, and the form says so before it is sent.
 */
export function DecisionForm({ assessment, assetName, advice, onDone, onCancel }: DecisionFormProps) {
  const { t } = useLanguage();
  const isDpia = assessment.kind === 'dpia';
  const [decision, setDecision] = useState<DpiaDecision | ''>('');
  const [reasons, setReasons] = useState('');
  const [errors, setErrors] = useState<{ decision: string | null; reasons: string | null }>({ decision: null, reasons: null });
  const decisionRef = useRef<HTMLInputElement>(null);
  const reasonsRef = useRef<HTMLTextAreaElement>(null);
  const adviceValue = advice?.details['advice'] ?? null;
  const adviceLabel = adviceValue ? t(`advice.${adviceValue}` as 'advice.tillstyrker') : '';
  const departs = isDpia && departsFromAdvice(adviceValue, decision || null);
  const statement = decisionStatement(assessment.kind, assetName);

  const validate = () => {
    if (!isDpia) return true;
    const next = {
      decision: decision ? null : t('signOff.decisionRequired'),
      reasons: departs && !reasons.trim() ? t('signOff.departsMissingReasons') : null,
    };
    setErrors(next);
    if (next.decision) decisionRef.current?.focus();
    else if (next.reasons) reasonsRef.current?.focus();
    return !next.decision && !next.reasons;
  };

  const confirm = async () => {
    const body = isDpia ? { statement, decision, ...(reasons.trim() ? { reasons: reasons.trim() } : {}) } : { statement };
    try {
      onDone(await sendJson<Assessment>('POST', `/api/assessments/${assessment.id}/decide`, body));
    } catch (error) {
      // The server holds the same rule; should it still refuse the reasons, show it on the field.
      if (fieldErrors(error).some((entry) => entry.field === 'body.reasons')) {
        setErrors((current) => ({ ...current, reasons: t('signOff.departsMissingReasons') }));
        reasonsRef.current?.focus();
      }
      throw error;
    }
  };

  return (
    <ActionForm
      heading={isDpia ? t('signOff.action.decideDpia') : t('signOff.action.decide')}
      statement={statement}
      confirmLabel={t('signOff.confirm')}
      validate={validate}
      onConfirm={confirm}
      onCancel={onCancel}
      explainRefusal={(error) => {
        const missing = missingAnswersOf(error);
        return missing ? { heading: t('signOff.missingBeforeDecision'), items: missing.map((entry) => entry.message) } : null;
      }}
    >
      {isDpia && (
        <>
          {advice && (
            <div className="notice notice-info" data-testid="advice-in-force">
              <p><strong>{t('signOff.currentAdvice', { advice: adviceLabel })}</strong></p>
              {advice.details['reasons'] && <p>{advice.details['reasons']}</p>}
            </div>
          )}
          <ChoiceField<DpiaDecision> legend={t('signOff.decisionLabel')} name="decision" choices={dpiaDecisions.map((value) => ({ value, label: t(`decision.${value}`) }))} value={decision} onChange={setDecision} error={errors.decision} firstRef={decisionRef} />
          {/* Announced when a chosen decision turns the reasons into a required field. */}
          <div aria-live="polite">{departs && <p className="notice notice-warning" data-testid="departs-explained">{t('signOff.departsExplained', { advice: adviceLabel })}</p>}</div>
          <TextAreaField label={departs ? t('signOff.decisionReasonsRequired') : t('signOff.decisionReasons')} value={reasons} onChange={setReasons} error={errors.reasons} inputRef={reasonsRef} />
        </>
      )}
    </ActionForm>
  );
}
