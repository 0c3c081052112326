import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api';
import { useLanguage } from '../i18n/LanguageProvider';
import { errorMessageKey } from '../i18n/api-errors';

export interface Refusal {
  heading: string;
  items: string[];
}

interface ActionFormProps {
  heading: string;
  /** What happens, in plain words, before the person confirms. */
  explanation?: string;
  /** The text the person confirms; it is stored with the approval (always Swedish). */
  statement?: string;
  confirmLabel: string;
  /** Checks the form's own fields, shows their errors and focuses the first; false stops the request. */
  validate?(): boolean;
  onConfirm(): Promise<void>;
  onCancel(): void;
  /** A refusal worth more than its message (what is missing), as a heading and list, or null for the generic text. */
  explainRefusal?(error: unknown): Refusal | null;
  children?: ReactNode;
}

/**
 * The shell of every sign-off step: what happens, the fields, the statement the person confirms
 * with a required tick box, and the refusal if the server says no. Opening it moves focus to its
 * heading so keyboard and screen reader users land in the form they asked for.
 */
export function ActionForm({ heading, explanation, statement, confirmLabel, validate, onConfirm, onCancel, explainRefusal, children }: ActionFormProps) {
  const { t, language } = useLanguage();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const checkRef = useRef<HTMLInputElement>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [checkError, setCheckError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReactNode | null>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (validate && !validate()) return;
    if (statement && !confirmed) {
      setCheckError(true);
      checkRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await onConfirm();
    } catch (caught) {
      const refusal = explainRefusal?.(caught) ?? null;
      // A 409 with its own words (the särskild analys still missing) says so; any other means the assessment moved on.
      const message = caught instanceof ApiError && caught.status === 409 && caught.code !== 'special_analysis_missing' ? t('signOff.changedMeanwhile') : t('signOff.failed', { message: t(errorMessageKey(caught)) });
      setError(
        refusal ? (
          <>
            <p>{refusal.heading}</p>
            {refusal.items.length > 0 && <ul data-testid="refusal-list">{refusal.items.map((item) => <li key={item}>{item}</li>)}</ul>}
          </>
        ) : (
          <p>{message}</p>
        ),
      );
      setBusy(false);
    }
  };

  return (
    <form className="sign-off-form" aria-labelledby={`${id}-heading`} noValidate onSubmit={(event) => void submit(event)}>
      <h3 id={`${id}-heading`} tabIndex={-1} ref={headingRef}>{heading}</h3>
      {explanation && <p>{explanation}</p>}
      {children}
      {statement && (
        <div className="statement">
          <p id={`${id}-statement-label`}><strong>{t('signOff.youConfirm')}</strong></p>
          <blockquote lang="sv" aria-labelledby={`${id}-statement-label`} data-testid="statement">{statement}</blockquote>
          <p className="muted">{t('signOff.statementRecorded')}{language !== 'sv' && ` ${t('signOff.statementInSwedish')}`}</p>
          <div className="field checkbox-field">
            <input
              id={`${id}-confirm`}
              type="checkbox"
              ref={checkRef}
              checked={confirmed}
              aria-invalid={checkError && !confirmed}
              aria-describedby={checkError && !confirmed ? `${id}-confirm-error` : undefined}
              onChange={(event) => setConfirmed(event.target.checked)}
            />
            <label htmlFor={`${id}-confirm`}>{t('signOff.confirmCheck')}</label>
          </div>
          {checkError && !confirmed && <p id={`${id}-confirm-error`} className="field-error">{t('signOff.confirmRequired')}</p>}
        </div>
      )}
      {error && <div role="alert" className="notice notice-error" data-testid="action-error">{error}</div>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{confirmLabel}</button>
        <button type="button" onClick={onCancel} disabled={busy}>{t('cancel')}</button>
      </div>
    </form>
  );
}
