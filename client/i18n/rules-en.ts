import type { rulesSv } from './rules-sv';

/** English strings for the enforced decision rules (issue 13); spread last into messages-en.ts. */
export const rulesEn: Record<keyof typeof rulesSv, string> = {
  'rules.principlesBlock': 'The processing cannot be approved while a principle is judged “To correct”. Correct first:',
  'rules.principlesRefused': 'The decision was not accepted: the processing cannot be approved while these principles are to be corrected:',
  'rules.motivationRule': 'The reasons must say why the decision departs from the advice: at least {words} words, at least {own} of them your own. Repeating the decision or the advice is not enough.',
  'rules.motivation.too-short': 'The reasons are too short: write at least {words} words on why the decision departs from the advice.',
  'rules.motivation.restates': 'The reasons only repeat the decision or the advice. Say in your own words why you decide otherwise (at least {own} words of your own).',
};
