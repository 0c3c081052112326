/** Issue 17.2: the DSO's decision on a screening's claimed exemption, and the DPIA flows. */
export const dpiaSv = {
  'ov.todo.step.exemption_decision': 'Undantag att avgöra',
  'signOff.action.exemption': 'Avgör undantaget',
  'signOff.done.exemption': 'Dataskyddsombudets beslut om undantaget är sparat.',
  'signOff.next.screeningExemption': 'Förhandsbedömningen åberopar ett undantag. Dataskyddsombudet avgör det innan beslutet.',
  'exemption.heading': 'Dataskyddsombudets beslut om undantaget',
  'exemption.claimed': 'Åberopat undantag: {label}',
  'exemption.motivation': 'Motivering: {motivation}',
  'exemption.legend': 'Beslut',
  'exemption.godtas': 'Undantaget godtas – en konsekvensbedömning krävs inte',
  'exemption.godtas-inte': 'Undantaget godtas inte – utfallet enligt reglerna står',
  'exemption.reasons': 'Skäl (obligatoriskt)',
  'exemption.decisionRequired': 'Välj om undantaget godtas.',
  'exemption.reasonsRequired': 'Skriv skälen för beslutet.',
  'exemption.decided': '{label}. Skäl: {reasons}',
  'exemption.ruleOutcome': 'Utfall enligt reglerna: {outcome}',
} satisfies Record<string, string>;
