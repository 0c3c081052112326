import type { ScreeningResult, TriState } from '../../scoring/dpia/screen-dpia';
import type { ProtocolData } from '../protocols/protocol-types';
import { approvalSection } from './approval-section';
import type { Content, DocumentDefinition } from './doc-types';
import { dataTable, documentFrame, factTable, heading, keepTogether, swedishDate, text, verificationBlock } from './layout';

const answerText: Record<TriState, string> = { ja: 'Ja', nej: 'Nej', osaker: 'Osäker', obesvarad: 'Obesvarad' };

function exemptionSection(result: ScreeningResult): Content[] {
  if (result.exemptions.length === 0) return [];
  const decision = result.exemptionDecision;
  return [
    keepTogether(
      heading('3. Undantag och dataskyddsombudets beslut'),
      factTable([
        ...result.exemptions.map((exemption): [string, string] => [`Åberopat undantag`, `${exemption.label}. Motivering: ${text(exemption.motivation)}`]),
        ['Utfall enligt reglerna', decision ? decision.ruleOutcomeLabel : result.outcomeLabel],
        ['Dataskyddsombudets beslut', decision ? decision.label : 'Inte fattat'],
        ['Skäl', text(decision?.reasons)],
        ['Beslutat av', decision ? `${decision.decidedBy}, ${swedishDate(decision.decidedAt, true)}` : '–'],
      ]),
    ),
  ];
}

/**
 * The sealed record of a förhandsbedömning: the outcome and the rules that gave it, every art. 35.3
 * case and WP248 criterion with its answer, a claimed exemption with the DSO's decision on it, and
 * the sign-off. What the screening decided can later be shown exactly as it was decided.
 */
export function screeningRecord(data: ProtocolData, contentSha256: string): DocumentDefinition {
  const result = data.assessment.result as unknown as ScreeningResult;
  return documentFrame(data, 'Förhandsbedömning', [
    { text: 'Förhandsbedömning av behovet av en konsekvensbedömning (artikel 35)', style: 'title' },
    { text: data.asset.name, style: 'subtitle' },
    factTable([
      ['Organisation', `${data.organisation.name}${data.organisation.topName !== data.organisation.name ? `, ${data.organisation.topName}` : ''}`],
      ['Utfall', result.outcomeLabel],
      ['Fastställd', swedishDate(data.assessment.decidedAt, true)],
      ['Formulär', `${data.assessment.form.title}, version ${data.assessment.form.version}`],
    ]),
    heading('1. Utfall och skäl'),
    ...result.explanation.map((line): Content => ({ text: line, margin: [0, 0, 0, 3] })),
    heading('2. Fall i artikel 35.3 och kriterierna i WP248'),
    dataTable(
      ['*', 60],
      ['Fall eller kriterium', 'Svar'],
      [
        ...result.art353.map((finding): Content[] => [finding.label, { text: answerText[finding.answer], bold: finding.answer === 'ja' }]),
        ...result.criteria.map((finding): Content[] => [`${finding.number}. ${finding.label}`, { text: answerText[finding.answer], bold: finding.answer === 'ja' }]),
      ],
    ),
    ...exemptionSection(result),
    ...approvalSection(data, result.exemptions.length > 0 ? '4. Godkännanden' : '3. Godkännanden'),
    verificationBlock(data, contentSha256),
  ]);
}
