import { asArray } from '../survey/survey-json';

/**
 * Evaluates the few SurveyJS condition shapes our DPIA forms use ({q} = 'v', {q} <> 'v', {q} anyof [...],
 * {q} contains 'v', {q} notempty), so that scoring knows which questions are shown without loading survey-core.
 * Anything else returns undefined, and callers then treat the question as shown: asking too much is safer
 * than silently skipping a required answer.
 */
const pattern = /^\s*\{([^}]+)\}\s*(=|<>|!=|anyof|contains|notempty)\s*(.*?)\s*$/;

function parseOperand(text: string): unknown {
  const json = text.replace(/'/g, '"');
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

export function evaluateSimpleCondition(expression: string, answers: Record<string, unknown>): boolean | undefined {
  const match = pattern.exec(expression);
  if (!match) return undefined;
  const [, key = '', operator, operandText = ''] = match;
  const value = answers[key.trim()];
  if (operator === 'notempty') return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
  const operand = parseOperand(operandText);
  if (operand === undefined) return undefined;
  switch (operator) {
    case '=':
      return value === operand;
    case '<>':
    case '!=':
      return value !== operand;
    case 'anyof':
      return Array.isArray(operand) && (Array.isArray(value) ? value.some((item) => operand.includes(item)) : operand.includes(value));
    case 'contains':
      return asArray(value).includes(operand);
    default:
      return undefined;
  }
}

/** Whether an element with this visibleIf is shown; undefined conditions count as shown. */
export function isShown(visibleIf: unknown, answers: Record<string, unknown>): boolean {
  if (typeof visibleIf !== 'string' || visibleIf.trim() === '') return true;
  return evaluateSimpleCondition(visibleIf, answers) !== false;
}
