import { lazy, Suspense } from 'react';
import { Link } from './components/Link';
import { useLanguage } from './i18n/LanguageProvider';
import { usePath } from './navigation';
import { FormsPage } from './pages/FormsPage';

// SurveyJS is most of the bundle: load it only when a form is opened.
const FormPage = lazy(() => import('./pages/FormPage'));

const formPath = /^\/formular\/([a-z0-9-]+)\/(\d+)$/;

export function App() {
  const { t, language, setLanguage } = useLanguage();
  const path = usePath();
  const formMatch = formPath.exec(path);
  return (
    <>
      <a className="skip-link" href="#main">{t('skipToContent')}</a>
      <header className="app-header">
        <Link href="/" className="brand">
          <span className="brand-name">Sigill</span>
          <span className="brand-tagline">{t('productTagline')}</span>
        </Link>
        <button type="button" className="link-button" lang={language === 'sv' ? 'en' : 'sv'} onClick={() => setLanguage(language === 'sv' ? 'en' : 'sv')}>
          {t('switchLanguage')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {path === '/' && <FormsPage />}
        {formMatch && (
          <Suspense fallback={<p role="status">{t('loading')}</p>}>
            <FormPage id={formMatch[1]!} version={Number(formMatch[2])} />
          </Suspense>
        )}
        {path !== '/' && !formMatch && <p>{t('notFound')}</p>}
      </main>
    </>
  );
}
