import { useLanguage } from '../i18n/LanguageProvider';

/** The organisation a page reports on; hidden when the user has only one. */
export function OrganisationPicker({ id, label, choices, value, onChange }: { id: string; label?: string; choices: { id: string; name: string }[]; value: string; onChange(id: string): void }) {
  const { t } = useLanguage();
  if (choices.length < 2) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{label ?? t('ov.organisation')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>{choice.name}</option>
        ))}
      </select>
    </div>
  );
}
