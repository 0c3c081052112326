import type { AspectCode, PlanItem, PlanStatus, PlanTheme, Priority } from '../contract/api-types';

export interface PlanFilter {
  status: PlanStatus | '';
  aspect: AspectCode | '';
  priority: Priority | 'none' | '';
  ansvarig: string;
  showNotApplicable: boolean;
  /** 'measures' picks the DPIA measures, which have no theme. */
  theme: PlanTheme | 'measures' | '';
}

export const emptyPlanFilter: PlanFilter = { status: '', aspect: '', priority: '', ansvarig: '', showNotApplicable: false, theme: '' };

interface Reason {
  kind?: unknown;
  aspect?: unknown;
  text?: unknown;
}

export function planReasons(item: PlanItem): Reason[] {
  const reasons = item.detail['reasons'];
  return Array.isArray(reasons) ? (reasons as Reason[]) : [];
}

/** The aspects that brought a requirement into the plan (from its reasons). */
export function itemAspects(item: PlanItem): AspectCode[] {
  return planReasons(item)
    .map((reason) => reason.aspect)
    .filter((aspect): aspect is AspectCode => aspect === 'K' || aspect === 'R' || aspect === 'T' || aspect === 'S');
}

/** The group an item is shown under: its requirement's ISO/IEC 27002 theme, or the DPIA measures. */
export function planThemeOf(item: PlanItem): PlanTheme | 'measures' {
  return item.requirement?.theme ?? 'measures';
}

export function filterPlan(items: readonly PlanItem[], filter: PlanFilter): PlanItem[] {
  const ansvarig = filter.ansvarig.trim().toLocaleLowerCase('sv');
  return items.filter((item) => {
    if (!filter.showNotApplicable && !item.applicable) return false;
    if (filter.status && item.status !== filter.status) return false;
    if (filter.aspect && !itemAspects(item).includes(filter.aspect)) return false;
    if (filter.priority === 'none' && item.priority !== null) return false;
    if (filter.priority && filter.priority !== 'none' && item.priority !== filter.priority) return false;
    if (filter.theme && planThemeOf(item) !== filter.theme) return false;
    if (ansvarig && !(item.ansvarig ?? '').toLocaleLowerCase('sv').includes(ansvarig)) return false;
    return true;
  });
}
