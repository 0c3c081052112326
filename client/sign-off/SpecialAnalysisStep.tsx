import { useId, useRef, useState } from 'react';
import { sendJson } from '../api';
import type { Assessment, SignOff } from '../contract/api-types';
import { useLanguage } from '../i18n/LanguageProvider';
import { ActionForm } from './ActionForm';

type Step = SignOff['specialAnalysis'];

interface SpecialAnalysisStepProps {
  assessment: Assessment;
  step: NonNullable<Step>;
  /** The caller holds the säkerhetsskyddschef role here. */
  canRecord: boolean;
  onRecorded(): void;
}

/** The form: only where the analysis is kept (a diarienummer or the like), never its content. */
function ReferenceForm({ assessment, onDone, onCancel }: { assessment: Assessment; onDone(): void; onCancel(): void }) {
  const { t } = useLanguage();
  const id = useId();
  const [reference, setReference] = useState('');
  const [error, setError] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <ActionForm
      heading={t('specialAnalysis.formHeading')}
      explanation={t('specialAnalysis.formExplanation')}
      confirmLabel={t('specialAnalysis.record')}
      validate={() => {
        const missing = reference.trim() === '';
        setError(missing);
        if (missing) inputRef.current?.focus();
        return !missing;
      }}
      onConfirm={async () => {
        await sendJson<'POST /api/assessments/:id/special-analysis'>('POST', `/api/assessments/${assessment.id}/special-analysis`, { reference: reference.trim() });
        onDone();
      }}
      onCancel={onCancel}
    >
      <div className="field">
        <label htmlFor={id}>{t('specialAnalysis.reference')}</label>
        <p id={`${id}-hint`} className="hint">{t('specialAnalysis.referenceHint')}</p>
        <input
          id={id}
          ref={inputRef}
          type="text"
          value={reference}
          maxLength={300}
          aria-invalid={error}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          data-testid="special-analysis-reference"
          onChange={(event) => setReference(event.target.value)}
        />
        {error && <p id={`${id}-error`} className="field-error">{t('specialAnalysis.referenceRequired')}</p>}
      </div>
    </ActionForm>
  );
}

/**
 * Säkerhetsskydd: a level-4 mark needs a separate analysis owned by the säkerhetsskyddschef; the
 * decision waits until they record where it is kept. The plan's requirements stay stopped.
 */
export function SpecialAnalysisStep({ assessment, step, canRecord, onRecorded }: SpecialAnalysisStepProps) {
  const { t, formatDate } = useLanguage();
  const [open, setOpen] = useState(false);
  const recorded = step.recorded;
  return (
    <div className="special-analysis" data-testid="special-analysis-step">
      <h3>{t('specialAnalysis.heading')}</h3>
      <p>{t('specialAnalysis.explanation')}</p>
      <p data-testid="special-analysis-status">
        {recorded
          ? t('specialAnalysis.recorded', { reference: recorded.reference, name: recorded.userName, date: formatDate(recorded.recordedAt) })
          : t('specialAnalysis.waiting')}
      </p>
      {step.earlier && (
        <p data-testid="special-analysis-earlier">
          {t('specialAnalysis.earlier', { reference: step.earlier.reference, name: step.earlier.userName, date: formatDate(step.earlier.recordedAt) })}
        </p>
      )}
      {canRecord && assessment.status !== 'faststalld' && (
        <>
          <div className="actions">
            <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>{t(recorded ? 'specialAnalysis.replace' : 'specialAnalysis.open')}</button>
          </div>
          {open && <ReferenceForm assessment={assessment} onDone={() => { setOpen(false); onRecorded(); }} onCancel={() => setOpen(false)} />}
        </>
      )}
    </div>
  );
}
