import type { ChangeEvent } from 'react';
import { useLanguage } from '../i18n/LanguageProvider';
import { navigate } from '../navigation';
import { paths } from '../routes';
import { useSession } from '../session/SessionProvider';
import { Link } from './Link';
import { useLargeText } from './useLargeText';

/** Brand, the organisation switcher, language, projector mode and logout. */
export function AppHeader() {
  const { t, language, setLanguage } = useLanguage();
  const { state, logout, organisationId, setOrganisationId } = useSession();
  const [largeText, setLargeText] = useLargeText();
  const session = state.status === 'ready' ? state.session : null;
  const holds = (...roles: string[]) => session?.memberships.some((membership) => roles.includes(membership.role)) ?? false;
  const organisations = session ? [...new Map(session.memberships.map((m) => [m.organisationId, m.organisationName])).entries()] : [];
  const onOrganisation = (event: ChangeEvent<HTMLSelectElement>) => setOrganisationId(event.target.value);
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        <span className="brand-name">Sigill</span>
        <span className="brand-tagline">{t('productTagline')}</span>
      </Link>
      <div className="header-tools">
        {session && <Link href={paths.templates()} className="header-link">{t('template.nav')}</Link>}
        {session && <Link href={paths.todo()} className="header-link">{t('ov.nav.todo')}</Link>}
        {holds('admin', 'isam', 'granskare') && <Link href={paths.dashboard()} className="header-link">{t('ov.nav.dashboard')}</Link>}
        {holds('admin', 'isam', 'granskare') && <Link href={paths.report()} className="header-link">{t('ov.nav.report')}</Link>}
        {holds('admin', 'isam', 'dso', 'granskare') && <Link href={paths.dsoOverview()} className="header-link">{t('dso.nav')}</Link>}
        {holds('admin', 'isam') && <Link href={paths.importInventory()} className="header-link">{t('ov.nav.import')}</Link>}
        {holds('admin') && <Link href={paths.ssoAdmin()} className="header-link">{t('sso.nav')}</Link>}
        <Link href={paths.verify()} className="header-link">{t('verify.nav')}</Link>
        {session && organisations.length > 1 && (
          <label className="inline-field">
            <span>{t('organisation')}</span>
            <select value={organisationId} onChange={onOrganisation} data-testid="organisation-switcher">
              <option value="">{t('allOrganisations')}</option>
              {organisations.map(([id, name]) => (
                <option key={id} value={id}>{name}</option>
              ))}
            </select>
          </label>
        )}
        {session && organisations.length === 1 && <span className="muted">{organisations[0]![1]}</span>}
        <button type="button" className="link-button" aria-pressed={largeText} onClick={() => setLargeText(!largeText)}>
          {t('largeTextOn')}
        </button>
        <button type="button" className="link-button" lang={language === 'sv' ? 'en' : 'sv'} onClick={() => setLanguage(language === 'sv' ? 'en' : 'sv')}>
          {t('switchLanguage')}
        </button>
        {session && (
          <>
            <span className="muted user-name">{t('loggedInAs', { name: session.user.name })}</span>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                void logout().then(() => navigate('/'));
              }}
            >
              {t('logout')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}
