import { useLanguage } from '../i18n/LanguageProvider';
import { paths } from '../routes';
import { Link } from './Link';

/** What a page that changes something shows someone whose roles may not: no form, no edit control. */
export function NotAllowed() {
  const { t } = useLanguage();
  return (
    <section aria-labelledby="denied-heading" data-testid="not-allowed">
      <h1 id="denied-heading">{t('denied.heading')}</h1>
      <p>{t('denied.text')}</p>
      <p><Link href={paths.inventory()}>{t('denied.back')}</Link></p>
    </section>
  );
}
