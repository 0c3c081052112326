import './templates.css';
import { useState } from 'react';
import { Link } from '../components/Link';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../i18n/LanguageProvider';
import { paths } from '../routes';
import { useApi } from '../useApi';

/** The template library: normative classifications published above or at the user's organisations, searchable. */
export function TemplateLibraryPage() {
  const { t } = useLanguage();
  const [query, setQuery] = useState('');
  const templates = useApi<'/api/templates'>(query ? `/api/templates?q=${encodeURIComponent(query)}` : '/api/templates');
  return (
    <article aria-labelledby="templates-heading">
      <h1 id="templates-heading">{t('template.libraryHeading')}</h1>
      <p>{t('template.libraryIntro')}</p>
      <search className="filters">
        <label className="inline-field">
          <span>{t('template.search')}</span>
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} data-testid="template-search" />
        </label>
      </search>
      <LoadState state={templates.state} retry={templates.retry}>
        {({ templates: list }) =>
          list.length === 0 ? (
            <p className="empty-state">{t('template.empty')}</p>
          ) : (
            <ul className="template-list">
              {list.map((entry) => (
                <li key={entry.id} className="panel">
                  <h2><Link href={paths.template(entry.id)}>{entry.latest.name}</Link></h2>
                  <p>
                    <strong>{t('template.profile', { profile: entry.latest.profileText })}</strong> · {t('template.versionLabel', { version: entry.latest.version })} · {t('template.publishedBy', { organisation: entry.organisationName })} · {t('template.adoptionsCount', { count: entry.adoptions })}
                  </p>
                  {entry.latest.description && <p className="muted">{entry.latest.description}</p>}
                  <p>{t(`template.policy.${entry.latest.loweringPolicy}`)}</p>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </article>
  );
}
