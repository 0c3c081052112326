import type { ControlSet } from '../content/control-set';
import type { RequirementCatalog } from '../content/requirement-catalog';
import type { ContentFile, ReferenceProblem } from './check-references';

/**
 * Every ISO/IEC 27002 reference in every requirement catalog must name a control of the newest
 * control set, or the tillämpningsförklaring would count a requirement under no control at all.
 */
export function checkControlReferences(files: readonly ContentFile[]): ReferenceProblem[] {
  const sets = files.filter((entry) => entry.content.meta.kind === 'control-set').map((entry) => entry.content as unknown as ControlSet);
  const newest = sets.sort((a, b) => b.meta.version - a.meta.version)[0];
  if (!newest) return [];
  const known = new Set(newest.controls.map((control) => control.id));
  const problems: ReferenceProblem[] = [];
  for (const entry of files) {
    if (entry.content.meta.kind !== 'requirement-catalog') continue;
    (entry.content as unknown as RequirementCatalog).requirements.forEach((requirement, index) => {
      requirement.iso27002.forEach((control, at) => {
        if (!known.has(control)) {
          problems.push({ file: entry.file, field: `requirements[${index}].iso27002[${at}]`, message: `${control} is not a control of ${newest.meta.title}` });
        }
      });
    });
  }
  return problems;
}
