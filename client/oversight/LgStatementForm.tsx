import { type FormEvent, useState } from 'react';
import { sendJson } from '../api';
import type { ApiAnswer } from '../contract/api';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../i18n/LanguageProvider';
import { errorMessageKey } from '../i18n/api-errors';
import { useApi } from '../useApi';

type LgStatement = ApiAnswer<'/api/organisations/:id/reports/ledningens-genomgang/statement'>;

function StatementEditor({ organisationId, statement, canEdit, onSaved }: { organisationId: string; statement: LgStatement; canEdit: boolean; onSaved(saved: LgStatement): void }) {
  const { t } = useLanguage();
  const [conclusions, setConclusions] = useState(statement.conclusions);
  const [proposedActions, setProposedActions] = useState(statement.proposedActions);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    try {
      const body = { year: statement.year, conclusions, proposedActions, baseRevision: statement.revision };
      onSaved(await sendJson<'PUT /api/organisations/:id/reports/ledningens-genomgang/statement'>('PUT', `/api/organisations/${organisationId}/reports/ledningens-genomgang/statement`, body));
      setMessage({ ok: true, text: t('lg.statement.saved') });
    } catch (error) {
      setMessage({ ok: false, text: t(errorMessageKey(error)) });
    }
  };
  return (
    <form onSubmit={(event) => void save(event)}>
      <div className="field">
        <label htmlFor="lg-conclusions">{t('lg.statement.conclusions')}</label>
        <textarea id="lg-conclusions" rows={6} maxLength={8000} value={conclusions} readOnly={!canEdit} onChange={(event) => setConclusions(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="lg-actions">{t('lg.statement.proposedActions')}</label>
        <textarea id="lg-actions" rows={6} maxLength={8000} value={proposedActions} readOnly={!canEdit} onChange={(event) => setProposedActions(event.target.value)} />
      </div>
      {statement.updatedAt && <p className="muted">{t('lg.statement.writtenBy', { name: statement.updatedBy ?? '–', date: statement.updatedAt.slice(0, 10) })}</p>}
      {canEdit && <div className="actions"><button type="submit">{t('lg.statement.save')}</button></div>}
      {message && <p role={message.ok ? 'status' : 'alert'} className={`notice ${message.ok ? 'notice-info' : 'notice-error'}`}>{message.text}</p>}
    </form>
  );
}

/** The ISAM's own section of the year's report (issue 17): written here, printed in the PDF and the XLSX. */
export function LgStatementForm({ organisationId, year, canEdit }: { organisationId: string; year: number; canEdit: boolean }) {
  const { t } = useLanguage();
  const statement = useApi<'/api/organisations/:id/reports/ledningens-genomgang/statement'>(`/api/organisations/${organisationId}/reports/ledningens-genomgang/statement?year=${year}`);
  return (
    <section aria-labelledby="lg-statement-heading">
      <h2 id="lg-statement-heading">{t('lg.statement.heading', { year })}</h2>
      <p>{t('lg.statement.intro')}</p>
      <LoadState state={statement.state} retry={statement.retry}>
        {(data) => <StatementEditor key={data.year} organisationId={organisationId} statement={data} canEdit={canEdit} onSaved={statement.replace} />}
      </LoadState>
    </section>
  );
}
