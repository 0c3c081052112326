import { useLanguage } from '../i18n/LanguageProvider';

export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage(page: number): void }) {
  const { t } = useLanguage();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  return (
    <nav className="pager" aria-label={t('pageOf', { page, pages })}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>{t('previousPage')}</button>
      <span>{t('pageOf', { page, pages })}</span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>{t('nextPage')}</button>
    </nav>
  );
}
