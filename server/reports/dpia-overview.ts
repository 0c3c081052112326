import type { Kysely } from 'kysely';
import { dpiaStates, screeningStates } from '../../scoring/enumerations';
import type { Database } from '../db/schema';
import type { OrganisationTree } from '../organisations/organisation-tree';
import type { DpiaOverview } from './dpia-overview-schemas';
import { countByState, overviewRows } from './dpia-overview-store';

/** The list holds this many assets; a larger organisation is read through the inventory's filters. */
export const overviewListLimit = 500;

/**
 * The dataskyddsombud's overview (issue 17): how many assets of the organisation subtree stand at
 * each screening outcome and each DPIA step, and the assets that have either, linking to them.
 */
export async function dpiaOverview(db: Kysely<Database>, tree: OrganisationTree, organisationId: string, organisationIds: readonly string[]): Promise<DpiaOverview> {
  const [screenings, dpias, rows] = await Promise.all([
    countByState(db, organisationIds, 'screening'),
    countByState(db, organisationIds, 'dpia'),
    overviewRows(db, organisationIds, overviewListLimit + 1),
  ]);
  return {
    organisationId,
    organisationName: tree.get(organisationId)?.name ?? '',
    screenings: screeningStates.map((state) => ({ state, count: screenings.get(state) ?? 0 })),
    dpias: dpiaStates.map((state) => ({ state, count: dpias.get(state) ?? 0 })),
    assets: rows.slice(0, overviewListLimit),
    truncated: rows.length > overviewListLimit,
  };
}
