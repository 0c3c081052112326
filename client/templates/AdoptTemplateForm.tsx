import { type FormEvent, useState } from 'react';
import { sendJson } from '../api';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../i18n/LanguageProvider';
import { navigate } from '../navigation';
import { paths } from '../routes';
import { useApi } from '../useApi';
import { errorMessageKey } from '../i18n/api-errors';

/** Starts the asset's classification from a normative template and opens the workshop on it. */
export function AdoptTemplateForm({ assetId }: { assetId: string }) {
  const { t } = useLanguage();
  const templates = useApi<'/api/templates'>('/api/templates');
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const adopt = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const started = await sendJson<'POST /api/assets/:assetId/adopt'>('POST', `/api/assets/${assetId}/adopt`, { templateId: chosen });
      navigate(paths.assessment(started.id));
    } catch (failure) {
      setError(t(errorMessageKey(failure)));
    }
  };
  return (
    <LoadState state={templates.state} retry={templates.retry}>
      {({ templates: list }) =>
        list.length === 0 ? null : (
          <section aria-labelledby="adopt-heading" className="panel">
            <h2 id="adopt-heading">{t('template.adoptHeading')}</h2>
            <p>{t('template.adoptIntro')}</p>
            <form onSubmit={(event) => void adopt(event)} className="inline-form">
              <label className="inline-field">
                <span>{t('template.pick')}</span>
                <select required value={chosen} onChange={(event) => setChosen(event.target.value)} data-testid="template-pick">
                  <option value="">–</option>
                  {list.map((entry) => <option key={entry.id} value={entry.id}>{`${entry.latest.name} (${entry.latest.profileText}, ${t('template.versionLabel', { version: entry.latest.version })})`}</option>)}
                </select>
              </label>
              <button type="submit" className="primary">{t('template.adoptButton')}</button>
            </form>
            {error && <p role="alert" className="notice notice-error">{error}</p>}
          </section>
        )
      }
    </LoadState>
  );
}
