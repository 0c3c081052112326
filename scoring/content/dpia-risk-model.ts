import { z } from 'zod';
import { formIdSchema, formMetaSchema } from './form-file';

/**
 * The DPIA risk model as data (CNIL's method): two ordinal scales, the ordered risk levels,
 * the severity × likelihood matrix, and the thresholds that follow from a level.
 * An organisation replaces this file to change its matrix; no code reads fixed levels.
 */

const scaleStepSchema = z
  .object({
    value: z.number().int().positive(),
    label: z.string().min(1),
    definition: z.string().min(1),
    examples: z.array(z.string().min(1)).optional(),
  })
  .strict();

const scaleSchema = z
  .object({
    title: z.string().min(1),
    description: z.string().optional(),
    steps: z.array(scaleStepSchema).min(2),
  })
  .strict();

const levelSchema = z
  .object({
    id: formIdSchema,
    label: z.string().min(1),
    description: z.string().min(1),
  })
  .strict();

const matrixRowSchema = z
  .object({
    severity: z.number().int().positive(),
    /** One level id per likelihood step, in the order of the likelihood scale. */
    levels: z.array(formIdSchema).min(2),
  })
  .strict();

const reviewSchema = z
  .object({
    /** First rule whose level the residual overall level reaches wins. */
    rules: z.array(z.object({ fromLevel: formIdSchema, months: z.number().int().positive() }).strict()),
    otherwiseMonths: z.number().int().positive(),
  })
  .strict();

const riskModelShapeSchema = z
  .object({
    severity: scaleSchema,
    likelihood: scaleSchema,
    /** Lowest first: the order is the ranking that "highest, never an average" uses. */
    levels: z.array(levelSchema).min(2),
    matrix: z.array(matrixRowSchema).min(2),
    /** Residual risk at or above this level means prior consultation with IMY (art. 36). */
    priorConsultationFromLevel: formIdSchema,
    review: reviewSchema,
  })
  .strict();

type RiskModelShape = z.infer<typeof riskModelShapeSchema>;

export const riskModelSchema = riskModelShapeSchema.superRefine((model, ctx) => {
  for (const problem of riskModelProblems(model)) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
});

export type RiskModel = z.infer<typeof riskModelSchema>;

export const dpiaRiskModelFileSchema = z
  .object({
    meta: formMetaSchema.extend({ kind: z.literal('dpia-risk-model') }),
    riskModel: riskModelSchema,
  })
  .strict();

export type DpiaRiskModelFile = z.infer<typeof dpiaRiskModelFileSchema>;

interface ModelProblem {
  path: (string | number)[];
  message: string;
}

/** Checks that the matrix is complete, refers only to known levels, and never falls as a scale rises. */
function riskModelProblems(model: RiskModelShape): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const rank = new Map(model.levels.map((level, index) => [level.id, index]));
  duplicates(model.levels.map((level) => level.id)).forEach((id) =>
    problems.push({ path: ['levels'], message: `level id "${id}" is used twice` }),
  );
  for (const scale of ['severity', 'likelihood'] as const) {
    duplicates(model[scale].steps.map((step) => step.value)).forEach((value) =>
      problems.push({ path: [scale, 'steps'], message: `value ${value} is used twice` }),
    );
  }
  const likelihoodCount = model.likelihood.steps.length;
  const rows = new Map(model.matrix.map((row) => [row.severity, row]));
  model.severity.steps.forEach((step) => {
    if (!rows.has(step.value)) problems.push({ path: ['matrix'], message: `no row for severity ${step.value}` });
  });
  model.matrix.forEach((row, index) => {
    if (!model.severity.steps.some((step) => step.value === row.severity)) {
      problems.push({ path: ['matrix', index, 'severity'], message: `severity ${row.severity} is not on the severity scale` });
    }
    if (row.levels.length !== likelihoodCount) {
      problems.push({ path: ['matrix', index, 'levels'], message: `needs ${likelihoodCount} levels, one per likelihood step` });
    }
    row.levels.forEach((id, column) => {
      if (!rank.has(id)) problems.push({ path: ['matrix', index, 'levels', column], message: `unknown level "${id}"` });
    });
  });
  for (const [path, id] of [
    [['priorConsultationFromLevel'], model.priorConsultationFromLevel],
    ...model.review.rules.map((rule, index) => [['review', 'rules', index, 'fromLevel'], rule.fromLevel] as const),
  ] as const) {
    if (!rank.has(id)) problems.push({ path: [...path], message: `unknown level "${id}"` });
  }
  if (problems.length === 0) problems.push(...monotonyProblems(model, rank));
  return problems;
}

/** A higher severity or likelihood must never give a lower level: otherwise better measures could raise a risk. */
function monotonyProblems(model: RiskModelShape, rank: Map<string, number>): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const severities = [...model.severity.steps].map((step) => step.value).sort((a, b) => a - b);
  const likelihoodOrder = model.likelihood.steps.map((step) => step.value);
  const ascendingLikelihood = likelihoodOrder.every((value, index) => index === 0 || value > likelihoodOrder[index - 1]!);
  if (!ascendingLikelihood) problems.push({ path: ['likelihood', 'steps'], message: 'steps must be listed lowest first' });
  const rowOf = (severity: number) => model.matrix.find((row) => row.severity === severity)!;
  severities.forEach((severity, s) => {
    const levels = rowOf(severity).levels.map((id) => rank.get(id)!);
    levels.forEach((level, l) => {
      if (l > 0 && level < levels[l - 1]!) {
        problems.push({ path: ['matrix'], message: `severity ${severity}: the level falls as likelihood rises` });
      }
      const below = s > 0 ? rank.get(rowOf(severities[s - 1]!).levels[l]!)! : -1;
      if (level < below) problems.push({ path: ['matrix'], message: `severity ${severity} gives a lower level than the severity below it` });
    });
  });
  return problems;
}

function duplicates<T>(values: readonly T[]): T[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}
