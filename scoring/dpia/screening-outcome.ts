/**
 * The screening outcomes, lowest first. The rank is what "osäker can raise, never lower" compares:
 * "inte tillämplig" (no personal data) sits below "krävs inte" because it ends the screening earlier.
 */
export const screeningOutcomes = [
  { id: 'inte-tillamplig', label: 'Inte tillämplig', text: 'Ingen konsekvensbedömning: behandlingen omfattar inga personuppgifter.' },
  { id: 'kravs-inte', label: 'Krävs inte', text: 'En konsekvensbedömning krävs inte. Spara förhandsbedömningen som dokumentation.' },
  { id: 'rekommenderas', label: 'Rekommenderas', text: 'En konsekvensbedömning rekommenderas. Gör ni ingen, dokumentera varför.' },
  { id: 'kravs-preliminart', label: 'Krävs preliminärt', text: 'En konsekvensbedömning krävs om de osäkra svaren bekräftas. Utred dem med dataskyddsombudet.' },
  { id: 'kravs', label: 'Krävs', text: 'En konsekvensbedömning krävs innan behandlingen påbörjas eller ändras.' },
] as const;

export type ScreeningOutcome = (typeof screeningOutcomes)[number]['id'];

export function outcomeRank(outcome: ScreeningOutcome): number {
  return screeningOutcomes.findIndex((entry) => entry.id === outcome);
}

export function outcomeInfo(outcome: ScreeningOutcome): (typeof screeningOutcomes)[number] {
  return screeningOutcomes[outcomeRank(outcome)]!;
}

/** The rules of the domain file in their order; the first that holds decides the outcome. */
export const screeningRules = [
  { id: 'inga-personuppgifter', outcome: 'inte-tillamplig', text: 'Inga personuppgifter behandlas.' },
  { id: 'artikel-35-3', outcome: 'kravs', text: 'Ett fall i artikel 35.3 föreligger, vilket ensamt gör konsekvensbedömningen obligatorisk.' },
  { id: 'minst-tva-kriterier', outcome: 'kravs', text: 'Minst två av de nio kriterierna är uppfyllda (IMY:s förteckning enligt artikel 35.4).' },
  { id: 'osakra-kan-krava', outcome: 'kravs-preliminart', text: 'Om de osäkra svaren bekräftas föreligger ett fall i artikel 35.3 eller minst två kriterier.' },
  { id: 'ett-kriterium-eller-osakert', outcome: 'rekommenderas', text: 'Ett kriterium är uppfyllt eller något svar är osäkert: gör en egen bedömning och dokumentera den.' },
  { id: 'inga-kriterier', outcome: 'kravs-inte', text: 'Inget fall i artikel 35.3 och inget av kriterierna är uppfyllt.' },
] as const satisfies readonly { id: string; outcome: ScreeningOutcome; text: string }[];

export type ScreeningRuleId = (typeof screeningRules)[number]['id'];
