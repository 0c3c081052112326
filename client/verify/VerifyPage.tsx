import { type ChangeEvent, type DragEvent, useRef, useState } from 'react';
import { useLanguage } from '../i18n/LanguageProvider';
import { VerificationResult } from './VerificationResult';
import type { Verification } from '../contract/api-types';
import { fileProblem, verifyPdf } from './verify-file';
import './verify.css';
import { errorMessageKey } from '../i18n/api-errors';

type VerifyState =
  | { kind: 'idle' }
  | { kind: 'checking'; name: string }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; name: string; result: Verification };

/** The document the reader expects, from the protocol's QR code (?dokument=<id>). */
function expectedDocument(): string | null {
  const id = new URLSearchParams(window.location.search).get('dokument');
  return id && /^[A-Za-z0-9_-]{1,100}$/.test(id) ? id : null;
}

/**
 * Public: anyone holding a protocol can check it here, logged in or not. The file goes raw to
 * POST /api/verify; the answer is announced (aria-live) and leads with the verdict in words.
 */
export function VerifyPage() {
  const { t } = useLanguage();
  const [state, setState] = useState<VerifyState>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const expectedId = expectedDocument();

  const check = async (file: File) => {
    setState({ kind: 'checking', name: file.name });
    try {
      const bytes = await file.arrayBuffer();
      const problem = fileProblem(new Uint8Array(bytes));
      if (problem) {
        setState({ kind: 'failed', message: problem === 'too-large' ? t('verify.tooLarge') : t('verify.notPdf', { name: file.name }) });
        return;
      }
      setState({ kind: 'done', name: file.name, result: await verifyPdf(bytes) });
    } catch (error) {
      setState({ kind: 'failed', message: t('verify.failed', { message: t(errorMessageKey(error)) }) });
    }
  };
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) void check(file);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void check(file);
  };

  return (
    <article aria-labelledby="verify-heading" className="verify-page">
      <h1 id="verify-heading">{t('verify.heading')}</h1>
      <p>{t('verify.intro')}</p>
      {expectedId && <p className="notice notice-info" data-testid="expected-document">{t('verify.expected', { id: expectedId })}</p>}
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor="verify-file">{t('verify.fileLabel')}</label>
        <input id="verify-file" ref={input} type="file" accept="application/pdf,.pdf" aria-describedby="verify-drop-hint" onChange={onChange} />
        <p id="verify-drop-hint" className="hint">{t('verify.dropHint')}</p>
      </div>
      <div aria-live="polite" aria-busy={state.kind === 'checking'}>
        {state.kind === 'checking' && <p role="status">{t('verify.checking', { name: state.name })}</p>}
        {state.kind === 'failed' && <p className="notice notice-error" role="alert">{state.message}</p>}
        {state.kind === 'done' && <VerificationResult fileName={state.name} result={state.result} expectedId={expectedId} />}
      </div>
      {state.kind === 'done' && (
        <p>
          <button
            type="button"
            onClick={() => {
              if (input.current) input.current.value = '';
              setState({ kind: 'idle' });
              input.current?.focus();
            }}
          >
            {t('verify.another')}
          </button>
        </p>
      )}
    </article>
  );
}
