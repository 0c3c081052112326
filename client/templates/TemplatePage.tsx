import { LoadState } from '../components/LoadState';
import { useLanguage } from '../i18n/LanguageProvider';
import { useSession } from '../session/SessionProvider';
import { useApi } from '../useApi';
import { AdoptionReportTable } from './AdoptionReportTable';
import type { TemplateVersion } from '../contract/api-types';

function VersionEntry({ version }: { version: TemplateVersion }) {
  const { t, formatDate } = useLanguage();
  return (
    <li>
      <h3>{t('template.versionLabel', { version: version.version })} · {formatDate(version.publishedAt, true)} · {t('template.profile', { profile: version.profileText })}</h3>
      <p>{t(`template.policy.${version.loweringPolicy}`)}{version.loweringApprover && <> · {t(`template.approver.${version.loweringApprover}`)}</>}</p>
      <p>{t('template.setsHeading')}: {version.levels.informationSets.map((set) => set.name).join(', ')}</p>
      {version.fulfilled.length > 0 && (
        <>
          <h4>{t('template.fulfilledHeading')}</h4>
          <ul>{version.fulfilled.map((entry) => <li key={entry.requirementId}><strong>{entry.title}</strong>: {entry.hur}</li>)}</ul>
        </>
      )}
    </li>
  );
}

/** One template: its version history and, for the ISAM, who adopted it on which version with which deviations. */
export function TemplatePage({ id }: { id: string }) {
  const { t } = useLanguage();
  const { hasRole } = useSession();
  const template = useApi<'/api/templates/:id'>(`/api/templates/${id}`);
  return (
    <LoadState state={template.state} retry={template.retry}>
      {(loaded) => (
        <article aria-labelledby="template-heading">
          <h1 id="template-heading">{loaded.versions[0]?.name}</h1>
          <p>{t('template.publishedBy', { organisation: loaded.organisationName })}</p>
          {loaded.versions[0]?.description && <p className="muted">{loaded.versions[0].description}</p>}
          {hasRole('admin', 'isam', 'granskare') && <AdoptionReportTable templateId={loaded.id} />}
          <section aria-labelledby="history-heading" className="panel">
            <h2 id="history-heading">{t('template.historyHeading')}</h2>
            <ol className="template-history">{loaded.versions.map((version) => <VersionEntry key={version.id} version={version} />)}</ol>
          </section>
        </article>
      )}
    </LoadState>
  );
}
