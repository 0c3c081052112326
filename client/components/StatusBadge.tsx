import type { ClassificationStatus } from '../contract/api-types';
import { useLanguage } from '../i18n/LanguageProvider';

const icons: Record<ClassificationStatus, string> = { ej_klassad: '○', pagar: '◐', faststalld: '●', omprovning_forfaller: '!' };

/** Classification status as a word with a shape beside it; the colour only repeats what the text says. */
export function StatusBadge({ status }: { status: ClassificationStatus }) {
  const { t } = useLanguage();
  return (
    <span className={`badge status status-${status}`}>
      <span aria-hidden="true">{icons[status]} </span>
      {t(`status.${status}`)}
    </span>
  );
}
