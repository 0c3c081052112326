import type { ClassificationModel } from '../content/classification-model';
import type { FormMeta } from '../content/form-file';
import type { LagrumFile } from '../content/lagrum-list';
import type { RequirementCatalog } from '../content/requirement-catalog';
import { checkControlReferences } from './check-control-references';
import { checkCatalogGuidance } from './check-guidance';
import { checkQuestionnaireReferences } from './check-questionnaire';

/** One reference in a forms file that does not resolve: the file, the field within it, and why. */
export interface ReferenceProblem {
  file: string;
  field: string;
  message: string;
}

/** A forms file as the loader returns it: validated against its kind's schema. */
export interface ContentFile {
  file: string;
  content: { meta: FormMeta } & Record<string, unknown>;
}

export interface ResolvedUses {
  model?: ClassificationModel;
  catalog?: RequirementCatalog;
  lagrum?: LagrumFile;
}

const key = (id: string, version: number) => `${id}@${version}`;

/** What a person judged a plan item against: the texts, not the references or the triggers. */
const requirementText = (requirement: RequirementCatalog['requirements'][number]) =>
  JSON.stringify([requirement.title, requirement.arText, requirement.skaText, requirement.byLevel ?? null]);

function checkCatalog(entry: ContentFile, catalog: RequirementCatalog, uses: ResolvedUses, all: readonly ContentFile[]): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ file: entry.file, field, message });
  const aspects = new Set(uses.model?.aspects.map((aspect) => aspect.code));
  const ratable = new Set(uses.model?.scale.levels.filter((level) => level.specialAnalysis !== true).map((level) => level.level));
  const lagrum = new Set(uses.lagrum?.lagrum.map((item) => item.id));
  const earlier = new Map(
    all
      .filter((other) => other.content.meta.id === catalog.meta.id && other.content.meta.version < catalog.meta.version)
      .flatMap((other) => (other.content as unknown as RequirementCatalog).requirements.map((requirement) => [key(requirement.id, requirement.version), requirement] as const)),
  );
  catalog.requirements.forEach((requirement, index) => {
    const at = `requirements[${index}]`;
    if (uses.model) {
      for (const [aspect, level] of Object.entries(requirement.minLevels ?? {})) {
        if (!aspects.has(aspect)) problem(`${at}.minLevels.${aspect}`, `aspect "${aspect}" is not in model ${uses.model.meta.id} v${uses.model.meta.version}`);
        else if (!ratable.has(level)) problem(`${at}.minLevels.${aspect}`, `level ${level} is not a ratable level of the scale`);
      }
      if (requirement.byLevel && !aspects.has(requirement.byLevel.aspect)) problem(`${at}.byLevel.aspect`, `aspect "${requirement.byLevel.aspect}" is not in the model`);
      requirement.byLevel?.texts.forEach((text, textIndex) => {
        if (!ratable.has(text.level)) problem(`${at}.byLevel.texts[${textIndex}].level`, `level ${text.level} is not a ratable level of the scale`);
      });
    }
    if (uses.lagrum) {
      requirement.lagrum?.forEach((id, lagrumIndex) => {
        if (!lagrum.has(id)) problem(`${at}.lagrum[${lagrumIndex}]`, `lagrum "${id}" is not in ${uses.lagrum?.meta.id} v${uses.lagrum?.meta.version}`);
      });
    }
    // A plan item is flagged for reassessment when its requirement's version moves: a changed text must move it.
    const before = earlier.get(key(requirement.id, requirement.version));
    if (before && requirementText(before) !== requirementText(requirement)) {
      problem(`${at}.version`, `"${requirement.id}" changes its text but keeps version ${requirement.version} of an earlier ${catalog.meta.id}; give it a new version`);
    }
    requirement.replaces?.forEach((old, replacesIndex) => {
      if (!earlier.has(key(old.id, old.version))) problem(`${at}.replaces[${replacesIndex}]`, `"${old.id}" version ${old.version} is in no earlier version of ${catalog.meta.id}`);
    });
  });
  return problems;
}

/**
 * Checks every reference between classification content files: `meta.uses` points to existing
 * files of the right kind; a catalog's aspects, levels, lagrum and replaced requirements resolve;
 * a questionnaire's scoring properties resolve against its model and lagrum list and its names are
 * unique. Pure: the caller loads the files.
 */
export function checkClassificationReferences(files: readonly ContentFile[]): ReferenceProblem[] {
  const byKey = new Map(files.map((entry) => [key(entry.content.meta.id, entry.content.meta.version), entry]));
  const problems: ReferenceProblem[] = [];
  for (const entry of files) {
    const uses: ResolvedUses = {};
    entry.content.meta.uses?.forEach((ref, index) => {
      const target = byKey.get(key(ref.id, ref.version));
      if (!target) {
        problems.push({ file: entry.file, field: `meta.uses[${index}]`, message: `no forms file ${ref.id} v${ref.version}` });
      } else if (target.content.meta.kind !== ref.kind) {
        problems.push({ file: entry.file, field: `meta.uses[${index}].kind`, message: `${ref.id} v${ref.version} is a ${target.content.meta.kind}, not a ${ref.kind}` });
      } else if (ref.kind === 'classification-model') uses.model = target.content as unknown as ClassificationModel;
      else if (ref.kind === 'requirement-catalog') uses.catalog = target.content as unknown as RequirementCatalog;
      else if (ref.kind === 'lagrum') uses.lagrum = target.content as unknown as LagrumFile;
    });
    if (entry.content.meta.kind === 'requirement-catalog') {
      problems.push(...checkCatalog(entry, entry.content as unknown as RequirementCatalog, uses, files));
    }
    if (entry.content.meta.kind === 'questionnaire' && uses.model) {
      problems.push(...checkQuestionnaireReferences(entry.file, entry.content.survey as Record<string, unknown>, uses));
    }
  }
  return [...problems, ...checkControlReferences(files), ...checkCatalogGuidance(files)];
}
