import type { Requirement } from '../content/requirement-catalog';

export interface RequirementRef {
  id: string;
  version: number;
}

/** What the successor map reads of a requirement: a whole catalog's requirements, or a plan's entries. */
export type VersionedRequirement = Pick<Requirement, 'id' | 'version' | 'replaces'>;

/**
 * For each requirement of earlier catalog versions, the requirements of this catalog that take
 * its place: those that list it under `replaces`, and a requirement with the same id. The server
 * uses it to carry an action plan's statuses over to a new catalog version.
 */
export function requirementSuccessors(catalog: { requirements: readonly VersionedRequirement[] }): (from: RequirementRef) => RequirementRef[] {
  const byId = new Map(catalog.requirements.map((requirement) => [requirement.id, requirement]));
  const replacing = new Map<string, RequirementRef[]>();
  for (const requirement of catalog.requirements) {
    for (const old of requirement.replaces ?? []) {
      const key = `${old.id}@${old.version}`;
      replacing.set(key, [...(replacing.get(key) ?? []), { id: requirement.id, version: requirement.version }]);
    }
  }
  return (from) => {
    const explicit = replacing.get(`${from.id}@${from.version}`) ?? [];
    const same = byId.get(from.id);
    const all = same && !explicit.some((ref) => ref.id === same.id) ? [...explicit, { id: same.id, version: same.version }] : explicit;
    return all;
  };
}

/**
 * The self-assessment statuses from least to most met. When several requirements merge into one,
 * the merged one is met only as far as its least-met part: a known gap (ej uppfyllt) outranks an
 * unknown (ej bedömd), and a part that did not apply (ej tillämpligt) yields to the parts that did.
 */
export const leastMetOrder = ['ej_uppfyllt', 'ej_bedomd', 'delvis_uppfyllt', 'risk_accepterad', 'uppfyllt', 'ej_tillampligt'] as const;

/** The index of the least-met status among the merged parts (the first one on a tie). */
export function leastMet(statuses: readonly (typeof leastMetOrder)[number][]): number {
  let best = 0;
  statuses.forEach((status, index) => {
    if (leastMetOrder.indexOf(status) < leastMetOrder.indexOf(statuses[best]!)) best = index;
  });
  return best;
}

/** Whether a status judged against `assessed` still holds for `current`, or must be judged again. */
export function needsReassessment(status: string, assessed: readonly RequirementRef[], current: RequirementRef): boolean {
  if (status === 'ej_bedomd') return false;
  return !(assessed.length === 1 && assessed[0]!.id === current.id && assessed[0]!.version === current.version);
}
