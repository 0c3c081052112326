import { type FormEvent, useState } from 'react';
import { sendJson } from '../api';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../i18n/LanguageProvider';
import type { Organisation } from '../contract/api-types';
import { useApi } from '../useApi';
import { OrganisationPicker } from './OrganisationPicker';


/** The organisation and every organisation below it, in tree order: each förvaltning and bolag has a budget of its own. */
function subtree(organisations: readonly Organisation[], rootId: string): Organisation[] {
  const root = organisations.find((organisation) => organisation.id === rootId);
  if (!root) return [];
  const children = organisations.filter((organisation) => organisation.parentId === rootId);
  return [root, ...children.flatMap((child) => subtree(organisations, child.id))];
}

/**
 * The annual budget of the chosen organisation or one below it: the model's economic thresholds
 * are shares of the owning organisation's budget, and the workshop shows them in kronor.
 */
export function AnnualBudgetForm({ rootId, canEdit }: { rootId: string; canEdit: boolean }) {
  const organisations = useApi<'/api/organisations'>('/api/organisations');
  const [chosen, setChosen] = useState(rootId);
  const choices = organisations.state.status === 'ready' ? subtree(organisations.state.data.organisations, rootId) : [];
  return (
    <section aria-labelledby="budget-heading">
      <BudgetHeading />
      {choices.length > 1 && <OrganisationPicker id="budget-organisation" choices={choices} value={chosen} onChange={setChosen} />}
      <BudgetOf key={chosen} organisationId={chosen} canEdit={canEdit} />
    </section>
  );
}

function BudgetHeading() {
  const { t } = useLanguage();
  return (
    <>
      <h2 id="budget-heading">{t('ov.budget.heading')}</h2>
      <p>{t('ov.budget.intro')}</p>
    </>
  );
}

function BudgetOf({ organisationId, canEdit }: { organisationId: string; canEdit: boolean }) {
  const { t, language } = useLanguage();
  const budget = useApi<'/api/organisations/:id/annual-budget'>(`/api/organisations/${organisationId}/annual-budget`);
  const [kronor, setKronor] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    try {
      const value = kronor.replace(/[\s\u00a0]/g, '');
      const saved = await sendJson<'PUT /api/organisations/:id/annual-budget'>('PUT', `/api/organisations/${organisationId}/annual-budget`, { annualBudgetSek: value === '' ? null : Number(value) });
      budget.replace(saved);
      setMessage({ ok: true, text: t('ov.budget.saved') });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <LoadState state={budget.state} retry={budget.retry}>
      {(data) => (
        <>
          <p data-testid="budget-current">
            {data.annualBudgetSek === null ? t('ov.budget.none') : t('ov.budget.current', { kronor: data.annualBudgetSek.toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB') })}
          </p>
          {canEdit && (
            <form onSubmit={(event) => void save(event)}>
              <div className="field">
                <label htmlFor="budget-kronor">{t('ov.budget.kronor')}</label>
                <input id="budget-kronor" inputMode="numeric" pattern="[0-9\s\u00a0]*" value={kronor} onChange={(event) => setKronor(event.target.value)} />
              </div>
              <div className="actions"><button type="submit">{t('ov.budget.save')}</button></div>
            </form>
          )}
          {message && <p role={message.ok ? 'status' : 'alert'} className={`notice ${message.ok ? 'notice-info' : 'notice-error'}`}>{message.text}</p>}
        </>
      )}
    </LoadState>
  );
}
