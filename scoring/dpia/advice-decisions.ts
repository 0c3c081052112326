/**
 * The DSO's advice and the DPIA decision, defined once: the sign-off API, its dialogs and the
 * DPIA form (v2) all take these values. "Återvisas" is not a decision: sending a DPIA back for
 * completion is the sign-off's return step. Its own module so the client can explain the rule
 * before the server enforces it.
 */
export const dsoAdvices = ['tillstyrker', 'tillstyrker-med-villkor', 'avstyrker'] as const;
export type DsoAdvice = (typeof dsoAdvices)[number];

export const dpiaDecisions = ['godkann', 'godkann-med-villkor', 'stoppas'] as const;
export type DpiaDecision = (typeof dpiaDecisions)[number];

/**
 * The decisions that follow each piece of DSO advice. Any other decision goes against the advice,
 * and the decision maker must then say why (the domain's rule; the DSO advises, the nämnd decides).
 * "atervisas" is form v1's fourth answer, kept so a v1 DPIA scores as it did.
 */
export const decisionsFollowingAdvice: Record<DsoAdvice, readonly (DpiaDecision | 'atervisas')[]> = {
  tillstyrker: ['godkann', 'godkann-med-villkor'],
  'tillstyrker-med-villkor': ['godkann-med-villkor'],
  avstyrker: ['atervisas', 'stoppas'],
};

/** True when both are known and the decision is not one that follows the advice. */
export function departsFromAdvice(advice: string | null, decision: string | null): boolean {
  const following = advice ? decisionsFollowingAdvice[advice as DsoAdvice] : undefined;
  return Boolean(advice && decision && following && !following.includes(decision as DpiaDecision));
}
