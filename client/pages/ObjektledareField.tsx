import { useLanguage } from '../i18n/LanguageProvider';
import { useApi } from '../useApi';


/**
 * The asset's objektledare, chosen among the people who hold that role in the asset's organisation;
 * a person already chosen stays in the list even if their role has since changed.
 */
export function ObjektledareField({ organisationId, value, onChange }: { organisationId: string; value: string; onChange(userId: string): void }) {
  const { t } = useLanguage();
  const { state } = useApi<'/api/organisations/:id/members'>(`/api/organisations/${organisationId}/members`);
  const members = state.status === 'ready' ? state.data.members : [];
  const candidates = members.filter((member) => member.role === 'objektledare' || member.userId === value);
  const unique = [...new Map(candidates.map((member) => [member.userId, member])).values()];
  return (
    <div className="field">
      <label htmlFor="asset-objektledare">{t('fieldObjektledare')}</label>
      <select id="asset-objektledare" value={value} onChange={(event) => onChange(event.target.value)} aria-describedby="asset-objektledare-hint" aria-busy={state.status === 'loading'}>
        <option value="">{t('objektledareNone')}</option>
        {value !== '' && !unique.some((member) => member.userId === value) && <option value={value}>{t('objektledareOther')}</option>}
        {unique.map((member) => <option key={member.userId} value={member.userId}>{member.name} ({member.email})</option>)}
      </select>
      <p id="asset-objektledare-hint" className="hint">{t('fieldObjektledareHint')}</p>
    </div>
  );
}
