import type { RequirementCatalog } from '../content/requirement-catalog';

export interface RequirementRef {
  id: string;
  version: number;
}

/**
 * For each requirement of earlier catalog versions, the requirements of this catalog that take
 * its place: those that list it under `replaces`, and a requirement with the same id. The server
 * uses it to carry an action plan's statuses over to a new catalog version.
 */
export function requirementSuccessors(catalog: RequirementCatalog): (from: RequirementRef) => RequirementRef[] {
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
