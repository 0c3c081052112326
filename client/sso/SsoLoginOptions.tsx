import { useLanguage } from '../i18n/LanguageProvider';
import { useApi } from '../useApi';
import './sso.css';


/**
 * "Logga in med <IdP>" for each enabled identity provider. Plain links, not client-side
 * navigation: the browser leaves for the IdP and comes back through the server's callback.
 * Nothing shows while loading or when the list cannot be read: local login still works.
 */
export function SsoLoginOptions() {
  const { t } = useLanguage();
  const list = useApi<'/api/sso/providers'>('/api/sso/providers');
  if (list.state.status !== 'ready' || list.state.data.providers.length === 0) return null;
  // Back to the page the person opened (the login page shows at any address when logged out).
  const here = `${window.location.pathname}${window.location.search}`;
  const returnTo = here === '/' ? '' : `?returnTo=${encodeURIComponent(here)}`;
  return (
    <div className="sso-options" data-testid="sso-options">
      <ul className="sso-list">
        {list.state.data.providers.map((provider) => (
          <li key={provider.id}>
            <a className="button primary" href={`/api/sso/providers/${encodeURIComponent(provider.id)}/login${returnTo}`}>{t('sso.loginWith', { name: provider.displayName })}</a>
          </li>
        ))}
      </ul>
      <p className="muted">{t('sso.orLocal')}</p>
    </div>
  );
}
