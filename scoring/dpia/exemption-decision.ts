import type { ScreeningResult } from './screen-dpia';
import { outcomeInfo, outcomeRank } from './screening-outcome';

/**
 * The DSO's decision on the exemptions a screening claims (recital 91, art. 35.10, art. 35.1): the
 * author only claims one, the DSO decides. Accepted, the screening no longer requires a DPIA and
 * says so in its own words; rejected, the outcome of the rules stands. The ids are API.
 */
export const exemptionDecisions = [
  { id: 'godtas', label: 'Undantaget godtas' },
  { id: 'godtas-inte', label: 'Undantaget godtas inte' },
] as const;

export type ExemptionDecisionId = (typeof exemptionDecisions)[number]['id'];

export interface ExemptionDecision {
  decision: ExemptionDecisionId;
  label: string;
  reasons: string;
  /** The outcome the rules gave before the decision, kept so the record shows what was set aside. */
  ruleOutcome: ScreeningResult['outcome'];
  ruleOutcomeLabel: string;
  decidedBy: string;
  decidedAt: string;
}

export const acceptedOutcomeLabel = 'Krävs inte – undantag godtaget av DSO';

/** The screening with the DSO's decision applied; only a screening that waits for one takes it. */
export function withExemptionDecision(
  result: ScreeningResult,
  input: { decision: ExemptionDecisionId; reasons: string; decidedBy: string; decidedAt: string },
): ScreeningResult {
  const claimed = result.exemptions.map((exemption) => exemption.label).join('; ');
  const decision: ExemptionDecision = {
    decision: input.decision,
    label: exemptionDecisions.find((entry) => entry.id === input.decision)!.label,
    reasons: input.reasons,
    ruleOutcome: result.outcome,
    ruleOutcomeLabel: result.outcomeLabel,
    decidedBy: input.decidedBy,
    decidedAt: input.decidedAt,
  };
  const base = { ...result, dsoDecisionNeeded: false, exemptionDecision: decision };
  if (input.decision === 'godtas-inte') {
    return {
      ...base,
      explanation: [
        ...result.explanation.filter((line) => !line.startsWith(`Utfallet ${result.outcomeLabel.toLowerCase()} står kvar tills`)),
        `Dataskyddsombudet godtar inte undantaget (${claimed}): ${input.reasons} Utfallet ${result.outcomeLabel.toLowerCase()} står.`,
      ],
    };
  }
  const outcome = 'kravs-inte';
  return {
    ...base,
    outcome,
    outcomeLabel: acceptedOutcomeLabel,
    rank: outcomeRank(outcome),
    summary: `Dataskyddsombudet har godtagit undantaget: ${claimed}. ${outcomeInfo(outcome).text}`,
    explanation: [
      `Utfall: ${acceptedOutcomeLabel}. Enligt reglerna: ${result.outcomeLabel}.`,
      ...result.explanation.slice(1).filter((line) => !line.startsWith(`Utfallet ${result.outcomeLabel.toLowerCase()} står kvar tills`)),
      `Dataskyddsombudet godtar undantaget (${claimed}): ${input.reasons}`,
    ],
  };
}
