import { type FormEvent, useState } from 'react';
import { ApiError, sendForm } from '../api';
import { Link } from '../components/Link';
import { useLanguage } from '../i18n/LanguageProvider';
import type { MessageKey } from '../i18n/messages';
import { paths } from '../routes';
import { OrganisationPicker } from './OrganisationPicker';
import type { ImportPreview, ImportResult } from '../contract/api-types';
import { useReportOrganisations } from './useReportOrganisations';
import './oversight.css';
import { errorMessageKey } from '../i18n/api-errors';
import { DataTable } from '../components/DataTable';

/** The server's limit for one file (server/imports/import-limits.ts). */
const maxBytes = 20 * 1024 * 1024;
const delimiters = ['auto', 'semicolon', 'comma', 'tab'] as const;
type Delimiter = (typeof delimiters)[number];
const refusalReasons = ['not_xlsx', 'zip_size', 'sheet_size', 'too_many_rows', 'text_too_long', 'encoding', 'delimiter_ambiguous', 'csv_syntax', 'no_header', 'too_slow', 'too_much_memory', 'file_too_large', 'busy'] as const;

type Step =
  | { state: 'idle' }
  | { state: 'busy'; message: string; progress?: number }
  | { state: 'preview'; preview: ImportPreview }
  | { state: 'done'; result: ImportResult }
  | { state: 'failed'; message: string };

/** The Swedish (or English) words for why the server refused a file, when it names a reason. */
function refusalKey(error: unknown): MessageKey | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'network') return 'ov.import.networkError';
  const first: unknown = Array.isArray(error.details) ? error.details[0] : undefined;
  const reason = typeof first === 'object' && first !== null && 'code' in first ? first.code : undefined;
  const known = refusalReasons.find((candidate) => candidate === reason);
  return known ? `ov.import.refused.${known}` : undefined;
}

function Rows({ preview, errorsOnly }: { preview: ImportPreview; errorsOnly: boolean }) {
  const { t } = useLanguage();
  const rows = errorsOnly ? preview.rows.filter((row) => row.action === 'error') : preview.rows;
  return (
    <DataTable
      className="compact"
      testId="import-rows"
      caption={t('ov.import.rowsCaption')}
      columns={[
        t('ov.import.col.line'),
        t('ov.import.col.action'),
        t('ov.import.col.name'),
        t('ov.import.col.externalId'),
        t('ov.import.col.organisation'),
        t('ov.import.col.details'),
      ]}
    >
      {rows.map((row) => (
        <tr key={row.line} className={row.action === 'error' ? 'ov-row-error' : undefined} data-action={row.action}>
          <th scope="row">{row.line}</th>
          <td>{t(`ov.import.action.${row.action}`)}</td>
          <td>{row.name}</td>
          <td>{row.externalId ?? ''}</td>
          <td>{row.organisationName ?? ''}</td>
          <td>
            {row.errors.length > 0 ? (
              <ul className="plain-list">{row.errors.map((error) => <li key={`${error.field}-${error.message}`}><strong>{error.field}</strong>: {error.message}</li>)}</ul>
            ) : row.changes.join(', ')}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * Import of the ISAM's förteckning (issue 9, part 4): choose a file, see each row as it would be
 * written with errors per row and field, then confirm. The file is read once and sent twice.
 */
export function ImportPage() {
  const { t } = useLanguage();
  const { choices, current, setCurrent } = useReportOrganisations(['admin', 'isam']);
  const [file, setFile] = useState<File | null>(null);
  const [delimiter, setDelimiter] = useState<Delimiter>('auto');
  const [step, setStep] = useState<Step>({ state: 'idle' });
  const [errorsOnly, setErrorsOnly] = useState(false);
  const failed = (error: unknown) => {
    const key = refusalKey(error);
    setStep({ state: 'failed', message: t(key ?? errorMessageKey(error)) });
  };

  const choose = (chosen: File | undefined) => {
    setFile(null);
    setStep({ state: 'idle' });
    if (!chosen) return;
    if (!/\.(csv|xlsx)$/i.test(chosen.name)) return setStep({ state: 'failed', message: t('ov.import.wrongType') });
    if (chosen.size > maxBytes) return setStep({ state: 'failed', message: t('ov.import.tooLarge') });
    setFile(chosen);
  };
  /** Sends the file as a multipart form; the busy line shows the upload's progress, then the server's check. */
  const send = <T,>(chosen: File, checking: string, post: (form: FormData, onProgress: (fraction: number) => void) => Promise<T>): Promise<T> => {
    const form = new FormData();
    form.append('delimiter', delimiter);
    form.append('file', chosen, chosen.name);
    setStep({ state: 'busy', message: t('ov.import.sending', { name: chosen.name, percent: 0 }), progress: 0 });
    return post(form, (fraction) =>
      setStep(fraction < 1 ? { state: 'busy', message: t('ov.import.sending', { name: chosen.name, percent: Math.floor(fraction * 100) }), progress: fraction } : { state: 'busy', message: checking }),
    );
  };
  const preview = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    try {
      const checked = await send(file, t('ov.import.uploading', { name: file.name }), (form, onProgress) =>
        sendForm<'POST /api/organisations/:id/imports/preview'>(`/api/organisations/${current}/imports/preview`, form, onProgress));
      setStep({ state: 'preview', preview: checked });
    } catch (error) {
      failed(error);
    }
  };
  const confirm = async (count: number) => {
    if (!file) return;
    try {
      const result = await send(file, t('ov.import.importing', { count }), (form, onProgress) =>
        sendForm<'POST /api/organisations/:id/imports'>(`/api/organisations/${current}/imports`, form, onProgress));
      setStep({ state: 'done', result });
    } catch (error) {
      failed(error);
    }
  };

  return (
    <section aria-labelledby="import-heading" className="ov-page">
      <h1 id="import-heading">{t('ov.import.heading')}</h1>
      <p>{t('ov.import.intro')}</p>
      <p className="muted">{t('ov.import.columns')}</p>
      {current === '' ? <p className="notice notice-warning">{t('noPermission')}</p> : (
        <form onSubmit={(event) => void preview(event)}>
          <OrganisationPicker id="import-organisation" label={t('ov.import.target')} choices={choices} value={current} onChange={setCurrent} />
          <div className="field">
            <label htmlFor="import-file">{t('ov.import.file')}</label>
            <input id="import-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(event) => choose(event.target.files?.[0])} />
          </div>
          {file && /\.csv$/i.test(file.name) && (
            <div className="field">
              <label htmlFor="import-delimiter">{t('ov.import.delimiter')}</label>
              <select id="import-delimiter" value={delimiter} onChange={(event) => setDelimiter(delimiters.find((known) => known === event.target.value) ?? 'auto')}>
                {delimiters.map((name) => <option key={name} value={name}>{t(`ov.import.delimiter.${name}`)}</option>)}
              </select>
            </div>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={!file || step.state === 'busy'}>{t('ov.import.preview')}</button>
          </div>
        </form>
      )}
      <div aria-live="polite">
        {step.state === 'busy' && (
          <p role="status" className="loading">
            {step.progress === undefined ? <progress aria-label={step.message} /> : <progress aria-label={step.message} value={step.progress} max={1} />} {step.message}
          </p>
        )}
        {step.state === 'failed' && <div role="alert" className="notice notice-error"><p>{t('ov.import.failed', { message: step.message })}</p></div>}
        {step.state === 'done' && (
          <div role="status" className="notice notice-info" data-testid="import-done">
            <p>{t('ov.import.done', { created: step.result.created.length, updated: step.result.updated.length, error: step.result.summary.error })}</p>
            <p><Link href={paths.dashboard()}>{t('ov.import.toDashboard')}</Link> · <Link href={paths.inventory()}>{t('inventoryHeading')}</Link></p>
          </div>
        )}
      </div>
      {step.state === 'preview' && (
        <>
          <p role="status" data-testid="import-summary">{t('ov.import.summary', step.preview.summary)}</p>
          {step.preview.encoding === 'windows-1252' && <p className="notice notice-info" data-testid="import-encoding">{t('ov.import.readAs1252')}</p>}
          {step.preview.ignoredColumns.length > 0 && <p className="muted">{t('ov.import.ignored', { columns: step.preview.ignoredColumns.join(', ') })}</p>}
          <div className="field checkbox-field">
            <label><input type="checkbox" checked={errorsOnly} onChange={(event) => setErrorsOnly(event.target.checked)} /> {t('ov.import.errorsOnly')}</label>
          </div>
          <Rows preview={step.preview} errorsOnly={errorsOnly} />
          <div className="actions">
            <button type="button" className="primary" disabled={step.preview.summary.create + step.preview.summary.update === 0} onClick={() => void confirm(step.preview.summary.create + step.preview.summary.update)}>
              {t('ov.import.confirm', { count: step.preview.summary.create + step.preview.summary.update })}
            </button>
          </div>
        </>
      )}
      {step.state === 'done' && <Rows preview={step.result} errorsOnly={true} />}
    </section>
  );
}
