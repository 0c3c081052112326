import type { Role } from '../contract/api-types';
import { useLanguage } from '../i18n/LanguageProvider';
import type { RoleMapping } from './provider-draft';

const roles: Role[] = ['admin', 'isam', 'dso', 'objektledare', 'beslutsfattare', 'granskare'];

/** The group-to-role table: one row per group, organisation and role. */
interface Props {
  mappings: RoleMapping[];
  organisations: { id: string; name: string }[];
  onChange(next: RoleMapping[]): void;
}

export function RoleMappingRows({ mappings, organisations, onChange }: Props) {
  const { t } = useLanguage();
  const set = (index: number, patch: Partial<RoleMapping>) => onChange(mappings.map((mapping, at) => (at === index ? { ...mapping, ...patch } : mapping)));
  return (
    <fieldset>
      <legend>{t('sso.mappings')}</legend>
      <p className="muted">{t('sso.mappingsIntro')}</p>
      {mappings.map((mapping, index) => (
        <div className="sso-mapping" key={index} data-testid="sso-mapping">
          <div className="field">
            <label htmlFor={`mapping-value-${index}`}>{t('sso.mappingValue')}</label>
            <input id={`mapping-value-${index}`} value={mapping.value} required onChange={(event) => set(index, { value: event.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`mapping-org-${index}`}>{t('sso.mappingOrganisation')}</label>
            <select id={`mapping-org-${index}`} value={mapping.organisationId} onChange={(event) => set(index, { organisationId: event.target.value })}>
              {organisations.map((organisation) => <option key={organisation.id} value={organisation.id}>{organisation.name}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`mapping-role-${index}`}>{t('sso.mappingRole')}</label>
            <select id={`mapping-role-${index}`} value={mapping.role} onChange={(event) => set(index, { role: event.target.value as Role })}>
              {roles.map((role) => <option key={role} value={role}>{t(`sso.role.${role}`)}</option>)}
            </select>
          </div>
          <button type="button" className="link-button" onClick={() => onChange(mappings.filter((_, at) => at !== index))}>
            {t('sso.mappingRemove', { group: mapping.value || String(index + 1) })}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...mappings, { value: '', organisationId: organisations[0]?.id ?? '', role: 'granskare' }])}>
        {t('sso.mappingAdd')}
      </button>
    </fieldset>
  );
}
