import { type FormEvent, useState } from 'react';
import { sendJson } from '../api';
import { Link } from '../components/Link';
import { useLanguage } from '../i18n/LanguageProvider';
import { paths } from '../routes';
import { OrganisationPicker } from './OrganisationPicker';
import type { ImportPreview, ImportResult } from './oversight-types';
import { useReportOrganisations } from './useReportOrganisations';
import './oversight.css';
import { errorMessageKey } from '../i18n/api-errors';
import { DataTable } from '../components/DataTable';

const maxBytes = 1_000_000;

type Step =
  | { state: 'idle' }
  | { state: 'busy'; message: string }
  | { state: 'preview'; preview: ImportPreview }
  | { state: 'done'; result: ImportResult }
  | { state: 'failed'; message: string };

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
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
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [step, setStep] = useState<Step>({ state: 'idle' });
  const [errorsOnly, setErrorsOnly] = useState(false);
  const failed = (error: unknown) => setStep({ state: 'failed', message: t(errorMessageKey(error)) });

  const choose = async (chosen: File | undefined) => {
    setFile(null);
    setStep({ state: 'idle' });
    if (!chosen) return;
    if (!/\.(csv|xlsx)$/i.test(chosen.name)) return setStep({ state: 'failed', message: t('ov.import.wrongType') });
    if (chosen.size > maxBytes) return setStep({ state: 'failed', message: t('ov.import.tooLarge') });
    setStep({ state: 'busy', message: t('ov.import.reading') });
    setFile({ name: chosen.name, content: toBase64(await chosen.arrayBuffer()) });
    setStep({ state: 'idle' });
  };
  const preview = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setStep({ state: 'busy', message: t('ov.import.uploading', { name: file.name }) });
    try {
      setStep({ state: 'preview', preview: await sendJson<ImportPreview>('POST', `/api/organisations/${current}/imports/preview`, { fileName: file.name, content: file.content }) });
    } catch (error) {
      failed(error);
    }
  };
  const confirm = async (count: number) => {
    if (!file) return;
    setStep({ state: 'busy', message: t('ov.import.importing', { count }) });
    try {
      setStep({ state: 'done', result: await sendJson<ImportResult>('POST', `/api/organisations/${current}/imports`, { fileName: file.name, content: file.content }) });
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
            <input id="import-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(event) => void choose(event.target.files?.[0])} />
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={!file || step.state === 'busy'}>{t('ov.import.preview')}</button>
          </div>
        </form>
      )}
      <div aria-live="polite">
        {step.state === 'busy' && <p role="status" className="loading"><progress aria-label={step.message} /> {step.message}</p>}
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
