import { codeMessageKey } from '../i18n/api-errors';
import { useLanguage } from '../i18n/LanguageProvider';
import type { SaveState } from './autosave';

const icons: Record<SaveState['kind'], string> = { idle: '', pending: '…', saving: '⟳', saved: '✓', retrying: '!', conflict: '⚠', invalid: '!', forbidden: '!' };

/** The autosave state in words, announced politely (assertively when something needs the user). */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t, formatDate } = useLanguage();
  let text: string;
  switch (state.kind) {
    case 'idle': text = t('saveIdle'); break;
    case 'pending': text = t('savePending'); break;
    case 'saving': text = t('saveSaving'); break;
    case 'saved': text = t('saveSaved', { time: formatDate(state.at.toISOString(), true) }); break;
    case 'retrying': text = t('saveRetrying', { seconds: Math.round(state.inMs / 1000) }); break;
    case 'conflict': text = t('saveConflict'); break;
    case 'invalid': text = t('saveInvalid'); break;
    case 'forbidden': text = t('saveForbidden', { message: t(codeMessageKey(state.message, 403)) }); break;
  }
  const urgent = state.kind === 'conflict' || state.kind === 'retrying' || state.kind === 'invalid' || state.kind === 'forbidden';
  return (
    <p className={`save-status save-${state.kind}`} role="status" aria-live={urgent ? 'assertive' : 'polite'} data-testid="save-status" data-state={state.kind}>
      <span aria-hidden="true">{icons[state.kind]} </span>
      {text}
    </p>
  );
}
