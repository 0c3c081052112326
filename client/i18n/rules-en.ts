import type { rulesSv } from './rules-sv';

/** English strings for the enforced decision rules (issue 13); spread last into messages-en.ts. */
export const rulesEn: Record<keyof typeof rulesSv, string> = {
  'rules.principlesBlock': 'The processing cannot be approved while a principle is judged “To correct”. Correct first:',
  'rules.principlesRefused': 'The decision was not accepted: the processing cannot be approved while these principles are to be corrected:',
  'rules.motivationRule': 'The reasons must say why the decision departs from the advice: at least {words} words, at least {own} of them your own. Repeating the decision or the advice is not enough.',
  'rules.motivation.too-short': 'The reasons are too short: write at least {words} words on why the decision departs from the advice.',
  'rules.motivation.restates': 'The reasons only repeat the decision or the advice. Say in your own words why you decide otherwise (at least {own} words of your own).',
  'rules.duties.heading': 'Separate roles for decisions',
  'rules.duties.intro': 'Whoever sends an assessment for review or marks it ready for decision may not decide it themselves. An admin can turn this off for a small organisation where one person must do both; the protocol then says so. Turned off, it is off for the organisations below too.',
  'rules.duties.on': 'In force: separate roles are required.',
  'rules.duties.off': 'In force: one person may prepare and take the decision. The protocol says when that happened.',
  'rules.duties.offAbove': 'In force: one person may prepare and take the decision, because {organisation} turned the requirement off.',
  'rules.duties.toggle': 'Require separate roles: whoever prepared the decision may not take it',
  'rules.duties.save': 'Save the setting',
  'rules.duties.savedOn': 'Saved. Separate roles are required.',
  'rules.duties.savedOff': 'Saved. One person may now prepare and take the decision.',
  'rules.selfDecisionRefused': 'You sent the assessment for review or marked it ready, so someone else must take the decision (separate roles). An admin can turn this off for the organisation.',
  'signOff.detail.sameAsPreparer': 'Same person prepared and decided',
};
