import { type FormEvent, useState } from 'react';
import { sendJson } from '../api';
import type { Organisation } from '../contract/api-types';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../i18n/LanguageProvider';
import { useRolesIn } from '../sign-off/useRolesIn';
import { useApi } from '../useApi';

/** The nearest organisation above that turned separation of duties off: it is off here too. */
function turnedOffAbove(organisations: readonly Organisation[], organisation: Organisation): Organisation | null {
  const byId = new Map(organisations.map((entry) => [entry.id, entry]));
  const seen = new Set<string>();
  const parentOf = (entry: Organisation) => (entry.parentId ? byId.get(entry.parentId) : undefined);
  for (let current = parentOf(organisation); current && !seen.has(current.id); current = parentOf(current)) {
    seen.add(current.id);
    if (!current.separationOfDuties) return current;
  }
  return null;
}

/**
 * Separation of duties (issue 13): on by default, whoever sent a round for review or marked it ready
 * may not decide it. Only an admin may turn it off for a small organisation; everyone else sees it.
 */
export function SeparationOfDutiesForm({ organisationId }: { organisationId: string }) {
  const { t } = useLanguage();
  const canManage = useRolesIn(organisationId).has('admin');
  const list = useApi<'/api/organisations'>('/api/organisations');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [wanted, setWanted] = useState<boolean | null>(null);
  const save = async (event: FormEvent, organisations: Organisation[], separationOfDuties: boolean) => {
    event.preventDefault();
    setMessage(null);
    try {
      const saved = await sendJson<'PATCH /api/organisations/:id'>('PATCH', `/api/organisations/${organisationId}`, { separationOfDuties });
      list.replace({ organisations: organisations.map((entry) => (entry.id === saved.id ? saved : entry)) });
      setWanted(null);
      setMessage({ ok: true, text: t(saved.separationOfDuties ? 'rules.duties.savedOn' : 'rules.duties.savedOff') });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <section aria-labelledby="duties-heading">
      <h2 id="duties-heading">{t('rules.duties.heading')}</h2>
      <p>{t('rules.duties.intro')}</p>
      <LoadState state={list.state} retry={list.retry}>
        {({ organisations }) => {
          const organisation = organisations.find((entry) => entry.id === organisationId);
          if (!organisation) return null;
          const offAbove = turnedOffAbove(organisations, organisation);
          return (
            <>
              <p data-testid="duties-current">
                {offAbove ? t('rules.duties.offAbove', { organisation: offAbove.name }) : t(organisation.separationOfDuties ? 'rules.duties.on' : 'rules.duties.off')}
              </p>
              {canManage && (
                <form onSubmit={(event) => void save(event, organisations, wanted ?? organisation.separationOfDuties)}>
                  <div className="field checkbox-field">
                    <label>
                      <input type="checkbox" checked={wanted ?? organisation.separationOfDuties} onChange={(event) => setWanted(event.target.checked)} />{' '}
                      {t('rules.duties.toggle')}
                    </label>
                  </div>
                  <div className="actions"><button type="submit">{t('rules.duties.save')}</button></div>
                </form>
              )}
              {message && <p role={message.ok ? 'status' : 'alert'} className={`notice ${message.ok ? 'notice-info' : 'notice-error'}`}>{message.text}</p>}
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
