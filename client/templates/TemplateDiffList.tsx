import { useLanguage } from '../i18n/LanguageProvider';
import type { TemplateDiff } from '../contract/api-types';
import { levelText } from './level-text';

/** What changed between the version an adoption rests on and the newer one, in the local owner's words. */
export function TemplateDiffList({ diff }: { diff: TemplateDiff }) {
  const { t } = useLanguage();
  const na = t('template.notAssessed');
  const change = (entry: { aspect: string; from: number | null; to: number | null }) => t('template.diff.level', { aspect: entry.aspect, from: levelText(entry.aspect, entry.from, na), to: levelText(entry.aspect, entry.to, na) });
  const lines = [
    ...diff.levels.map(change),
    ...(diff.informationSets.added.length > 0 ? [t('template.diff.setsAdded', { names: diff.informationSets.added.join(', ') })] : []),
    ...(diff.informationSets.removed.length > 0 ? [t('template.diff.setsRemoved', { names: diff.informationSets.removed.join(', ') })] : []),
    ...diff.informationSets.changed.map((set) => t('template.diff.setChanged', { name: set.name, changes: set.levels.map(change).join(', ') })),
    ...(diff.fulfilled.added.length > 0 ? [t('template.diff.fulfilledAdded', { titles: diff.fulfilled.added.map((entry) => entry.title).join(', ') })] : []),
    ...(diff.fulfilled.removed.length > 0 ? [t('template.diff.fulfilledRemoved', { titles: diff.fulfilled.removed.map((entry) => entry.title).join(', ') })] : []),
    ...diff.fulfilled.changed.map((entry) => t('template.diff.hurChanged', { title: entry.title })),
    ...(diff.loweringPolicy ? [t('template.diff.policy')] : []),
  ];
  if (lines.length === 0) return <p>{t('template.diff.none')}</p>;
  return <ul data-testid="template-diff">{lines.map((line) => <li key={line}>{line}</li>)}</ul>;
}
