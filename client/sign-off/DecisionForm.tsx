import { useRef, useState } from 'react';
import { departsFromAdvice } from '../../scoring/dpia/advice-decisions';
import type { DpiaAssessment } from '../../scoring/dpia/assessment-types';
import { decisionsOffered, motivationProblem, motivationRule, principlesToCorrect } from '../../scoring/dpia/decision-rules';
import { ApiError, fieldErrors, sendJson } from '../api';
import type { Approval, Assessment, DpiaDecision } from '../contract/api-types';
import { dpiaDecisions } from '../../scoring/enumerations';
import { useLanguage } from '../i18n/LanguageProvider';
import { ActionForm } from './ActionForm';
import { ChoiceField, TextAreaField, TextField } from './FormFields';
import { missingAnswersOf } from './missing-answers';
import { decisionStatement } from './statements';

interface DecisionFormProps {
  assessment: Assessment;
  assetName: string;
  /** The DSO's advice in force (a DPIA only). */
  advice: Approval | null;
  onDone(updated: Assessment): void;
  onCancel(): void;
}

/** The principles a refusal names (409 principles_to_correct), or null for any other refusal. */
function refusedPrinciples(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.code !== 'principles_to_correct') return null;
  const principles = (error.details as { principles?: unknown } | undefined)?.principles;
  return Array.isArray(principles) ? principles.filter((entry): entry is string => typeof entry === 'string') : null;
}

/**
 * The last approval: fastställ. For a DPIA the decision maker names the decision; scoring's decision
 * rules decide what is offered (no approval while a principle is Att korrigera) and what reasons a
 * departure from the DSO's advice needs, and the form says so before it is sent.
 */
export function DecisionForm({ assessment, assetName, advice, onDone, onCancel }: DecisionFormProps) {
  const { t } = useLanguage();
  const isDpia = assessment.kind === 'dpia';
  const [decision, setDecision] = useState<DpiaDecision | ''>('');
  const [reasons, setReasons] = useState('');
  const [delegation, setDelegation] = useState('');
  const [diarienummer, setDiarienummer] = useState('');
  const [errors, setErrors] = useState<{ decision: string | null; reasons: string | null }>({ decision: null, reasons: null });
  const decisionRef = useRef<HTMLInputElement>(null);
  const reasonsRef = useRef<HTMLTextAreaElement>(null);
  const adviceValue = advice?.details['advice'] ?? null;
  const adviceLabel = adviceValue ? t(`advice.${adviceValue}` as 'advice.tillstyrker') : '';
  const departs = isDpia && departsFromAdvice(adviceValue, decision || null);
  const statement = decisionStatement(assessment.kind, assetName);
  const principles = isDpia ? ((assessment.result as DpiaAssessment | null)?.principles ?? []) : [];
  const toCorrect = principlesToCorrect(principles);
  const offered = decisionsOffered(dpiaDecisions, principles);
  const ruleValues = { words: motivationRule.minimumWords, own: motivationRule.minimumOwnWords };

  const reasonsError = (): string | null => {
    if (!departs || !decision) return null;
    const problem = motivationProblem(reasons, [t(`decision.${decision}`), adviceLabel, advice?.details['reasons']]);
    if (problem === 'missing') return t('signOff.departsMissingReasons');
    return problem ? t(`rules.motivation.${problem}`, ruleValues) : null;
  };

  const validate = () => {
    if (!isDpia) return true;
    const next = {
      decision: decision ? null : t('signOff.decisionRequired'),
      reasons: reasonsError(),
    };
    setErrors(next);
    if (next.decision) decisionRef.current?.focus();
    else if (next.reasons) reasonsRef.current?.focus();
    return !next.decision && !next.reasons;
  };

  const confirm = async () => {
    const reference = { ...(delegation.trim() ? { delegation: delegation.trim() } : {}), ...(diarienummer.trim() ? { diarienummer: diarienummer.trim() } : {}) };
    // validate() has made sure a DPIA's decision is chosen.
    const body = isDpia && decision ? { statement, decision, ...(reasons.trim() ? { reasons: reasons.trim() } : {}), ...reference } : { statement, ...reference };
    try {
      onDone(await sendJson<'POST /api/assessments/:id/decide'>('POST', `/api/assessments/${assessment.id}/decide`, body));
    } catch (error) {
      // The server holds the same rule; should it still refuse the reasons, show it on the field.
      const refused = fieldErrors(error).find((entry) => entry.field === 'body.reasons');
      if (refused) {
        setErrors((current) => ({ ...current, reasons: reasonsError() ?? refused.message }));
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
        if (error instanceof ApiError && error.code === 'separation_of_duties') return { heading: t('rules.selfDecisionRefused'), items: [] };
        const blocking = refusedPrinciples(error);
        if (blocking) return { heading: t('rules.principlesRefused'), items: blocking };
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
          {toCorrect.length > 0 && (
            <div className="notice notice-warning" data-testid="principles-block">
              <p>{t('rules.principlesBlock')}</p>
              <ul>{toCorrect.map((label) => <li key={label}>{label}</li>)}</ul>
            </div>
          )}
          <ChoiceField<DpiaDecision> legend={t('signOff.decisionLabel')} name="decision" choices={offered.map((value) => ({ value, label: t(`decision.${value}`) }))} value={decision} onChange={setDecision} error={errors.decision} firstRef={decisionRef} />
          {/* Announced when a chosen decision turns the reasons into a required field. */}
          <div aria-live="polite">{departs && <p className="notice notice-warning" data-testid="departs-explained">{t('signOff.departsExplained', { advice: adviceLabel })}</p>}</div>
          <TextAreaField label={departs ? t('signOff.decisionReasonsRequired') : t('signOff.decisionReasons')} hint={departs ? t('rules.motivationRule', ruleValues) : undefined} value={reasons} onChange={setReasons} error={errors.reasons} inputRef={reasonsRef} />
        </>
      )}
      <TextField label={t('decisionRef.delegation')} hint={t('decisionRef.delegationHint')} value={delegation} onChange={setDelegation} maxLength={300} testId="decision-delegation" />
      <TextField label={t('decisionRef.diarienummer')} hint={t('decisionRef.diarienummerHint')} value={diarienummer} onChange={setDiarienummer} maxLength={60} testId="decision-diarienummer" />
    </ActionForm>
  );
}
