import { type FormEvent, useState } from 'react';
import { fieldErrors, sendJson } from '../api';
import type { Asset, Organisation } from '../contract/api-types';
import { assetTypes, hostingKinds } from '../../scoring/enumerations';
import { Link } from '../components/Link';
import { LoadState } from '../components/LoadState';
import { type AssetDraft, assetBody, draftOf } from '../domain/asset-draft';
import { organisationsUnder } from '../domain/inventory-query';
import { useLanguage } from '../i18n/LanguageProvider';
import { navigate } from '../navigation';
import { paths } from '../routes';
import { NotAllowed } from '../components/NotAllowed';
import { roleAllows } from '../session/permissions';
import { useReadySession, useSession } from '../session/SessionProvider';
import { usePermission } from '../session/usePermission';
import { useApi } from '../useApi';
import { ObjektledareField } from './ObjektledareField';
import { errorMessageKey } from '../i18n/api-errors';

export function NewAssetPage() {
  const organisations = useApi<'/api/organisations'>('/api/organisations');
  const { memberships } = useReadySession();
  // Reached by URL too: without a writing role anywhere there is nothing to register into.
  if (!memberships.some((membership) => roleAllows(membership.role, 'asset.write'))) return <NotAllowed />;
  return (
    <LoadState state={organisations.state} retry={organisations.retry}>
      {({ organisations: all }) => <AssetForm asset={null} organisations={all} />}
    </LoadState>
  );
}

export function EditAssetPage({ id }: { id: string }) {
  const asset = useApi<'/api/assets/:id'>(`/api/assets/${id}`);
  return (
    <LoadState state={asset.state} retry={asset.retry}>
      {(loaded) => <EditAllowed asset={loaded} />}
    </LoadState>
  );
}

function EditAllowed({ asset }: { asset: Asset }) {
  const { t } = useLanguage();
  const may = usePermission('asset.write', asset.organisationId);
  if (may === 'unknown') return <p role="status" className="loading">{t('loading')}</p>;
  if (may === 'denied') return <NotAllowed />;
  return <AssetForm asset={asset} organisations={[]} />;
}

function AssetForm({ asset, organisations }: { asset: Asset | null; organisations: Organisation[] }) {
  const { t } = useLanguage();
  const session = useReadySession();
  const { organisationId } = useSession();
  // Where the user may register assets: below every organisation where they hold a writing role.
  const writable = new Map<string, Organisation>();
  for (const membership of session.memberships.filter((m) => roleAllows(m.role, 'asset.write'))) {
    for (const organisation of organisationsUnder(organisations, membership.organisationId)) writable.set(organisation.id, organisation);
  }
  const choices = [...writable.values()];
  const [draft, setDraft] = useState<AssetDraft>(() => draftOf(asset, organisationId && writable.has(organisationId) ? organisationId : (choices[0]?.id ?? '')));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof AssetDraft>(key: K, value: AssetDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.name.trim()) {
      setErrors({ name: t('required') });
      setFailure(t('formHasErrors'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const saved = asset
        ? await sendJson<'PATCH /api/assets/:id'>('PATCH', `/api/assets/${asset.id}`, assetBody(draft, false))
        : await sendJson<'POST /api/assets'>('POST', '/api/assets', assetBody(draft, true));
      navigate(paths.asset(saved.id));
    } catch (error) {
      const byField: Record<string, string> = {};
      for (const entry of fieldErrors(error)) byField[entry.field.replace(/^body\./, '').split('.')[0]!] = entry.message;
      setErrors(byField);
      setFailure(t('saveFailed', { message: t(errorMessageKey(error)) }));
    } finally {
      setBusy(false);
    }
  };

  const describedBy = (key: string) => (errors[key] ? `error-${key}` : undefined);
  const fieldError = (key: string) => errors[key] && <p id={`error-${key}`} className="field-error">{errors[key]}</p>;
  const heading = asset ? t('editAssetHeading', { name: asset.name }) : t('createAssetHeading');
  return (
    <section aria-labelledby="asset-form-heading">
      <p><Link href={asset ? paths.asset(asset.id) : paths.inventory()}>← {asset ? t('backToAsset', { name: asset.name }) : t('backToInventory')}</Link></p>
      <h1 id="asset-form-heading">{heading}</h1>
      <form className="asset-form" onSubmit={(event) => void submit(event)} noValidate>
        {failure && <div role="alert" className="notice notice-error">{failure}</div>}
        <div className="field">
          <label htmlFor="asset-name">{t('fieldName')} <span className="muted">({t('required')})</span></label>
          <input id="asset-name" required value={draft.name} onChange={(e) => set('name', e.target.value)} aria-invalid={Boolean(errors['name'])} aria-describedby={describedBy('name')} />
          {fieldError('name')}
        </div>
        {!asset && (
          <div className="field">
            <label htmlFor="asset-organisation">{t('fieldOrganisation')}</label>
            <select id="asset-organisation" value={draft.organisationId} onChange={(e) => set('organisationId', e.target.value)} aria-describedby={describedBy('organisationId')}>
              {choices.map((organisation) => <option key={organisation.id} value={organisation.id}>{organisation.name}</option>)}
            </select>
            {fieldError('organisationId')}
          </div>
        )}
        <fieldset className="field">
          <legend>{t('fieldType')}</legend>
          <div className="radio-row">
            {assetTypes.map((type) => (
              <label key={type} className="radio">
                <input type="radio" name="asset-type" value={type} checked={draft.type === type} onChange={() => set('type', type)} /> {t(`type.${type}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="asset-description">{t('fieldDescription')}</label>
          <textarea id="asset-description" rows={3} value={draft.description} onChange={(e) => set('description', e.target.value)} />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="asset-informationsagare">{t('fieldInformationsagare')}</label>
            <input id="asset-informationsagare" value={draft.informationsagare} onChange={(e) => set('informationsagare', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="asset-objektagare">{t('fieldObjektagare')}</label>
            <input id="asset-objektagare" value={draft.objektagare} onChange={(e) => set('objektagare', e.target.value)} />
          </div>
        </div>
        {draft.organisationId && <ObjektledareField organisationId={draft.organisationId} value={draft.objektledareUserId} onChange={(userId) => set('objektledareUserId', userId)} />}
        <div className="field">
          <label htmlFor="asset-hosting">{t('fieldHosting')}</label>
          <select id="asset-hosting" value={draft.hosting} onChange={(e) => set('hosting', e.target.value as AssetDraft['hosting'])}>
            <option value="">{t('hostingUnknown')}</option>
            {hostingKinds.map((kind) => <option key={kind} value={kind}>{t(`hosting.${kind}`)}</option>)}
          </select>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="asset-suppliers">{t('fieldSuppliers')}</label>
            <textarea id="asset-suppliers" rows={2} value={draft.suppliers} onChange={(e) => set('suppliers', e.target.value)} aria-describedby="asset-suppliers-hint" />
            <p id="asset-suppliers-hint" className="hint">{t('fieldSuppliersHint')}</p>
          </div>
          <div className="field">
            <label htmlFor="asset-tags">{t('fieldTags')}</label>
            <input id="asset-tags" value={draft.tags} onChange={(e) => set('tags', e.target.value)} aria-describedby="asset-tags-hint" />
            <p id="asset-tags-hint" className="hint">{t('fieldTagsHint')}</p>
          </div>
        </div>
        <div className="field">
          <label htmlFor="asset-external">{t('fieldExternalId')}</label>
          <input id="asset-external" value={draft.externalId} onChange={(e) => set('externalId', e.target.value)} aria-describedby={describedBy('externalId')} />
          {fieldError('externalId')}
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>{busy ? t('saving') : t('save')}</button>
          <Link href={asset ? paths.asset(asset.id) : paths.inventory()} className="button">{t('cancel')}</Link>
        </div>
      </form>
    </section>
  );
}
