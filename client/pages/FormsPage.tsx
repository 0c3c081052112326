import type { FormMeta } from '../../scoring/content/form-file';
import { Link } from '../components/Link';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../i18n/LanguageProvider';
import { useApi } from '../useApi';

export function FormsPage() {
  const { t } = useLanguage();
  const { state, retry } = useApi<{ forms: FormMeta[] }>('/api/forms');
  return (
    <section aria-labelledby="forms-heading">
      <h1 id="forms-heading">{t('formsHeading')}</h1>
      <p>{t('formsIntro')}</p>
      <LoadState state={state} retry={retry}>
        {({ forms }) => {
          const questionnaires = forms.filter((form) => form.kind === 'questionnaire');
          if (questionnaires.length === 0) return <p>{t('formsEmpty')}</p>;
          return (
            <ul className="card-list">
              {questionnaires.map((form) => (
                <li key={`${form.id}@${form.version}`} className="card">
                  <h2><Link href={`/formular/${form.id}/${form.version}`}>{form.title}</Link></h2>
                  {form.description && <p>{form.description}</p>}
                  <p className="muted">
                    {t('version')} {form.version} · {t('publishedAt')} {form.publishedAt}
                  </p>
                </li>
              ))}
            </ul>
          );
        }}
      </LoadState>
    </section>
  );
}
