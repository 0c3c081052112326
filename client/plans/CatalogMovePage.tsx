import { useState } from 'react';
import { ApiError, getJson, sendJson } from '../api';
import { useLanguage } from '../i18n/LanguageProvider';
import { errorMessageKey } from '../i18n/api-errors';
import { OrganisationPicker } from '../oversight/OrganisationPicker';
import { useReportOrganisations } from '../oversight/useReportOrganisations';
import type { CatalogMove, MoveChange } from './catalog-move-types';
import '../oversight/oversight.css';

type Phase = { kind: 'idle' } | { kind: 'loading' } | { kind: 'preview'; move: CatalogMove } | { kind: 'moving'; move: CatalogMove } | { kind: 'done'; move: CatalogMove } | { kind: 'error'; message: string };

function ChangeText({ change }: { change: MoveChange }) {
  const { t } = useLanguage();
  const from = change.fromTitles.join(', ');
  switch (change.change) {
    case 'carried': return <>{t('catalog.change.carried', { from })}</>;
    case 'text_changed': return <>{from ? t('catalog.change.merged', { from }) : t('catalog.change.text_changed')}</>;
    case 'new': return <>{t('catalog.change.new')}</>;
    case 'no_longer_applicable': return <>{t('catalog.change.no_longer_applicable')}</>;
    case 'replaced': return <>{t('catalog.change.replaced', { to: change.replacedByTitles.join(', ') })}</>;
  }
}

function AssetChanges({ asset }: { asset: CatalogMove['assets'][number] }) {
  const { t } = useLanguage();
  const { counts } = asset;
  return (
    <section className="catalog-asset" aria-labelledby={`move-${asset.assetId}`} data-testid="catalog-move-asset">
      <h2 id={`move-${asset.assetId}`}>{asset.assetName}</h2>
      <p>
        <strong>{t(`catalog.outcome.${asset.outcome}`, { from: asset.fromVersion ?? '–' })}</strong>
        {asset.reason && <> — {asset.reason}</>}
      </p>
      {asset.outcome === 'moves' && (
        <>
          <p>{t('catalog.counts', { carried: counts.carried, reassess: counts.reassess, added: counts.added, gone: counts.noLongerApplicable, unchanged: counts.unchanged })}</p>
            <table>
              <caption className="visually-hidden">{t('catalog.tableCaption', { name: asset.assetName })}</caption>
              <thead>
                <tr><th scope="col">{t('catalog.col.requirement')}</th><th scope="col">{t('catalog.col.change')}</th><th scope="col">{t('catalog.col.status')}</th></tr>
              </thead>
              <tbody>
                {asset.changes.map((change) => (
                  <tr key={`${change.requirementId}-${change.change}`}>
                    <th scope="row">{change.title}</th>
                    <td><ChangeText change={change} /></td>
                    <td>
                      {t(`planStatus.${change.status}`)}
                      {change.reassess && <span className="badge level-high reassess-badge" data-testid="reassess">{t('catalog.reassess')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
        </>
      )}
    </section>
  );
}

/**
 * The ISAM moves an organisation's (or one asset's) handlingsplaner to a newer kravkatalog: first a
 * preview per asset of what is carried, flagged, new and no longer applicable, then the move.
 */
export function CatalogMovePage() {
  const { t } = useLanguage();
  const { choices, current, setCurrent } = useReportOrganisations(['admin', 'isam']);
  const assetId = new URLSearchParams(window.location.search).get('tillgang') ?? undefined;
  const [version, setVersion] = useState<number | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const fail = (error: unknown) => setPhase({ kind: 'error', message: error instanceof ApiError ? error.message : t(errorMessageKey(error)) });
  const query = (move: number | null): `?${string}` => `?${new URLSearchParams({ ...(move ? { version: String(move) } : {}), ...(assetId ? { assetId } : {}) }).toString()}`;
  const preview = () => {
    setPhase({ kind: 'loading' });
    getJson<'/api/organisations/:id/catalog-move'>(`/api/organisations/${current}/catalog-move${query(version)}`).then((move) => {
      setVersion(move.catalog.version);
      setPhase({ kind: 'preview', move });
    }, fail);
  };
  const apply = (move: CatalogMove) => {
    setPhase({ kind: 'moving', move });
    sendJson<'POST /api/organisations/:id/catalog-move'>('POST', `/api/organisations/${current}/catalog-move`, { version: move.catalog.version, ...(assetId ? { assetId } : {}) }).then((moved) => setPhase({ kind: 'done', move: moved }), fail);
  };
  const shown = phase.kind === 'preview' || phase.kind === 'moving' || phase.kind === 'done' ? phase.move : null;
  const moving = shown?.assets.filter((asset) => asset.outcome === 'moves').length ?? 0;
  return (
    <section aria-labelledby="catalog-heading" className="ov-page">
      <h1 id="catalog-heading">{t('catalog.heading')}</h1>
      <p>{t('catalog.intro')}</p>
      {current === '' ? <p className="notice notice-warning">{t('ov.noReportOrganisation')}</p> : (
        <>
          {!assetId && <OrganisationPicker id="catalog-organisation" choices={choices} value={current} onChange={(id) => { setCurrent(id); setPhase({ kind: 'idle' }); }} />}
          {shown && shown.available.length > 1 && (
            <div className="field">
              <label htmlFor="catalog-version">{t('catalog.version')}</label>
              <select id="catalog-version" value={version ?? shown.catalog.version} onChange={(event) => { setVersion(Number(event.target.value)); setPhase({ kind: 'idle' }); }}>
                {shown.available.map((entry) => <option key={entry.version} value={entry.version}>{t('catalog.versionOption', { version: entry.version, title: entry.title, date: entry.publishedAt })}</option>)}
              </select>
            </div>
          )}
          <p>
            <button type="button" className="button" onClick={preview} disabled={phase.kind === 'loading' || phase.kind === 'moving'}>{t('catalog.preview')}</button>
          </p>
          <div role="status" aria-live="polite">
            {phase.kind === 'loading' && <p>{t('catalog.previewing')}</p>}
            {phase.kind === 'moving' && <p>{t('catalog.moving')}</p>}
            {phase.kind === 'done' && <p className="notice notice-info" data-testid="catalog-move-done">{t('catalog.done', { count: moving, version: phase.move.catalog.version })}</p>}
            {phase.kind === 'error' && <p className="notice notice-error">{t('catalog.failed', { message: phase.message })}</p>}
          </div>
          {phase.kind === 'preview' && (moving > 0
            ? <p><button type="button" className="button primary" onClick={() => apply(phase.move)} data-testid="catalog-move-confirm">{t('catalog.confirm', { count: moving })}</button></p>
            : <p>{t('catalog.nothingToMove')}</p>)}
          {shown?.assets.map((asset) => <AssetChanges key={asset.assetId} asset={asset} />)}
        </>
      )}
    </section>
  );
}
