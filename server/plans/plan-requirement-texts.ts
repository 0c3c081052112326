import type { FormRegistry } from '../forms/form-registry';
import { contentAs } from '../forms/typed-content';
import type { PlanItem, PlanItemWithTexts, PlanRequirementTexts } from './plan-schemas';

const controlSetId = 'iso27002';
const themes = new Set(['organisatorisk', 'personal', 'fysisk', 'teknisk']);

/** The Swedish heading of every ISO/IEC 27002:2022 control, by number, from the newest installed control set. */
export function controlHeadings(forms: FormRegistry): ReadonlyMap<string, string> {
  const file = forms.latest(controlSetId);
  return new Map(file ? contentAs(file, 'control-set').controls.map((control) => [control.id, control.title]) : []);
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * What a reader needs of a classification item's requirement: its theme, ÄR-krav text, the text for
 * the level reached, its controls with their headings and the guidance (null from a catalog without it). The item's detail holds them as the catalog
 * the classification was made with wrote them (sync stores them), so they never drift to a newer catalog.
 */
export function requirementTexts(item: PlanItem, headings: ReadonlyMap<string, string>): PlanRequirementTexts | null {
  if (item.source !== 'classification') return null;
  const { theme, arText, levelText, iso27002, guidance } = item.detail;
  if (typeof theme !== 'string' || !themes.has(theme) || text(arText) === null) return null;
  const level = levelText !== null && typeof levelText === 'object' ? (levelText as Record<string, unknown>) : null;
  const controls = Array.isArray(iso27002) ? iso27002.filter((id): id is string => typeof id === 'string') : [];
  return {
    theme: theme as PlanRequirementTexts['theme'],
    arText: text(arText)!,
    levelText: level && text(level.arText) && typeof level.level === 'number' && typeof level.aspect === 'string'
      ? { aspect: level.aspect, level: level.level, arText: text(level.arText)! }
      : null,
    iso27002: controls.map((id) => ({ id, title: headings.get(id) ?? null })),
    guidance: text(guidance),
  };
}

export function withRequirementTexts(items: readonly PlanItem[], forms: FormRegistry): PlanItemWithTexts[] {
  const headings = controlHeadings(forms);
  return items.map((item) => ({ ...item, requirement: requirementTexts(item, headings) }));
}
