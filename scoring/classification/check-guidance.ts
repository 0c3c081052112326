import type { LagrumFile } from '../content/lagrum-list';
import type { RequirementCatalog } from '../content/requirement-catalog';
import type { ContentFile, ReferenceProblem } from './check-references';

const words = (text: string) => new Set(text.toLocaleLowerCase('sv').split(/[^\p{L}\p{N}_-]+/u).filter((word) => word !== ''));

/**
 * The keys a person must never read in a guidance text: requirement ids of the catalog, lagrum ids
 * that are no word of their own lagrum's name ("cybersakerhetslagen", but not "GDPR" or
 * "arkivlagen"), and snake_case codes such as a plan status.
 */
function internalKeys(catalogs: readonly RequirementCatalog[], lagrum: readonly LagrumFile[]): (word: string) => boolean {
  const keys = new Set(catalogs.flatMap((catalog) => catalog.requirements.map((requirement) => requirement.id)));
  for (const file of lagrum) for (const item of file.lagrum) if (!words(item.name).has(item.id)) keys.add(item.id);
  return (word) => keys.has(word) || /^[a-z0-9]+_[a-z0-9_]+$/.test(word);
}

/**
 * Guidance is advice next to a requirement, so it does not count as the requirement's text: it
 * may come with a new catalog version while every requirement keeps its version. Once a version of
 * a catalog gives guidance, that version and every later one give it for every requirement, and no
 * guidance names an internal key.
 */
export function checkCatalogGuidance(files: readonly ContentFile[]): ReferenceProblem[] {
  const catalogs = files.filter((entry) => entry.content.meta.kind === 'requirement-catalog');
  const lagrum = files.filter((entry) => entry.content.meta.kind === 'lagrum').map((entry) => entry.content as unknown as LagrumFile);
  const problems: ReferenceProblem[] = [];
  for (const entry of catalogs) {
    const catalog = entry.content as unknown as RequirementCatalog;
    const family = catalogs.map((other) => other.content as unknown as RequirementCatalog).filter((other) => other.meta.id === catalog.meta.id);
    const guided = family.filter((other) => other.meta.version <= catalog.meta.version && other.requirements.some((requirement) => requirement.guidance !== undefined));
    const since = Math.min(...guided.map((other) => other.meta.version));
    const internal = internalKeys(family, lagrum);
    catalog.requirements.forEach((requirement, index) => {
      const field = `requirements[${index}].guidance`;
      if (requirement.guidance === undefined) {
        if (guided.length > 0) problems.push({ file: entry.file, field, message: `"${requirement.id}" has no guidance; ${catalog.meta.id} gives guidance for every requirement from version ${since}` });
        return;
      }
      const named = [...words(requirement.guidance)].filter(internal);
      if (named.length > 0) problems.push({ file: entry.file, field, message: `the guidance names internal keys (${named.join(', ')}); write them in words` });
    });
  }
  return problems;
}
