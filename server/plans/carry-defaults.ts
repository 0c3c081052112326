import type { RequirementCatalog } from '../../scoring/content/requirement-catalog';
import type { WriteTransaction } from '../db/transaction';
import { nowIso } from '../ids';

/**
 * The organisations' "hur" library follows the catalog: a requirement that replaces others gets
 * their texts (every distinct one, for a merge) where the organisation has none of its own yet.
 * The old texts stay, for assets still on the older catalog.
 */
export async function carryRequirementDefaults(trx: WriteTransaction, organisationIds: readonly string[], catalog: RequirementCatalog): Promise<void> {
  if (organisationIds.length === 0) return;
  const rows = await trx.selectFrom('requirement_defaults').select(['organisation_id', 'requirement_id', 'hur']).where('organisation_id', 'in', organisationIds).execute();
  const now = nowIso();
  for (const organisationId of organisationIds) {
    const own = new Map(rows.filter((row) => row.organisation_id === organisationId).map((row) => [row.requirement_id, row.hur]));
    for (const requirement of catalog.requirements) {
      if (own.has(requirement.id)) continue;
      const texts = [...new Set((requirement.replaces ?? []).map((ref) => own.get(ref.id)).filter((hur): hur is string => hur !== undefined))];
      if (texts.length === 0) continue;
      await trx.insertInto('requirement_defaults').values({ organisation_id: organisationId, requirement_id: requirement.id, hur: texts.join('\n\n'), updated_at: now }).execute();
    }
  }
}
