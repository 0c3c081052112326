import type { ClassificationModel } from '../content/classification-model';
import type { Answers } from '../survey/validate-answers';
import { stringProperty, type QuestionJson } from '../survey/survey-json';
import { isBlank, recordOf } from './answer-values';
import type { Classification, MissingAnswer } from './classification-types';
import type { FormLayout } from './form-layout';

const titleOf = (question: QuestionJson) => stringProperty(question.json, 'title') ?? question.key;

function requiredMissing(questions: readonly QuestionJson[], answers: Record<string, unknown>, prefix: string): MissingAnswer[] {
  return questions
    .filter((question) => isBlank(answers[question.key]))
    .map((question) => ({ field: `${prefix}${question.key}`, message: `${titleOf(question)} är inte besvarad.` }));
}

/**
 * Which answers a complete classification still needs. SurveyJS shows the same rules while the
 * workshop fills in the form; scoring checks them again because the server never trusts the client.
 */
export function findMissingAnswers(model: ClassificationModel, layout: FormLayout, answers: Answers, result: Classification): MissingAnswer[] {
  const missing = requiredMissing(layout.requiredTop, answers, '');
  const areaName = new Map(model.consequenceAreas.map((area) => [area.id, area.name]));
  const rawSets = Array.isArray(answers[layout.setsKey ?? '']) ? (answers[layout.setsKey ?? ''] as unknown[]) : [];
  if (layout.setsKey !== undefined && rawSets.length === 0) {
    missing.push({ field: layout.setsKey, message: 'Minst en informationsmängd behövs.' });
  }
  rawSets.forEach((raw, index) => {
    const set = recordOf(raw);
    const prefix = `${layout.setsKey}[${index}].`;
    missing.push(...requiredMissing(layout.requiredPerSet, set, prefix));
    const scored = result.informationSets[index];
    for (const aspect of scored?.aspects ?? []) {
      if (aspect.specialAnalysis) continue;
      for (const matrix of layout.matrices.filter((entry) => entry.aspect === aspect.aspect)) {
        const ratings = recordOf(set[matrix.key]);
        for (const row of matrix.rows) {
          if (isBlank(ratings[row])) {
            missing.push({ field: `${prefix}${matrix.key}.${row}`, message: `${aspect.aspectName}: konsekvensen för ${areaName.get(row) ?? row} är inte bedömd.` });
          }
        }
      }
      const motivationKey = layout.motivationKeys.get(aspect.aspect);
      if (aspect.level && aspect.level.level >= model.rules.motivationRequiredFrom && aspect.motivation === null && motivationKey) {
        missing.push({ field: `${prefix}${motivationKey}`, message: `${aspect.level.label} kräver en motivering.` });
      }
    }
  });
  for (const aspect of result.profile.aspects) {
    const raise = layout.raises.find((entry) => entry.aspect === aspect.aspect);
    if (aspect.raise && aspect.raise.motivation === null && raise?.motivationKey) {
      missing.push({ field: raise.motivationKey, message: `Höjningen till ${aspect.raise.to.label} kräver en motivering.` });
    }
  }
  if (result.flags.verksamhetskritisk.value && layout.societalKey) {
    if (isBlank(answers[layout.societalKey])) {
      missing.push({ field: layout.societalKey, message: 'Objektet är verksamhetskritiskt: ange om det stöder samhällsviktig verksamhet.' });
    } else if (layout.societalMotivationKey && isBlank(answers[layout.societalMotivationKey])) {
      missing.push({ field: layout.societalMotivationKey, message: 'Motivera om objektet stöder samhällsviktig verksamhet.' });
    }
  }
  return missing;
}
