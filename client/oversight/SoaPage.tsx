import { type FormEvent, useState } from 'react';
import type { ApiAnswer } from '../contract/api';
import { sendJson } from '../api';
import { DataTable } from '../components/DataTable';
import { LoadState } from '../components/LoadState';
import { errorMessageKey } from '../i18n/api-errors';
import { useLanguage } from '../i18n/LanguageProvider';
import type { MessageKey } from '../i18n/messages';
import { useSession } from '../session/SessionProvider';
import { useApi } from '../useApi';
import { OrganisationPicker } from './OrganisationPicker';
import { useReportOrganisations } from './useReportOrganisations';
import './oversight.css';

type Statement = ApiAnswer<'/api/organisations/:id/reports/tillampningsforklaring'>;
type SoaRow = Statement['rows'][number];
type SoaReason = SoaRow['reasons'][number];
type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

function reasonText(reason: SoaReason, t: Translate): string {
  if (reason.kind === 'baseline') return t('soa.reason.baseline');
  if (reason.kind === 'aspect') return `${reason.aspect}\u00a0≥\u00a0${reason.threshold}`;
  return t('soa.reason.lagrum', { name: reason.name });
}

/** The tillämpningsförklaring (ISO/IEC 27001 statement of applicability) of an organisation, with the ISAM's justifications. */
export function SoaPage() {
  const { t } = useLanguage();
  const { state } = useSession();
  const { choices, current, setCurrent } = useReportOrganisations(['admin', 'isam', 'granskare']);
  const canEdit = state.status === 'ready' && state.session.memberships.some((membership) => membership.organisationId === current && (membership.role === 'admin' || membership.role === 'isam'));
  return (
    <section aria-labelledby="soa-heading" className="ov-page">
      <h1 id="soa-heading">{t('soa.heading')}</h1>
      <p>{t('soa.intro')}</p>
      {current === '' ? <p className="notice notice-warning">{t('ov.noReportOrganisation')}</p> : (
        <>
          <OrganisationPicker id="soa-organisation" choices={choices} value={current} onChange={setCurrent} />
          <Statement key={current} organisationId={current} canEdit={canEdit} />
        </>
      )}
    </section>
  );
}

function Statement({ organisationId, canEdit }: { organisationId: string; canEdit: boolean }) {
  const { t } = useLanguage();
  const base = `/api/organisations/${organisationId}/reports/tillampningsforklaring` as const;
  const statement = useApi<'/api/organisations/:id/reports/tillampningsforklaring'>(base);
  return (
    <LoadState state={statement.state} retry={statement.retry}>
      {(data) => (
        <>
          <p className="ov-downloads">
            <a className="button primary" href={`${base}.pdf`} download>{t('soa.pdf')}</a>
            <a className="button" href={`${base}.xlsx`} download>{t('soa.xlsx')}</a>
          </p>
          <p data-testid="soa-summary">{t('soa.summary', { ...data.summary })}</p>
          {data.summary.excludedWithoutJustification > 0 && <p className="notice notice-warning">{t('soa.missingJustifications', { count: data.summary.excludedWithoutJustification })}</p>}
          {data.controlSet.themes.map((theme) => (
            <section key={theme.id} aria-labelledby={`soa-theme-${theme.id}`}>
              <h2 id={`soa-theme-${theme.id}`}>{theme.title}</h2>
              <DataTable columns={[t('soa.col.number'), t('soa.col.title'), t('soa.col.applicable'), t('soa.col.why'), t('soa.col.implementation'), t('soa.col.justification')]} testId={`soa-table-${theme.id}`}>
                {data.rows.filter((row) => row.control.theme === theme.id).map((row) => (
                  <ControlRow key={row.control.id} row={row} organisationId={organisationId} canEdit={canEdit} onSaved={statement.retry} />
                ))}
              </DataTable>
            </section>
          ))}
        </>
      )}
    </LoadState>
  );
}

function ControlRow({ row, organisationId, canEdit, onSaved }: { row: SoaRow; organisationId: string; canEdit: boolean; onSaved(): void }) {
  const { t, language } = useLanguage();
  const title = language === 'sv' ? row.control.title : row.control.titleEn;
  const why = row.applicable
    ? t('soa.why.applicable', { assets: row.assets, requirements: row.requirements.map((requirement) => requirement.title).join('; '), reasons: row.reasons.map((reason) => reasonText(reason, t)).join(', ') })
    : t(row.exclusionBasis === 'not-in-catalog' ? 'soa.why.notInCatalog' : 'soa.why.noPlan');
  return (
    <tr data-testid={`soa-row-${row.control.id}`}>
      <td>{row.control.id}</td>
      <th scope="row">{title}</th>
      <td>{row.applicable ? t('soa.applicable') : t('soa.excluded')}</td>
      <td>{why}</td>
      <td>{row.implementation ? t(`soa.implementation.${row.implementation}`) : ''}</td>
      <td><Justification row={row} title={title} organisationId={organisationId} canEdit={canEdit} onSaved={onSaved} /></td>
    </tr>
  );
}

function Justification({ row, title, organisationId, canEdit, onSaved }: { row: SoaRow; title: string; organisationId: string; canEdit: boolean; onSaved(): void }) {
  const { t } = useLanguage();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(row.justification ?? '');
  const [error, setError] = useState<MessageKey | null>(null);
  const missing = !row.applicable && row.justification === null;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await sendJson<'PUT /api/organisations/:id/soa-justifications/:controlId'>('PUT', `/api/organisations/${organisationId}/soa-justifications/${row.control.id}`, { justification: text });
      setEditing(false);
      onSaved();
    } catch (failure) {
      setError(errorMessageKey(failure));
    }
  };
  if (!editing) {
    return (
      <>
        {row.justification ?? (missing ? <span className="muted">{t('soa.justificationMissing')}</span> : null)}
        {canEdit && (
          <button type="button" className="soa-justify" onClick={() => setEditing(true)} aria-label={t(row.justification ? 'soa.editControl' : 'soa.justifyControl', { control: `${row.control.id} ${title}` })}>
            {row.justification ? t('soa.edit') : t('soa.justify')}
          </button>
        )}
      </>
    );
  }
  const fieldId = `soa-justification-${row.control.id.replace('.', '-')}`;
  return (
    <form onSubmit={(event) => void save(event)}>
      <label htmlFor={fieldId}>{t('soa.justificationLabel', { control: row.control.id })}</label>
      <textarea id={fieldId} value={text} maxLength={2000} rows={3} onChange={(event) => setText(event.target.value)} autoFocus />
      {error && <p role="alert" className="notice notice-error">{t(error)}</p>}
      <div className="actions">
        <button type="submit">{t('soa.save')}</button>
        <button type="button" onClick={() => setEditing(false)}>{t('soa.cancel')}</button>
      </div>
    </form>
  );
}
