import { useLanguage } from '../i18n/LanguageProvider';

/** Yes or no in words; the colour says whether that answer is the good one (a development seal is not). */
export function YesNo({ value, good = true }: { value: boolean; good?: boolean }) {
  const { t } = useLanguage();
  return <span className={value === good ? 'check-yes' : 'check-no'}><span aria-hidden="true">{value ? '✓ ' : '✗ '}</span>{value ? t('verify.yes') : t('verify.no')}</span>;
}
