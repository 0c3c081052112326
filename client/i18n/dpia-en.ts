import type { dpiaSv } from './dpia-sv';

/** Issue 17.2: the DSO's decision on a screening's claimed exemption, and the DPIA flows. */
export const dpiaEn = {
  'ov.todo.step.exemption_decision': 'Exemption to decide',
  'signOff.action.exemption': 'Decide the exemption',
  'signOff.done.exemption': 'The DSO’s decision on the exemption is saved.',
  'signOff.next.screeningExemption': 'The screening claims an exemption. The DSO decides it before the decision.',
  'exemption.heading': 'The DSO’s decision on the exemption',
  'exemption.claimed': 'Claimed exemption: {label}',
  'exemption.motivation': 'Motivation: {motivation}',
  'exemption.legend': 'Decision',
  'exemption.godtas': 'The exemption is accepted – no DPIA is required',
  'exemption.godtas-inte': 'The exemption is not accepted – the outcome of the rules stands',
  'exemption.reasons': 'Reasons (required)',
  'exemption.decisionRequired': 'Choose whether the exemption is accepted.',
  'exemption.reasonsRequired': 'Write the reasons for the decision.',
  'exemption.decided': '{label}. Reasons: {reasons}',
  'exemption.ruleOutcome': 'Outcome by the rules: {outcome}',
  'screeningPrompt.text': 'The classification is fastställd and shows {reasons}. Screen whether a data protection impact assessment (DPIA) is required.',
  'screeningPrompt.and': 'and',
} satisfies Record<keyof typeof dpiaSv, string>;
