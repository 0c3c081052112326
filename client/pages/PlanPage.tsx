import { useState } from 'react';
import type { AspectCode, Asset, PlanItem } from '../contract/api-types';
import { planStatuses, priorities, requirementThemes as planThemes } from '../../scoring/enumerations';
import { Link } from '../components/Link';
import { LoadState } from '../components/LoadState';
import { ExportLinks } from '../oversight/ExportLinks';
import { aspectCodes } from '../domain/levels';
import { planCsv } from '../domain/plan-csv';
import { emptyPlanFilter, filterPlan, type PlanFilter, planReasons, planThemeOf } from '../domain/plan-filter';
import { type Translate, useLanguage } from '../i18n/LanguageProvider';
import { paths } from '../routes';
import { useSession } from '../session/SessionProvider';
import { useApi } from '../useApi';
import { PlanRow } from './PlanRow';
import { DataTable } from '../components/DataTable';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function csvFor(items: PlanItem[], t: Translate): string {
  return planCsv(items, [
    { header: 'Id', value: (item) => (item.source === 'classification' ? item.sourceKey : '') },
    { header: t('colRequirement'), value: (item) => item.title },
    { header: t('planTexts.filterTheme'), value: (item) => t(`planTexts.theme.${planThemeOf(item)}`) },
    { header: t('planTexts.arText'), value: (item) => [item.requirement?.arText, item.requirement?.levelText?.arText].filter(Boolean).join(' ') },
    { header: t('planTexts.iso'), value: (item) => (item.requirement?.iso27002 ?? []).map((control) => [control.id, control.title].filter(Boolean).join(' ')).join('; ') },
    { header: t('colStatus'), value: (item) => t(`planStatus.${item.status}`) },
    { header: t('statusMotivation'), value: (item) => item.statusMotivation ?? '' },
    { header: t('colPriority'), value: (item) => (item.priority ? t(`priority.${item.priority}`) : '') },
    { header: t('colAnsvarig'), value: (item) => item.ansvarig ?? '' },
    { header: t('colPlannedDate'), value: (item) => item.plannedDate ?? '' },
    { header: t('planGuidance.summary'), value: (item) => item.requirement?.guidance ?? '' },
    { header: t('colHur'), value: (item) => item.hur ?? '' },
    { header: t('colEvidence'), value: (item) => item.evidenceUrl ?? '' },
    { header: t('colReason'), value: (item) => planReasons(item).map((reason) => String(reason.text ?? '')).join(' ') },
  ]);
}

/** The plan's groups in the order ISO/IEC 27002:2022 lists its themes, then the DPIA's measures. */
const themeGroups = [...planThemes, 'measures'] as const;

export function PlanPage({ id }: { id: string }) {
  const asset = useApi<'/api/assets/:id'>(`/api/assets/${id}`);
  const plan = useApi<'/api/assets/:assetId/plan'>(`/api/assets/${id}/plan`);
  return (
    <LoadState state={asset.state} retry={asset.retry}>
      {(loaded) => (
        <LoadState state={plan.state} retry={plan.retry}>
          {({ items }) => <PlanView asset={loaded} items={items} onReplace={(next) => plan.replace({ items: next })} onStale={plan.retry} />}
        </LoadState>
      )}
    </LoadState>
  );
}

function PlanView({ asset, items, onReplace, onStale }: { asset: Asset; items: PlanItem[]; onReplace(items: PlanItem[]): void; onStale(): void }) {
  const { t } = useLanguage();
  const { hasRole } = useSession();
  const [filter, setFilter] = useState<PlanFilter>(emptyPlanFilter);
  const shown = filterPlan(items, filter);
  const canEdit = hasRole('admin', 'isam', 'objektledare');
  const update = (patch: Partial<PlanFilter>) => setFilter((current) => ({ ...current, ...patch }));
  return (
    <section aria-labelledby="plan-heading">
      <p><Link href={paths.asset(asset.id)}>← {t('backToAsset', { name: asset.name })}</Link></p>
      <h1 id="plan-heading">{t('planHeading', { name: asset.name })}</h1>
      <p>{t('planIntro')}</p>
      {hasRole('admin', 'isam') && items.some((item) => item.source === 'classification') && <p><Link href={paths.catalogMove(asset.id)}>{t('catalog.moveAssetLink')}</Link></p>}
      {items.length === 0 ? (
        <p className="empty-state">{t('planEmpty')}</p>
      ) : (
        <>
          <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label={t('planSummaryHeading')}>
            <div className="field">
              <label htmlFor="plan-filter-status">{t('colStatus')}</label>
              <select id="plan-filter-status" value={filter.status} onChange={(e) => update({ status: e.target.value as PlanFilter['status'] })}>
                <option value="">{t('all')}</option>
                {planStatuses.map((value) => <option key={value} value={value}>{t(`planStatus.${value}`)}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="plan-filter-theme">{t('planTexts.filterTheme')}</label>
              <select id="plan-filter-theme" value={filter.theme} onChange={(e) => update({ theme: e.target.value as PlanFilter['theme'] })}>
                <option value="">{t('all')}</option>
                {themeGroups.filter((theme) => items.some((item) => planThemeOf(item) === theme)).map((theme) => (
                  <option key={theme} value={theme}>{t(`planTexts.theme.${theme}`)}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="plan-filter-aspect">{t('filterAspect')}</label>
              <select id="plan-filter-aspect" value={filter.aspect} onChange={(e) => update({ aspect: e.target.value as AspectCode | '' })}>
                <option value="">{t('all')}</option>
                {aspectCodes.map((code) => <option key={code} value={code}>{code} – {t(`aspect.${code}`)}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="plan-filter-priority">{t('filterPriority')}</label>
              <select id="plan-filter-priority" value={filter.priority} onChange={(e) => update({ priority: e.target.value as PlanFilter['priority'] })}>
                <option value="">{t('all')}</option>
                {priorities.map((value) => <option key={value} value={value}>{t(`priority.${value}`)}</option>)}
                <option value="none">{t('priorityNone')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="plan-filter-ansvarig">{t('filterAnsvarig')}</label>
              <input id="plan-filter-ansvarig" type="search" value={filter.ansvarig} onChange={(e) => update({ ansvarig: e.target.value })} />
            </div>
            <div className="field checkbox-field">
              <input id="plan-filter-na" type="checkbox" checked={filter.showNotApplicable} onChange={(e) => update({ showNotApplicable: e.target.checked })} />
              <label htmlFor="plan-filter-na">{t('showNotApplicable')}</label>
            </div>
            <button type="button" onClick={() => download(`handlingsplan-${asset.name.replace(/[^\p{L}\p{N}]+/gu, '-')}.csv`, csvFor(shown, t))}>{t('exportCsv')}</button>
          </form>
          <p role="status" className="muted" data-testid="plan-count">{t('showing', { shown: shown.length, total: items.filter((item) => item.applicable || filter.showNotApplicable).length })}</p>
          {shown.length === 0 ? (
            <p className="empty-state">{t('planNoMatch')}</p>
          ) : (
            <div data-testid="plan-table">
              {themeGroups.map((theme) => {
                const group = shown.filter((item) => planThemeOf(item) === theme);
                if (group.length === 0) return null;
                return (
                  <section key={theme} aria-labelledby={`plan-theme-${theme}`} data-testid={`plan-theme-${theme}`}>
                    <h2 id={`plan-theme-${theme}`}>{t(`planTexts.theme.${theme}`)}</h2>
                    <DataTable
                      className="plan-table"
                      testId={`plan-table-${theme}`}
                      columns={[t('colRequirement'), t('colReason'), t('colStatus'), t('colPriority'), t('colAnsvarig'), t('colPlannedDate'), t('colHur'), t('colEvidence')]}
                    >
                      {group.map((item) => (
                        <PlanRow
                          key={item.id}
                          item={item}
                          canEdit={canEdit}
                          onChanged={(updated) => onReplace(items.map((entry) => (entry.id === updated.id ? updated : entry)))}
                          onStale={onStale}
                        />
                      ))}
                    </DataTable>
                  </section>
                );
              })}
            </div>
          )}
        </>
      )}
      <ExportLinks assetId={asset.id} decided={asset.classificationStatus === 'faststalld'} />
    </section>
  );
}
