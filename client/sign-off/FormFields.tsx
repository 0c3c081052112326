import { type Ref, useId } from 'react';

/** A labelled text area whose error is announced with it (aria-describedby) and marked invalid. */
export function TextAreaField({ label, value, onChange, error, inputRef, hint }: { label: string; value: string; onChange(value: string): void; error: string | null; inputRef?: Ref<HTMLTextAreaElement>; hint?: string }) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      <textarea id={id} ref={inputRef} rows={4} value={value} maxLength={4000} aria-invalid={error ? true : undefined} aria-describedby={described || undefined} onChange={(event) => onChange(event.target.value)} />
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </div>
  );
}

/** A labelled one-line text field with an optional hint, tied to it by aria-describedby. */
export function TextField({ label, value, onChange, hint, maxLength, testId }: { label: string; value: string; onChange(value: string): void; hint?: string; maxLength: number; testId?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      <input id={id} type="text" value={value} maxLength={maxLength} aria-describedby={hint ? `${id}-hint` : undefined} data-testid={testId} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

/** A group of radio buttons with a legend; the error names the group. */
export function ChoiceField<T extends string>({ legend, name, choices, value, onChange, error, firstRef }: { legend: string; name: string; choices: readonly { value: T; label: string }[]; value: T | ''; onChange(value: T): void; error: string | null; firstRef?: Ref<HTMLInputElement> }) {
  const id = useId();
  return (
    <fieldset className="field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div className="radio-column">
        {choices.map((choice, index) => (
          <label key={choice.value} className="radio-option">
            <input type="radio" name={`${id}-${name}`} value={choice.value} checked={value === choice.value} ref={index === 0 ? firstRef : undefined} aria-invalid={error ? true : undefined} onChange={() => onChange(choice.value)} />
            {' '}{choice.label}
          </label>
        ))}
      </div>
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </fieldset>
  );
}
