import { itemValues } from '../survey/choices';
import { legacyRowId, rowIdKey } from '../survey/answer-ops';
import { asArray, asRecord } from '../survey/survey-json';
import type { Answers } from '../survey/validate-answers';
import type { MatrixIndex } from './assessment-form';
import type { ActionItem, JudgedPrinciple } from './assessment-types';
import { answerText, itemText } from './survey-text';
import { measureStatuses, principleJudgements, type DpiaField, type MeasureStatus, type PrincipleJudgement } from './vocabulary';

function cell(row: Record<string, unknown> | undefined, matrix: MatrixIndex, field: DpiaField): unknown {
  const column = matrix.columns[field];
  return column && row ? row[column] : undefined;
}

function judgementOf(value: unknown): PrincipleJudgement | null {
  return principleJudgements.find((judgement) => judgement.id === value)?.id ?? null;
}

/** Every row of the principles matrix with its judgement; unjudged rows are listed too, with null. */
export function judgePrinciples(matrix: MatrixIndex | undefined, answers: Answers): JudgedPrinciple[] {
  if (!matrix) return [];
  const value = asRecord(answers[matrix.key]);
  return itemValues(matrix.json.rows).map((id) => {
    const row = asRecord(value?.[String(id)]);
    const judgement = judgementOf(cell(row, matrix, 'judgement'));
    return {
      id: String(id),
      label: itemText(matrix.json.rows, id),
      judgement,
      judgementLabel: principleJudgements.find((entry) => entry.id === judgement)?.label ?? null,
      comment: answerText(cell(row, matrix, 'comment')),
    };
  });
}

function status(value: unknown): MeasureStatus | null {
  return measureStatuses.find((entry) => entry.id === value)?.id ?? null;
}

/** The display texts of a column's chosen values (the risks a measure addresses), in the column's words. */
function choiceTexts(matrix: MatrixIndex, field: DpiaField, values: readonly string[]): string[] {
  const column = asArray(matrix.json.columns).map(asRecord).find((entry) => entry?.name === matrix.columns[field]);
  return values.map((value) => itemText(column?.choices, value));
}

/** A row's own id; a row stored before rows had ids gets the one withRowIds would give it. */
function rowIdOf(row: Record<string, unknown>, position: number): string {
  const id = row[rowIdKey];
  return typeof id === 'string' ? id : legacyRowId(position);
}

/**
 * The planned measures, in the order written, with the risks each one addresses. Each is keyed by
 * its row's id, never its position: deleting one measure must not hand its plan item to the next.
 */
export function measureItems(matrix: MatrixIndex | undefined, answers: Answers): ActionItem[] {
  if (!matrix) return [];
  return asArray(answers[matrix.key]).flatMap((entry, position) => {
    const row = asRecord(entry);
    if (!row) return [];
    const risks = asArray(cell(row, matrix, 'risks')).filter((risk): risk is string => typeof risk === 'string');
    return [
      {
        source: 'measure' as const,
        field: `${matrix.key}[${rowIdOf(row, position)}]`,
        title: answerText(cell(row, matrix, 'measure')) ?? `Åtgärd ${position + 1} (namn saknas)`,
        risks,
        why: risks.length > 0 ? `Minskar risken för: ${choiceTexts(matrix, 'risks', risks).join('; ')}.` : 'Åtgärd i konsekvensbedömningen.',
        principle: null,
        owner: answerText(cell(row, matrix, 'owner')),
        due: answerText(cell(row, matrix, 'due')),
        status: status(cell(row, matrix, 'status')),
        blocksApproval: false,
      },
    ];
  });
}

/** Every principle judged Förbättringsbar or Att korrigera becomes an action with its owner and date. */
export function principleItems(matrix: MatrixIndex | undefined, principles: readonly JudgedPrinciple[], answers: Answers): ActionItem[] {
  if (!matrix) return [];
  const value = asRecord(answers[matrix.key]);
  return principles
    .filter((principle) => principle.judgement === 'forbattringsbar' || principle.judgement === 'att-korrigera')
    .map((principle) => {
      const row = asRecord(value?.[principle.id]);
      return {
        source: 'principle' as const,
        field: `${matrix.key}.${principle.id}`,
        title: answerText(cell(row, matrix, 'measure')) ?? `${principle.judgementLabel}: ${principle.label}`,
        risks: [],
        why: `Princip att förbättra: ${principle.label}`,
        principle: principle.id,
        owner: answerText(cell(row, matrix, 'owner')),
        due: answerText(cell(row, matrix, 'due')),
        status: null,
        blocksApproval: principle.judgement === 'att-korrigera',
      };
    });
}

/** Measure titles per risk id, for showing each risk with what is done about it. */
export function measuresByRisk(measures: readonly ActionItem[]): Map<string, string[]> {
  const byRisk = new Map<string, string[]>();
  for (const measure of measures) {
    for (const risk of measure.risks) byRisk.set(risk, [...(byRisk.get(risk) ?? []), measure.title]);
  }
  return byRisk;
}
