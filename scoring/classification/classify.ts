import type { ClassificationModel } from '../content/classification-model';
import type { QuestionnaireFile } from '../content/form-file';
import type { LagrumFile } from '../content/lagrum-list';
import { validateAnswers, type Answers } from '../survey/validate-answers';
import { chosen, recordOf, textOf } from './answer-values';
import type { Classification, ClassifyOutcome, InformationSetResult, ProfileAspect, SetAspect } from './classification-types';
import { findMissingAnswers } from './completeness';
import { deriveFlags } from './flags';
import { formLayout, type FormLayout } from './form-layout';
import { byText, levelValue, maxLevel, specialLevel } from './levels';
import { personalDataCategories, type PersonalDataCategory } from './survey-properties';

/** The ratings of one aspect in one informationsmängd: the highest level decides, "ej relevant" counts as the bottom. */
function rateAspect(model: ClassificationModel, layout: FormLayout, answers: Record<string, unknown>, code: string): { level: number | null; drivers: string[] } {
  // One matrix per aspect is what forms:check demands; should a form hold more, every rating counts.
  let level: number | null = null;
  const ratings: [string, number][] = [];
  for (const matrix of layout.matrices.filter((entry) => entry.aspect === code)) {
    for (const [area, column] of Object.entries(recordOf(answers[matrix.key]))) {
      if (!matrix.columnLevels.has(String(column))) continue;
      const rated = matrix.columnLevels.get(String(column)) ?? null;
      level = maxLevel(level, rated ?? model.scale.levels[0]!.level);
      if (rated !== null) ratings.push([area, rated]);
    }
  }
  // Nothing drives a level at the bottom of the scale: listing every area there would say they all did.
  const bottom = model.scale.levels[0]!.level;
  const drivers = level === null || level === bottom ? [] : ratings.filter(([, rated]) => rated === level).map(([area]) => area);
  return { level, drivers };
}

/** Information not yet tried against the offentlighets- och sekretesslag counts at the model's floor ("K1 until tried"). */
function unreviewedFloor(model: ClassificationModel, layout: FormLayout, answers: Record<string, unknown>, code: string, level: number | null): number | undefined {
  const floor = model.rules.unreviewedFloor;
  if (!floor || floor.aspect !== code || level === null || level >= floor.level) return undefined;
  return answers[layout.reviewedKey ?? ''] === true ? undefined : floor.level;
}

function scoreSet(model: ClassificationModel, layout: FormLayout, answers: Record<string, unknown>, index: number): InformationSetResult {
  const special = new Set(chosen(answers[layout.specialAspects?.key ?? '']).map((value) => layout.specialAspects?.marks.get(value)));
  const specialAt = specialLevel(model);
  const areaName = new Map(model.consequenceAreas.map((area) => [area.id, area.name]));
  const aspects = model.aspects.map((aspect): SetAspect => {
    const motivation = textOf(answers[layout.motivationKeys.get(aspect.code) ?? '']);
    const base = { aspect: aspect.code, aspectName: aspect.name, motivation };
    if (specialAt !== undefined && special.has(aspect.code)) {
      return { ...base, level: levelValue(model, aspect.code, specialAt), drivenBy: [], specialAnalysis: true };
    }
    const { level, drivers } = rateAspect(model, layout, answers, aspect.code);
    const floor = unreviewedFloor(model, layout, answers, aspect.code, level);
    if (floor !== undefined) {
      const label = levelValue(model, aspect.code, floor).label;
      const raisedByRule = `Informationen har inte prövats mot offentlighets- och sekretesslagen och räknas därför som ${label} tills den har prövats.`;
      return { ...base, level: levelValue(model, aspect.code, floor), drivenBy: [], specialAnalysis: false, raisedByRule };
    }
    const drivenBy = drivers.map((id) => ({ id, name: areaName.get(id) ?? id })).sort(byText((area) => area.id));
    return { ...base, level: level === null ? null : levelValue(model, aspect.code, level), drivenBy, specialAnalysis: false };
  });
  const categories = new Set(chosen(answers[layout.personalData?.key ?? '']).map((value) => layout.personalData?.marks.get(value)));
  const personalData = personalDataCategories.filter((category) => categories.has(category));
  // The fallback is not numbered: a name that depended on position would make the profile depend on order.
  const name = textOf(answers[layout.setNameKey ?? '']) ?? 'Namnlös informationsmängd';
  const duties = layout.reportingDuties;
  if (!duties) return { index, name, aspects, personalData };
  return { index, name, aspects, personalData, reportingDuties: chosen(answers[duties.key]).flatMap((value) => duties.marks.get(value) ?? []) };
}

function profileAspect(model: ClassificationModel, layout: FormLayout, answers: Answers, sets: readonly InformationSetResult[], aspectIndex: number): ProfileAspect {
  const aspect = model.aspects[aspectIndex]!;
  let computed: number | null = null;
  for (const set of sets) computed = maxLevel(computed, set.aspects[aspectIndex]?.level?.level ?? null);
  const drivenBy = sets
    .filter((set) => computed !== null && set.aspects[aspectIndex]?.level?.level === computed)
    .map((set) => ({ informationSet: set.name, areas: set.aspects[aspectIndex]?.drivenBy ?? [] }))
    .sort(byText((driver) => `${driver.informationSet}\u0000${driver.areas.map((area) => area.id).join(',')}`));
  const raiseQuestion = layout.raises.find((entry) => entry.aspect === aspect.code);
  const raisedTo = raiseQuestion ? raiseQuestion.levels.get(String(answers[raiseQuestion.key])) : undefined;
  const applied = raisedTo !== undefined && (computed === null || raisedTo > computed);
  const level = applied ? raisedTo : computed;
  return {
    aspect: aspect.code,
    aspectName: aspect.name,
    level: level === null ? null : levelValue(model, aspect.code, level),
    computed: computed === null ? null : levelValue(model, aspect.code, computed),
    drivenBy,
    raise:
      raisedTo === undefined
        ? null
        : { to: levelValue(model, aspect.code, raisedTo), applied, motivation: textOf(answers[raiseQuestion?.motivationKey ?? '']) },
  };
}

/** Each duty once, with the informationsmängder it concerns; undefined when the form does not ask. */
function objectReportingDuties(layout: FormLayout, sets: readonly InformationSetResult[]): string[] | undefined {
  if (!layout.reportingDuties) return undefined;
  const byDuty = new Map<string, string[]>();
  for (const set of sets) for (const duty of set.reportingDuties ?? []) byDuty.set(duty, [...(byDuty.get(duty) ?? []), set.name]);
  return [...byDuty].map(([duty, names]) => `${duty} (${names.join(', ')})`);
}

function otherLagrum(question: NonNullable<FormLayout['otherLagrum']>, answers: Answers): string[] {
  const rows = Array.isArray(answers[question.key]) ? (answers[question.key] as unknown[]) : [];
  const names = rows.map((row) => textOf(recordOf(row)[question.nameColumn])?.trim()).filter((name): name is string => Boolean(name));
  return [...new Set(names)];
}

function lagrumName(lagrumList: LagrumFile | undefined, id: string): string {
  return lagrumList?.lagrum.find((entry) => entry.id === id)?.name ?? id;
}

/**
 * Scores a classification: per informationsmängd and aspect the level and the areas that drove it
 * (the maximum decides), the object's profile (maximum over informationsmängder, then recorded
 * raises), derived flags, ticked and suggested lagrum, and which required answers are missing.
 * Answers that do not fit the form give the list of offending fields instead; it never throws.
 */
export function classify(model: ClassificationModel, form: QuestionnaireFile, answers: unknown, lagrumList?: LagrumFile): ClassifyOutcome {
  const validation = validateAnswers(form.survey, answers);
  if (!validation.ok) return validation;
  const valid = validation.answers;
  const layout = formLayout(form.survey);
  const rawSets = Array.isArray(valid[layout.setsKey ?? '']) ? (valid[layout.setsKey ?? ''] as unknown[]) : [];
  const informationSets = rawSets.map((set, index) => scoreSet(model, layout, recordOf(set), index));
  const aspects = model.aspects.map((_, index) => profileAspect(model, layout, valid, informationSets, index));
  const present = new Set<PersonalDataCategory>(informationSets.flatMap((set) => set.personalData));
  const categories = personalDataCategories.filter((category) => present.has(category));
  const flags = deriveFlags(model, aspects, categories, objectReportingDuties(layout, informationSets));
  const ticked = [...new Set(chosen(valid[layout.lagrum?.key ?? '']).map((value) => layout.lagrum?.marks.get(value)))]
    .filter((id): id is string => id !== undefined)
    .sort();
  const suggestedLagrum = (lagrumList?.lagrum ?? [])
    .filter((entry) => !ticked.includes(entry.id))
    .filter(
      (entry) =>
        (entry.suggestedWhen === 'personuppgifter' && flags.personuppgifter.value) ||
        (entry.suggestedWhen === 'kansliga-personuppgifter' && flags.kansligaPersonuppgifter.value),
    )
    .map((entry) => ({ id: entry.id, name: entry.name, reason: entry.suggestedWhen === 'personuppgifter' ? flags.personuppgifter.reason : flags.kansligaPersonuppgifter.reason }));
  const classification: Classification = {
    model: { id: model.meta.id, version: model.meta.version },
    form: { id: form.meta.id, version: form.meta.version },
    scale: { id: model.scale.id, version: model.scale.version, name: model.scale.name },
    informationSets,
    profile: { aspects, text: aspects.map((aspect) => `${aspect.aspect}${aspect.level?.level ?? '–'}`).join(' ') },
    flags,
    personalDataCategories: categories,
    lagrum: ticked.map((id) => ({ id, name: lagrumName(lagrumList, id) })),
    ...(layout.otherLagrum ? { otherLagrum: otherLagrum(layout.otherLagrum, valid) } : {}),
    suggestedLagrum,
    completeness: { complete: false, missing: [] },
  };
  const missing = findMissingAnswers(model, layout, valid, classification);
  classification.completeness = { complete: missing.length === 0, missing };
  return { ok: true, classification };
}
