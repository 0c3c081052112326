/** The two criterion-5 questions of screening form v1, which v2 replaces by the four large-scale factors. */
const v1LargeScale = ['k5-manga-personer', 'k5-lang-tid-stort-omrade'];

/**
 * A fixture's screening answers as form v2 (the form new screenings start on) asks them: the same
 * answers, with v1's criterion-5 questions swapped for the factor answers the fixture gives.
 */
export function screeningAnswersV2(screening: { answers: Record<string, unknown>; factorsV2: Readonly<Record<string, string>> }): Record<string, unknown> {
  const answers = Object.fromEntries(Object.entries(screening.answers).filter(([key]) => !v1LargeScale.includes(key)));
  return { ...answers, ...screening.factorsV2 };
}
