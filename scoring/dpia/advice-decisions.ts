/**
 * The decisions that follow each piece of DSO advice. Any other decision goes against the advice,
 * and the decision maker must then say why (the domain's rule; the DSO advises, the nämnd decides).
 * Its own module so the client can explain the rule before the server enforces it.
 */
export const decisionsFollowingAdvice: Record<string, readonly string[]> = {
  tillstyrker: ['godkann', 'godkann-med-villkor'],
  'tillstyrker-med-villkor': ['godkann-med-villkor'],
  avstyrker: ['atervisas', 'stoppas'],
};

/** True when both are known and the decision is not one that follows the advice. */
export function departsFromAdvice(advice: string | null, decision: string | null): boolean {
  const following = advice ? decisionsFollowingAdvice[advice] : undefined;
  return Boolean(advice && decision && following && !following.includes(decision));
}
