import type { ReactNode } from 'react';
import { ApiError } from '../api';
import { errorMessageKey } from '../i18n/api-errors';
import { useLanguage } from '../i18n/LanguageProvider';
import type { ApiState } from '../useApi';

/** The loading, no-permission, not-found and error states every page shows the same way; children render the data. */
export function LoadState<T>({ state, retry, children }: { state: ApiState<T>; retry(): void; children(data: T): ReactNode }) {
  const { t } = useLanguage();
  if (state.status === 'loading') return <p role="status" className="loading">{t('loading')}</p>;
  if (state.status === 'error') {
    const status = state.error instanceof ApiError ? state.error.status : 0;
    if (status === 403) return <div role="alert" className="notice notice-warning"><p>{t('noPermission')}</p></div>;
    if (status === 404) return <div role="alert" className="notice notice-warning"><p>{t('notFoundItem')}</p></div>;
    return (
      <div role="alert" className="notice notice-error">
        <p>{t('loadFailed')}</p>
        <p className="muted">{t(errorMessageKey(state.error))}</p>
        <button type="button" onClick={retry}>{t('retry')}</button>
      </div>
    );
  }
  return <>{children(state.data)}</>;
}
