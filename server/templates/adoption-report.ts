import type { z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-context';
import { latestRound } from '../assessments/assessment-store';
import { templateFloorOf } from './template-floor-check';
import type { adoptionReportSchema } from './template-schemas';
import { compareSwedish } from '../text/swedish-keys';
import { adoptionsOfTemplate, findVersion, latestVersion, type Template } from './template-store';

export type AdoptionReport = z.infer<typeof adoptionReportSchema>;

/**
 * The ISAM's view of a city-wide system: which organisations adopted the template, on which
 * version, whether a newer one awaits their review, and where they raised or lowered a level.
 */
export async function adoptionReport(deps: AppDeps, template: Template): Promise<AdoptionReport> {
  const { db } = deps.database;
  const tree = await deps.organisations.current();
  const latest = (await latestVersion(db, template.id))!;
  const adoptions = [];
  for (const adoption of await adoptionsOfTemplate(db, template.id)) {
    const asset = await db.selectFrom('assets').select(['id', 'name', 'organisation_id']).where('id', '=', adoption.assetId).executeTakeFirstOrThrow();
    const version = (await findVersion(db, adoption.templateVersionId))!;
    const assessment = await latestRound(db, asset.id, 'classification');
    const floor = assessment ? await templateFloorOf(db, assessment, (assessment.result as { classification?: never } | null)?.classification) : undefined;
    adoptions.push({
      assetId: asset.id,
      assetName: asset.name,
      organisationId: asset.organisation_id,
      organisationName: tree.get(asset.organisation_id)?.name ?? '',
      version: version.version,
      changed: adoption.pendingVersionId !== null,
      classificationStatus: assessment?.status ?? null,
      profileText: assessment?.summary ?? null,
      deviations: (floor?.report.aspects ?? [])
        .filter((aspect) => aspect.deviation !== 'same')
        .map(({ aspect, templateLevel, localLevel, deviation, motivation, approved }) => ({ aspect, templateLevel, localLevel, deviation, motivation, approved })),
    });
  }
  adoptions.sort((a, b) => compareSwedish(a.organisationName, b.organisationName) || compareSwedish(a.assetName, b.assetName));
  return { template: { id: template.id, name: latest.name, latestVersion: latest.version }, adoptions };
}
