import type { LevelValue } from '../../scoring/classification/classification-types';
import type { ClassificationInForce } from './classification-in-force';
import type { ExportTable } from './export-table';

/**
 * The asset's levels in the form of the Swedish national value list "Säkerhetsklass" (klassning.md:
 * the KLASSA scale 0–4 is that list), for e-archive metadata: the object's profile, then each
 * informationsmängd, one row per aspect with the list's code and name. Not assessed stays empty —
 * never 0, which is a value of its own (Försumbar).
 */
export function sakerhetsklassTable(inForce: ClassificationInForce, asset: { id: string; name: string; externalId: string | null }): ExportTable {
  const decided = inForce.decidedAt.slice(0, 10);
  const row = (level: string, set: string | null, aspect: string, aspectName: string, value: LevelValue | null) => [asset.id, asset.externalId, asset.name, level, set, aspect, aspectName, value ? value.level : null, value ? value.name : 'Ej bedömd', decided, inForce.round];
  const { classification } = inForce;
  return {
    sheet: 'Säkerhetsklass',
    header: ['Id', 'Externt id', 'Informationstillgång', 'Nivå', 'Informationsmängd', 'Skyddsaspekt', 'Skyddsaspekt (namn)', 'Säkerhetsklass', 'Säkerhetsklass (benämning)', 'Fastställd', 'Version'],
    rows: [
      ...classification.profile.aspects.map((aspect) => row('Objekt', null, aspect.aspect, aspect.aspectName, aspect.level)),
      ...classification.informationSets.flatMap((set) => set.aspects.map((aspect) => row('Informationsmängd', set.name, aspect.aspect, aspect.aspectName, aspect.level))),
    ],
  };
}
