import type { ClassificationModel } from '../content/classification-model';
import type { ClassificationFlags, ProfileAspect } from './classification-types';
import { isSpecialLevel } from './levels';
import type { PersonalDataCategory } from './survey-properties';

const listed = (aspects: readonly ProfileAspect[]) => aspects.map((aspect) => aspect.level?.label ?? '').join(', ');

/** The flags practice derives from a profile, with the thresholds taken from the model's rules. */
export function deriveFlags(model: ClassificationModel, profile: readonly ProfileAspect[], categories: readonly PersonalDataCategory[]): ClassificationFlags {
  const { critical, riskAnalysisFrom } = model.rules;
  const criticalBy = profile.filter((aspect) => critical.aspects.includes(aspect.aspect) && (aspect.level?.level ?? -1) >= critical.atLeast);
  const riskBy = profile.filter((aspect) => (aspect.level?.level ?? -1) >= riskAnalysisFrom);
  const specialBy = profile.filter((aspect) => isSpecialLevel(model, aspect.level?.level ?? null));
  const sensitive = categories.includes('kansliga');
  return {
    verksamhetskritisk: {
      value: criticalBy.length > 0,
      reason:
        criticalBy.length > 0
          ? `${listed(criticalBy)} når nivå ${critical.atLeast} eller högre.`
          : `Ingen av ${critical.aspects.join(', ')} når nivå ${critical.atLeast}.`,
    },
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
      reason: categories.length > 0 ? `Personuppgifter är markerade: ${categories.join(', ')}.` : 'Inga personuppgifter är markerade.',
    },
    kansligaPersonuppgifter: {
      value: sensitive,
      reason: sensitive ? 'Känsliga personuppgifter (artikel 9) är markerade.' : 'Inga känsliga personuppgifter (artikel 9) är markerade.',
    },
  };
}
