import { type FormEvent, useState } from 'react';
import { sendJson } from '../api';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../i18n/LanguageProvider';
import { useApi } from '../useApi';
import { errorMessageKey } from '../i18n/api-errors';

/** The organisation's review interval (issue 9, part 2): its own months, or inherited from above. */
export function ReviewIntervalForm({ organisationId, canEdit }: { organisationId: string; canEdit: boolean }) {
  const { t } = useLanguage();
  const interval = useApi<'/api/organisations/:id/review-interval'>(`/api/organisations/${organisationId}/review-interval`);
  const [months, setMonths] = useState('');
  const [inherit, setInherit] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    try {
      const saved = await sendJson<'PUT /api/organisations/:id/review-interval'>('PUT', `/api/organisations/${organisationId}/review-interval`, { months: inherit ? null : Number(months) });
      interval.replace(saved);
      setMessage({ ok: true, text: t('ov.interval.saved') });
    } catch (error) {
      setMessage({ ok: false, text: t(errorMessageKey(error)) });
    }
  };
  return (
    <section aria-labelledby="interval-heading">
      <h2 id="interval-heading">{t('ov.interval.heading')}</h2>
      <p>{t('ov.interval.intro')}</p>
      <LoadState state={interval.state} retry={interval.retry}>
        {(data) => (
          <>
            <p data-testid="interval-current">{t('ov.interval.current', { months: data.months, source: data.inherited ? t('ov.interval.inherited') : t('ov.interval.own') })}</p>
            {canEdit && (
              <form onSubmit={(event) => void save(event)}>
                <div className="field checkbox-field">
                  <label><input type="checkbox" checked={inherit} onChange={(event) => setInherit(event.target.checked)} /> {t('ov.interval.inherit')}</label>
                </div>
                <div className="field">
                  <label htmlFor="interval-months">{t('ov.interval.months')}</label>
                  <input id="interval-months" type="number" min={1} max={60} required={!inherit} disabled={inherit} value={months} placeholder={String(data.months)} onChange={(event) => setMonths(event.target.value)} />
                </div>
                <div className="actions"><button type="submit">{t('ov.interval.save')}</button></div>
              </form>
            )}
            {message && <p role={message.ok ? 'status' : 'alert'} className={`notice ${message.ok ? 'notice-info' : 'notice-error'}`}>{message.text}</p>}
          </>
        )}
      </LoadState>
    </section>
  );
}
