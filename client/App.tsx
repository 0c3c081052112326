import { lazy, Suspense, useEffect, useRef } from 'react';
import { AppHeader } from './components/AppHeader';
import { useLanguage } from './i18n/LanguageProvider';
import { usePath } from './navigation';
import { InventoryPage } from './pages/InventoryPage';
import { LoginPage } from './pages/LoginPage';
import { parseRoute, type Route } from './routes';
import { useSession } from './session/SessionProvider';

// SurveyJS and scoring/ are most of the bundle: they load only with an assessment.
const loadAssessmentPage = () => import('./workshop/AssessmentPage');
const AssessmentPage = lazy(loadAssessmentPage);
// Every other page loads when opened: a workshop opened by link then fetches none of them (issue 14:
// the workshop route's transfer). The inventory and the login form, where most visits start, stay in.
const AssetPage = lazy(() => import('./pages/AssetPage').then((module) => ({ default: module.AssetPage })));
const NewAssetPage = lazy(() => import('./pages/AssetFormPage').then((module) => ({ default: module.NewAssetPage })));
const EditAssetPage = lazy(() => import('./pages/AssetFormPage').then((module) => ({ default: module.EditAssetPage })));
const PlanPage = lazy(() => import('./pages/PlanPage').then((module) => ({ default: module.PlanPage })));
const DashboardPage = lazy(() => import('./oversight/DashboardPage').then((module) => ({ default: module.DashboardPage })));
const ImportPage = lazy(() => import('./oversight/ImportPage').then((module) => ({ default: module.ImportPage })));
const ReportPage = lazy(() => import('./oversight/ReportPage').then((module) => ({ default: module.ReportPage })));
const TodoPage = lazy(() => import('./oversight/TodoPage').then((module) => ({ default: module.TodoPage })));
const TemplateLibraryPage = lazy(() => import('./templates/TemplateLibraryPage').then((module) => ({ default: module.TemplateLibraryPage })));
const TemplatePage = lazy(() => import('./templates/TemplatePage').then((module) => ({ default: module.TemplatePage })));
const VerifyPage = lazy(() => import('./verify/VerifyPage').then((module) => ({ default: module.VerifyPage })));
const IdentityProvidersPage = lazy(() => import('./sso/IdentityProvidersPage').then((module) => ({ default: module.IdentityProvidersPage })));
const SoaPage = lazy(() => import('./oversight/SoaPage').then((module) => ({ default: module.SoaPage })));
const DsoOverviewPage = lazy(() => import('./oversight/DsoOverviewPage').then((module) => ({ default: module.DsoOverviewPage })));
const CatalogMovePage = lazy(() => import('./plans/CatalogMovePage').then((module) => ({ default: module.CatalogMovePage })));
// Opened straight on an assessment: fetch its chunk while the session is still being checked.
if (window.location.pathname.startsWith('/bedomningar/')) void loadAssessmentPage();

function Page({ route }: { route: Route }) {
  const { t } = useLanguage();
  return <Suspense fallback={<p role="status">{t('loading')}</p>}><RoutePage route={route} /></Suspense>;
}

function RoutePage({ route }: { route: Route }) {
  const { t } = useLanguage();
  switch (route.name) {
    case 'inventory': return <InventoryPage />;
    case 'asset-new': return <NewAssetPage />;
    case 'asset': return <AssetPage key={route.id} id={route.id} />;
    case 'asset-edit': return <EditAssetPage key={route.id} id={route.id} />;
    case 'plan': return <PlanPage key={route.id} id={route.id} />;
    case 'assessment': return <AssessmentPage key={route.id} id={route.id} />;
    case 'verify': return <VerifyPage />;
    case 'dashboard': return <DashboardPage />;
    case 'todo': return <TodoPage />;
    case 'import': return <ImportPage />;
    case 'report': return <ReportPage />;
    case 'soa': return <SoaPage />;
    case 'dso-overview': return <DsoOverviewPage />;
    case 'templates': return <TemplateLibraryPage />;
    case 'template': return <TemplatePage key={route.id} id={route.id} />;
    case 'sso-admin': return <IdentityProvidersPage />;
    case 'catalog-move': return <CatalogMovePage />;
    case 'not-found': return <p>{t('notFound')}</p>;
  }
}

export function App() {
  const { t } = useLanguage();
  const { state, reload } = useSession();
  const path = usePath();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After client-side navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- the effect is about the path changing
  }, [path]);
  const route = parseRoute(path);
  let content;
  // Verifying a protocol is public: whoever holds the file may check it, logged in or not.
  if (route.name === 'verify') content = <Page route={route} />;
  else if (state.status === 'loading') content = <p role="status">{t('loading')}</p>;
  else if (state.status === 'error') content = (
    <div role="alert" className="notice notice-error">
      <p>{t('loadFailed')}</p>
      <button type="button" onClick={reload}>{t('retry')}</button>
    </div>
  );
  else if (state.status === 'anonymous') content = <LoginPage />;
  else if (state.session.memberships.length === 0) content = <p className="notice notice-warning">{t('noMemberships')}</p>;
  else content = <Page route={route} />;
  return (
    <>
      <a className="skip-link" href="#main">{t('skipToContent')}</a>
      <AppHeader />
      <main id="main" tabIndex={-1} ref={main}>{content}</main>
    </>
  );
}
