import { type FormEvent, type ReactNode, useState } from 'react';
import { fieldErrors, sendJson } from '../api';
import { useLanguage } from '../i18n/LanguageProvider';
import type { MessageKey } from '../i18n/messages';
import { bodyOf, draftOf, emptyDraft, type IdentityProvider, type ProviderDraft } from './provider-draft';
import { RoleMappingRows } from './RoleMappingRows';

interface Props {
  organisationId: string;
  provider: IdentityProvider | undefined;
  organisations: { id: string; name: string }[];
  onSaved(provider: IdentityProvider): void;
  onDeleted(id: string): void;
  onCancel(): void;
}

function secretState(provider: IdentityProvider | undefined): MessageKey {
  if (provider?.clientSecretUnreadable) return 'sso.clientSecretUnreadable';
  return provider?.clientSecretSet ? 'sso.clientSecretSet' : 'sso.clientSecretUnset';
}

/** Adds or edits one identity provider; the client secret is write-only: the form says only whether one is stored. */
export function ProviderForm({ organisationId, provider, organisations, onSaved, onDeleted, onCancel }: Props) {
  const { t } = useLanguage();
  const [draft, setDraft] = useState<ProviderDraft>(() => (provider ? draftOf(provider) : emptyDraft()));
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<ProviderDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const text = (key: keyof ProviderDraft, label: MessageKey, options: { required?: boolean; type?: string; multiline?: boolean } = {}): ReactNode => {
    const id = `sso-${key}`;
    const value = String(draft[key]);
    return (
      <div className="field">
        <label htmlFor={id}>{t(label)}</label>
        {options.multiline
          ? <textarea id={id} rows={6} value={value} required={options.required} onChange={(event) => set({ [key]: event.target.value })} />
          : <input id={id} type={options.type ?? 'text'} value={value} required={options.required} autoComplete="off" onChange={(event) => set({ [key]: event.target.value })} />}
      </div>
    );
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const saved = provider
        ? await sendJson<'PUT /api/identity-providers/:id'>('PUT', `/api/identity-providers/${provider.id}`, bodyOf(draft))
        : await sendJson<'POST /api/organisations/:id/identity-providers'>('POST', `/api/organisations/${organisationId}/identity-providers`, bodyOf(draft));
      onSaved(saved);
    } catch (caught) {
      const fields = fieldErrors(caught).map((detail) => `${detail.field}: ${detail.message}`);
      setError(fields.length > 0 ? fields.join('; ') : caught instanceof Error ? caught.message : String(caught));
    }
  };
  const remove = async () => {
    if (!provider) return;
    await sendJson<'DELETE /api/identity-providers/:id'>('DELETE', `/api/identity-providers/${provider.id}`);
    onDeleted(provider.id);
  };
  return (
    <form className="sso-form" onSubmit={(event) => void save(event)} aria-labelledby="sso-form-heading">
      <h2 id="sso-form-heading">{provider ? t('sso.edit', { name: provider.displayName }) : t('sso.newHeading')}</h2>
      {provider && <p data-testid="sso-redirect-url">{t('sso.redirectUrl', { url: provider.redirectUrl })}</p>}
      {provider?.metadataUrl && <p>{t('sso.metadataUrl', { url: provider.metadataUrl })}</p>}
      <div className="field">
        <label htmlFor="sso-protocol">{t('sso.protocol')}</label>
        <select id="sso-protocol" value={draft.protocol} onChange={(event) => set({ protocol: event.target.value as ProviderDraft['protocol'] })}>
          <option value="oidc">{t('sso.protocol.oidc')}</option>
          <option value="saml">{t('sso.protocol.saml')}</option>
        </select>
      </div>
      {text('displayName', 'sso.displayName', { required: true })}
      <div className="field checkbox-field">
        <label><input type="checkbox" checked={draft.enabled} onChange={(event) => set({ enabled: event.target.checked })} /> {t('sso.enabled')}</label>
      </div>
      {draft.protocol === 'oidc' ? (
        <>
          {text('issuer', 'sso.issuer', { required: true, type: 'url' })}
          {text('clientId', 'sso.clientId', { required: true })}
          {text('clientSecret', 'sso.clientSecret', { type: 'password' })}
          <p className="muted" data-testid="sso-secret-state">{t(secretState(provider))}</p>
          {provider?.clientSecretSet && (
            <div className="field checkbox-field">
              <label><input type="checkbox" checked={draft.removeSecret} onChange={(event) => set({ removeSecret: event.target.checked })} /> {t('sso.clientSecretRemove')}</label>
            </div>
          )}
          {text('scopes', 'sso.scopes', { required: true })}
        </>
      ) : (
        <>
          {text('entryPoint', 'sso.entryPoint', { required: true, type: 'url' })}
          {text('idpCert', 'sso.idpCert', { required: true, multiline: true })}
          {text('idpIssuer', 'sso.idpIssuer')}
          {text('spEntityId', 'sso.spEntityId', { required: true })}
          {text('logoutUrl', 'sso.logoutUrl', { type: 'url' })}
        </>
      )}
      {text('groupClaim', 'sso.groupClaim', { required: true })}
      <RoleMappingRows mappings={draft.roleMappings} organisations={organisations} onChange={(roleMappings) => set({ roleMappings })} />
      {error && <p role="alert" className="notice notice-error">{error}</p>}
      <div className="actions">
        <button type="submit" className="primary">{t('sso.save')}</button>
        <button type="button" onClick={onCancel}>{t('sso.cancel')}</button>
        {provider && <button type="button" onClick={() => void remove()}>{t('sso.delete')}</button>}
      </div>
    </form>
  );
}
