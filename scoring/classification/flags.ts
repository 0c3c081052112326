// Types only: the client imports this file, and the zod schemas behind the model must stay out of its bundle.
import type { ClassificationModel, CriticalCondition } from '../content/classification-model';
import type { ClassificationFlags, Flag, ProfileAspect } from './classification-types';
import { isSpecialLevel } from './levels';
import { personalDataLabels, type PersonalDataCategory } from './survey-properties';

const listed = (aspects: readonly ProfileAspect[]) => aspects.map((aspect) => aspect.level?.label ?? '').join(', ');

/** The areas, among those the condition names, that drove the aspect to its computed level. */
function drivingAreas(aspect: ProfileAspect, areas: readonly string[]): string[] {
  const names = aspect.drivenBy.flatMap((driver) => driver.areas).filter((area) => areas.includes(area.id)).map((area) => area.name);
  return [...new Set(names)];
}

function conditionHolds(condition: CriticalCondition, aspect: ProfileAspect): boolean {
  if (!condition.aspects.includes(aspect.aspect)) return false;
  if (condition.areas) return (aspect.computed?.level ?? -1) >= condition.atLeast && drivingAreas(aspect, condition.areas).length > 0;
  return (aspect.level?.level ?? -1) >= condition.atLeast;
}

function criticalFlag(model: ClassificationModel, profile: readonly ProfileAspect[]): Flag {
  // The model states one condition or a list of them.
  const conditions: CriticalCondition[] = [model.rules.critical].flat();
  const areaName = new Map(model.consequenceAreas.map((area) => [area.id, area.name]));
  const held = conditions.flatMap((condition) => {
    const by = profile.filter((aspect) => conditionHolds(condition, aspect));
    if (by.length === 0) return [];
    if (!condition.areas) return [`${listed(by)} når nivå ${condition.atLeast} eller högre.`];
    const areas = condition.areas;
    return by.map((aspect) => `${aspect.computed?.label ?? ''} genom ${drivingAreas(aspect, areas).join(', ')} når nivå ${condition.atLeast} eller högre.`);
  });
  if (held.length > 0) return { value: true, reason: held.join(' ') };
  const missed = conditions.map((condition) =>
    condition.areas
      ? `${condition.aspects.join(', ')} når inte nivå ${condition.atLeast} genom ${condition.areas.map((id) => areaName.get(id) ?? id).join(', ')}`
      : `ingen av ${condition.aspects.join(', ')} når nivå ${condition.atLeast}`,
  );
  const sentence = missed.join('; ');
  return { value: false, reason: `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.` };
}

/** The flags practice derives from a profile, with the thresholds taken from the model's rules. */
export function deriveFlags(
  model: ClassificationModel,
  profile: readonly ProfileAspect[],
  categories: readonly PersonalDataCategory[],
  reportingDuties?: readonly string[],
): ClassificationFlags {
  const { riskAnalysisFrom } = model.rules;
  const riskBy = profile.filter((aspect) => (aspect.level?.level ?? -1) >= riskAnalysisFrom);
  const specialBy = profile.filter((aspect) => isSpecialLevel(model, aspect.level?.level ?? null));
  const sensitive = categories.includes('kansliga');
  const flags: ClassificationFlags = {
    verksamhetskritisk: criticalFlag(model, profile),
    riskanalysRekommenderas: {
      value: riskBy.length > 0,
      reason: riskBy.length > 0 ? `${listed(riskBy)} når nivå ${riskAnalysisFrom} eller högre.` : `Ingen aspekt når nivå ${riskAnalysisFrom}.`,
    },
    sarskildAnalys: {
      value: specialBy.length > 0,
      reason:
        specialBy.length > 0
          ? `${listed(specialBy)}: informationen rör Sveriges säkerhet. Gör en särskild säkerhetsskyddsanalys med säkerhetsskyddschefen och skriv inga detaljer här.`
          : 'Ingen aspekt är markerad som synnerligen allvarlig.',
    },
    personuppgifter: {
      value: categories.length > 0,
      reason: categories.length > 0 ? `Personuppgifter är markerade: ${categories.map((category) => personalDataLabels[category]).join(', ')}.` : 'Inga personuppgifter är markerade.',
    },
    kansligaPersonuppgifter: {
      value: sensitive,
      reason: sensitive ? 'Känsliga personuppgifter (artikel 9) är markerade.' : 'Inga känsliga personuppgifter (artikel 9) är markerade.',
    },
  };
  // Only a form that asks about reporting duties can say there are none.
  if (reportingDuties !== undefined) {
    flags.anmalningsplikt = {
      value: reportingDuties.length > 0,
      reason:
        reportingDuties.length > 0
          ? `${reportingDuties.join('; ')}. Plikten höjer inte nivån men ska finnas med i incidentrutinen.`
          : 'Ingen anmälningsplikt vid en incident är markerad.',
    };
  }
  return flags;
}
