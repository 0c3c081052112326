import { useState } from 'react';
import { ApiError, sendJson } from '../api';
import type { PlanItem, PlanItemPatch, PlanRequirementTexts } from '../contract/api-types';
import { planStatuses, priorities } from '../../scoring/enumerations';
import { planReasons } from '../domain/plan-filter';
import { PlanItemHistory } from '../plans/PlanItemHistory';
import { RequirementGuidance } from '../plans/RequirementGuidance';
import { useLanguage } from '../i18n/LanguageProvider';
import { errorMessageKey } from '../i18n/api-errors';

type RowState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string } | { kind: 'conflict' };
function text(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}

const needsDetails = new Set<PlanItem['status']>(['ej_tillampligt', 'risk_accepterad']);

/** The requirement as the catalog words it: the ÄR-krav, the stronger text for the level reached, and its controls. */
function RequirementTexts({ texts }: { texts: PlanRequirementTexts }) {
  const { t } = useLanguage();
  return (
    <span className="requirement-texts">
      <span className="requirement-text"><span className="visually-hidden">{t('planTexts.arText')}: </span>{texts.arText}</span>
      {texts.levelText && (
        <span className="requirement-text"><strong>{t('planTexts.levelText', { aspect: texts.levelText.aspect, level: texts.levelText.level })}:</strong> {texts.levelText.arText}</span>
      )}
      <span className="muted iso-refs" data-testid="plan-iso">
        {t('planTexts.iso')}: {texts.iso27002.map((control) => [control.id, control.title].filter(Boolean).join(' ')).join('; ')}
      </span>
    </span>
  );
}

/** One requirement with its fields edited in place; each change is saved with the item's revision. */
export function PlanRow({ item, canEdit, onChanged, onStale }: { item: PlanItem; canEdit: boolean; onChanged(item: PlanItem): void; onStale(): void }) {
  const { t } = useLanguage();
  const [draft, setDraft] = useState(item);
  const [state, setState] = useState<RowState>({ kind: 'idle' });
  const prefix = `plan-${item.id}`;

  const save = async (patch: Omit<PlanItemPatch, 'baseRevision'>) => {
    setState({ kind: 'saving' });
    try {
      const updated = await sendJson<'PATCH /api/plan-items/:id'>('PATCH', `/api/plan-items/${item.id}`, { baseRevision: item.revision, ...patch });
      setDraft(updated);
      onChanged(updated);
      setState({ kind: 'saved' });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setState({ kind: 'conflict' });
        onStale();
      } else {
        setState({ kind: 'error', message: t(errorMessageKey(error)) });
      }
    }
  };
  const commitText = (key: 'ansvarig' | 'hur' | 'evidenceUrl', value: string) => {
    if ((item[key] ?? '') === value.trim() || (key === 'hur' && item.hurSource === 'organisation' && item.hur === value.trim())) return;
    void save({ [key]: text(value) });
  };
  const status = draft.status;
  return (
    <tr className={item.applicable ? '' : 'not-applicable'}>
      <th scope="row">
        <span className="requirement-title">{item.title}</span>
        <span className="muted requirement-id">{[item.source === 'classification' ? item.sourceKey : '', item.applicable ? '' : t('notApplicableAnymore'), item.replacedBy.length > 0 ? t('plan.replacedBy', { titles: item.replacedBy.join(', ') }) : ''].filter(Boolean).join(' · ')}</span>
        {item.requirement && <RequirementTexts texts={item.requirement} />}
        {item.requirement?.guidance && <RequirementGuidance title={item.title} guidance={item.requirement.guidance} />}
        {item.needsReassessment && item.applicable && (
          <span className="reassess">
            <span className="badge level-high" data-testid="plan-reassess">{t('plan.reassess')}</span>
            {canEdit && !item.fulfilledCentrally && <button type="button" onClick={() => void save({ status: item.status })}>{t('plan.confirmAssessment')}<span className="visually-hidden">: {item.title}</span></button>}
          </span>
        )}
        <PlanItemHistory itemId={item.id} title={item.title} />
      </th>
      <td className="reasons">
        <ul>{planReasons(item).map((reason, index) => <li key={index}>{String(reason.text ?? '')}</li>)}</ul>
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`${prefix}-status`}>{t('colStatus')}: {item.title}</label>
        <select id={`${prefix}-status`} value={status} disabled={!canEdit || item.fulfilledCentrally} onChange={(e) => {
          const next = e.target.value as PlanItem['status'];
          setDraft({ ...draft, status: next });
          if (!needsDetails.has(next)) void save({ status: next });
        }}>
          {planStatuses.map((value) => <option key={value} value={value}>{t(`planStatus.${value}`)}</option>)}
        </select>
        {needsDetails.has(status) && canEdit && (
          <div className="status-details">
            <label htmlFor={`${prefix}-motivation`}>{t('statusMotivation')}</label>
            <textarea id={`${prefix}-motivation`} rows={2} value={draft.statusMotivation ?? ''} onChange={(e) => setDraft({ ...draft, statusMotivation: e.target.value })} />
            {status === 'risk_accepterad' && (
              <>
                <label htmlFor={`${prefix}-decided-by`}>{t('riskDecidedBy')}</label>
                <input id={`${prefix}-decided-by`} value={draft.riskDecidedBy ?? ''} onChange={(e) => setDraft({ ...draft, riskDecidedBy: e.target.value })} />
                <label htmlFor={`${prefix}-decided-on`}>{t('riskDecidedOn')}</label>
                <input id={`${prefix}-decided-on`} type="date" value={draft.riskDecidedOn ?? ''} onChange={(e) => setDraft({ ...draft, riskDecidedOn: e.target.value })} />
                <label htmlFor={`${prefix}-valid-until`}>{t('riskValidUntil')}</label>
                <input id={`${prefix}-valid-until`} type="date" value={draft.riskValidUntil ?? ''} onChange={(e) => setDraft({ ...draft, riskValidUntil: e.target.value })} />
              </>
            )}
            <button type="button" onClick={() => void save({
              status,
              statusMotivation: text(draft.statusMotivation ?? ''),
              ...(status === 'risk_accepterad' ? { riskDecidedBy: text(draft.riskDecidedBy ?? ''), riskDecidedOn: draft.riskDecidedOn || null, riskValidUntil: draft.riskValidUntil || null } : {}),
            })}>{t('save')}</button>
          </div>
        )}
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`${prefix}-priority`}>{t('colPriority')}: {item.title}</label>
        <select id={`${prefix}-priority`} value={draft.priority ?? ''} disabled={!canEdit} onChange={(e) => {
          const next = e.target.value === '' ? null : (e.target.value as PlanItem['priority']);
          setDraft({ ...draft, priority: next });
          void save({ priority: next });
        }}>
          <option value="">{t('priorityNone')}</option>
          {priorities.map((value) => <option key={value} value={value}>{t(`priority.${value}`)}</option>)}
        </select>
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`${prefix}-ansvarig`}>{t('colAnsvarig')}: {item.title}</label>
        <input id={`${prefix}-ansvarig`} value={draft.ansvarig ?? ''} disabled={!canEdit} onChange={(e) => setDraft({ ...draft, ansvarig: e.target.value })} onBlur={(e) => commitText('ansvarig', e.target.value)} />
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`${prefix}-date`}>{t('colPlannedDate')}: {item.title}</label>
        <input id={`${prefix}-date`} type="date" value={draft.plannedDate ?? ''} disabled={!canEdit} onChange={(e) => {
          setDraft({ ...draft, plannedDate: e.target.value || null });
          void save({ plannedDate: e.target.value || null });
        }} />
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`${prefix}-hur`}>{t('colHur')}: {item.title}</label>
        <textarea id={`${prefix}-hur`} rows={2} value={draft.hur ?? ''} disabled={!canEdit || item.fulfilledCentrally} onChange={(e) => setDraft({ ...draft, hur: e.target.value })} onBlur={(e) => commitText('hur', e.target.value)} />
        {item.hurSource === 'organisation' && <span className="hint">{t('hurInherited')}</span>}
        {item.fulfilledCentrally && <span className="hint" data-testid="fulfilled-centrally">{t('template.fulfilledCentrally')}</span>}
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`${prefix}-evidence`}>{t('colEvidence')}: {item.title}</label>
        <input id={`${prefix}-evidence`} type="url" value={draft.evidenceUrl ?? ''} disabled={!canEdit} onChange={(e) => setDraft({ ...draft, evidenceUrl: e.target.value })} onBlur={(e) => commitText('evidenceUrl', e.target.value)} />
        <span className="row-status" role="status">
          {state.kind === 'saving' && t('saving')}
          {state.kind === 'saved' && `✓ ${t('itemSaved')}`}
          {state.kind === 'error' && t('itemSaveFailed', { message: state.message })}
          {state.kind === 'conflict' && t('itemConflict')}
        </span>
      </td>
    </tr>
  );
}
