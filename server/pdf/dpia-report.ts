import type { DpiaAssessment, RatedState } from '../../scoring/dpia/assessment-types';
import type { ProtocolData } from '../protocols/protocol-types';
import { approvalSection } from './approval-section';
import type { Content, DocumentDefinition } from './doc-types';
import { decisionFacts, decisionSummary } from './decision-summary';
import { appendix, dataTable, documentFrame, factTable, heading, keepTogether, label, swedishDate, text, verificationBlock } from './layout';
import { planSection } from './plan-section';
import { riskMap, riskNumbers } from './risk-map';

type Answers = Record<string, unknown>;

function describe(data: ProtocolData, answers: Answers): Content[] {
  const field = (key: string) => label(data, key, answers[key]);
  return [
    heading('1. Systematisk beskrivning'),
    factTable([
      ['Informationstillgång', text(answers.informationstillgang ?? data.asset.name)],
      ['Ändamål', text(answers.andamal)],
      ['Rättslig grund', `${field('rattslig-grund')}${answers['rattslig-grund-stod'] ? ` – ${text(answers['rattslig-grund-stod'])}` : ''}`],
      ['Personuppgifter', field('uppgiftskategorier')],
      ['Registrerade', field('registrerade')],
      ['Antal registrerade', field('antal-registrerade')],
      ['Mottagare', text(answers.mottagare)],
      ['Personuppgiftsbiträden', text(answers.personuppgiftsbitraden)],
      ['Överföring till tredjeland', `${field('overforing-tredjeland')}${answers['overforing-tredjeland-beskrivning'] ? ` – ${text(answers['overforing-tredjeland-beskrivning'])}` : ''}`],
      ['Lagringstid', text(answers.lagringstid)],
      ['System', text(answers.system)],
    ]),
  ];
}

function rated(state: RatedState | null): string {
  return state ? `${state.level.label}\n(A${state.severity.value} × S${state.likelihood.value})` : 'Ej bedömd';
}

function risksSection(data: ProtocolData, result: DpiaAssessment): Content[] {
  const inScope = result.risks.filter((risk) => risk.inScope);
  const notApplicable = result.risks.filter((risk) => !risk.inScope);
  const numbers = riskNumbers(result.risks);
  return [
    heading('3. Risker för de registrerades rättigheter och friheter'),
    dataTable(
      ['auto', '*', 'auto', 'auto', '*'],
      ['Nr', 'Risk', 'Med befintliga åtgärder', 'Kvarstående', 'Motivering och åtgärder'],
      inScope.map((risk) => [
        String(numbers.get(risk.id)),
        { text: risk.title, bold: true },
        rated(risk.current),
        rated(risk.residual),
        { text: [risk.residual?.justification.severity, risk.residual?.justification.likelihood, risk.measures.length > 0 ? `Åtgärder: ${risk.measures.join('; ')}` : null].filter(Boolean).join('\n') || '–', fontSize: 7.5 },
      ]),
    ),
    ...(notApplicable.length > 0 ? [{ text: `Inte aktuella för behandlingen: ${notApplicable.map((risk) => risk.title).join(', ')}.`, style: 'note', margin: [0, 4, 0, 0] }] : []),
    { text: `Samlad risknivå: med befintliga åtgärder ${result.overall.current?.level.label ?? 'ej bedömd'}, kvarstående ${result.overall.residual?.level.label ?? 'ej bedömd'}. Den högsta risken avgör; ett medelvärde används aldrig.`, margin: [0, 6, 0, 6] },
    ...(data.riskMatrix && inScope.length > 0
      ? [{ columns: [riskMap(data.riskMatrix, result.risks, 'current', 'Riskkarta med befintliga åtgärder'), riskMap(data.riskMatrix, result.risks, 'residual', 'Riskkarta, kvarstående risk')], columnGap: 16 }]
      : []),
  ];
}

function decisionSection(answers: Answers, result: DpiaAssessment): Content[] {
  const { decision, priorConsultation } = result;
  return [
    keepTogether(
      heading('5. De registrerades synpunkter'),
      { text: result.dataSubjectViewsSought === true ? text(answers.synpunkter) : `Synpunkter har inte inhämtats: ${text(answers['synpunkter-ej-motivering'])}` },
    ),
    keepTogether(
      heading('6. Dataskyddsombudets råd'),
      factTable([
        ['Råd', text(decision.adviceLabel)],
        ['Skäl och villkor', text(decision.adviceReasons)],
      ]),
    ),
    keepTogether(
      heading('7. Beslut'),
      factTable([
        ['Beslut', text(decision.decisionLabel)],
        ['Beslutsdatum', swedishDate(typeof answers.beslutsdatum === 'string' ? answers.beslutsdatum : null)],
        ['Avviker från rådet', decision.departsFromAdvice ? 'Ja' : 'Nej'],
        ['Motivering', text(decision.decisionReasons)],
      ]),
    ),
    keepTogether(
      heading('8. Förhandssamråd (artikel 36)'),
      { text: priorConsultation.required ? `Förhandssamråd med IMY krävs innan behandlingen påbörjas. ${priorConsultation.explanation}` : `Förhandssamråd krävs inte. ${priorConsultation.explanation}`, bold: priorConsultation.required },
    ),
  ];
}

/** Page 1: the outcome (decision, residual risk, art. 36), the risks that set the level by the UI's number, who decided and under what. */
function summaryPage(data: ProtocolData, result: DpiaAssessment): Content[] {
  const { decision, priorConsultation, overall } = result;
  const numbers = riskNumbers(result.risks);
  const deciding = (overall.residual?.risks ?? []).map((id) => result.risks.find((risk) => risk.id === id)).filter((risk) => risk !== undefined);
  const organisation = `${data.organisation.name}${data.organisation.topName !== data.organisation.name ? `, ${data.organisation.topName}` : ''}`;
  const residual = overall.residual?.level.label ?? 'ej bedömd';
  return decisionSummary(
    'Konsekvensbedömning avseende dataskydd (artikel 35)',
    data.asset.name,
    `Beslut: ${text(decision.decisionLabel)}. Kvarstående risk ${residual.toLowerCase()}; förhandssamråd med IMY ${priorConsultation.required ? 'krävs' : 'krävs inte'}.`,
    [
      ['Objekt', data.asset.name],
      ['Organisation', organisation],
      ['Beslut', text(decision.decisionLabel)],
      ['Motivering', decision.decisionReasons ?? ''],
      ['Dataskyddsombudets råd', `${text(decision.adviceLabel)}${decision.departsFromAdvice ? ' (beslutet avviker från rådet)' : ''}`],
      ['Risknivå', `Kvarstående: ${residual}. Med befintliga åtgärder: ${overall.current?.level.label ?? 'ej bedömd'}.`],
      ['Avgörande risker', deciding.map((risk) => `${numbers.get(risk.id)}. ${risk.title}`).join('\n')],
      ['Förhandssamråd (art. 36)', priorConsultation.required ? 'Krävs innan behandlingen påbörjas' : 'Krävs inte'],
      ['Åtgärder', data.plan.length > 0 ? `${data.plan.length} åtgärder, se bilaga 1` : 'Inga planerade åtgärder'],
      ...decisionFacts(data),
    ],
    'Underlaget för beslutet – beskrivningen av behandlingen, nödvändighet och proportionalitet, riskerna, dataskyddsombudets råd och beslutets steg – följer från sidan 2. Åtgärderna finns i bilaga 1.',
  );
}

/** The DPIA report: the outcome on page 1, then art. 35.7's parts, the DSO's advice, the decision and the art. 36 outcome; the measures as an appendix. */
export function dpiaReport(data: ProtocolData, contentSha256: string): DocumentDefinition {
  const answers = data.assessment.answers;
  const result = data.assessment.result as unknown as DpiaAssessment;
  return documentFrame(data, 'Konsekvensbedömning', [
    ...summaryPage(data, result),
    ...describe(data, answers),
    heading('2. Nödvändighet och proportionalitet'),
    dataTable(['*', 'auto', '*'], ['Princip', 'Bedömning', 'Kommentar'], result.principles.map((principle) => [principle.label, { text: text(principle.judgementLabel), bold: true }, text(principle.comment)])),
    ...risksSection(data, result),
    heading('4. Omprövning'),
    { text: result.review.explanation },
    ...decisionSection(answers, result),
    ...approvalSection(data, '9. Godkännanden'),
    ...appendix(planSection(data.plan, null, 'Bilaga 1. Åtgärder')),
    verificationBlock(data, contentSha256),
  ]);
}
