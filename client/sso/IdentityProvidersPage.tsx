import { useState } from 'react';
import type { Organisation } from '../contract/api-types';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../i18n/LanguageProvider';
import { OrganisationPicker } from '../oversight/OrganisationPicker';
import { useReadySession } from '../session/SessionProvider';
import { useApi } from '../useApi';
import './sso.css';
import { ProviderForm } from './ProviderForm';

/** The organisation and every organisation below it, which a provider's mappings may name. */
function subtree(organisations: readonly Organisation[], rootId: string) {
  const ids = new Set([rootId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const organisation of organisations) {
      if (organisation.parentId && ids.has(organisation.parentId) && !ids.has(organisation.id)) {
        ids.add(organisation.id);
        grew = true;
      }
    }
  }
  return organisations.filter((organisation) => ids.has(organisation.id));
}

/** The admin's page for the organisation's identity providers (issue 15). */
export function IdentityProvidersPage() {
  const { t } = useLanguage();
  const session = useReadySession();
  const adminMemberships = session.memberships.filter((membership) => membership.role === 'admin');
  const administered = [...new Map(adminMemberships.map((m) => [m.organisationId, { id: m.organisationId, name: m.organisationName }])).values()];
  const [organisationId, setOrganisationId] = useState(administered[0]?.id ?? '');
  const organisations = useApi<'/api/organisations'>('/api/organisations');
  const providers = useApi<'/api/organisations/:id/identity-providers'>(`/api/organisations/${organisationId}/identity-providers`);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [saved, setSaved] = useState(false);
  const done = () => {
    setEditing(null);
    providers.retry();
  };
  const choose = (id: string) => {
    setOrganisationId(id);
    setEditing(null);
  };
  const edit = (id: string) => {
    setSaved(false);
    setEditing(id);
  };
  return (
    <section aria-labelledby="sso-heading">
      <h1 id="sso-heading">{t('sso.heading')}</h1>
      <p>{t('sso.intro')}</p>
      <OrganisationPicker id="sso-organisation" label={t('sso.organisation')} choices={administered} value={organisationId} onChange={choose} />
      {saved && <p role="status" className="notice notice-info">{t('sso.saved')}</p>}
      <LoadState state={providers.state} retry={providers.retry}>
        {(data) => (
          <>
            {data.providers.length === 0 && <p>{t('sso.none')}</p>}
            <ul className="sso-providers">
              {data.providers.map((provider) => (
                <li key={provider.id}>
                  <button type="button" className="link-button" onClick={() => edit(provider.id)}>{t('sso.edit', { name: provider.displayName })}</button>
                  {' '}<span className="muted">{provider.settings.protocol === 'oidc' ? t('sso.protocol.oidc') : t('sso.protocol.saml')}</span>
                </li>
              ))}
            </ul>
            {editing === null && <button type="button" className="primary" onClick={() => edit('new')}>{t('sso.add')}</button>}
            {editing !== null && organisations.state.status === 'ready' && (
              <ProviderForm
                key={editing}
                organisationId={organisationId}
                provider={data.providers.find((provider) => provider.id === editing)}
                organisations={subtree(organisations.state.data.organisations, organisationId)}
                onSaved={(provider) => {
                  setSaved(true);
                  providers.replace({ providers: [...data.providers.filter((known) => known.id !== provider.id), provider] });
                  setEditing(provider.id);
                }}
                onDeleted={done}
                onCancel={() => setEditing(null)}
              />
            )}
          </>
        )}
      </LoadState>
    </section>
  );
}
