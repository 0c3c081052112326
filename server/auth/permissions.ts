import type { Role } from '../db/schema';

/**
 * The one permission table: which roles may do what in an organisation (a role held in an
 * organisation also holds in every organisation below it). Anything not listed is denied.
 */
export const permissions = {
  'organisation.read': ['admin', 'isam', 'dso', 'objektledare', 'beslutsfattare', 'granskare', 'sakerhetsskyddschef'],
  'organisation.manage': ['admin'],
  'user.manage': ['admin'],
  'asset.read': ['admin', 'isam', 'dso', 'objektledare', 'beslutsfattare', 'granskare', 'sakerhetsskyddschef'],
  'asset.write': ['admin', 'isam', 'objektledare'],
  'asset.archive': ['admin', 'isam'],
  'assessment.read': ['admin', 'isam', 'dso', 'objektledare', 'beslutsfattare', 'granskare', 'sakerhetsskyddschef'],
  'assessment.start': ['admin', 'isam', 'objektledare', 'dso'],
  'assessment.edit': ['admin', 'isam', 'objektledare', 'dso'],
  'assessment.submit': ['admin', 'isam', 'objektledare', 'dso'],
  'assessment.return': ['admin', 'isam', 'objektledare', 'dso', 'beslutsfattare'],
  'assessment.decide': ['beslutsfattare'],
  'assessment.mark_ready': ['objektledare'],
  'assessment.advise': ['dso'],
  // Säkerhetsskydd (issue 17): the säkerhetsskyddschef records where a level-4 mark's separate analysis is kept.
  'assessment.special_analysis': ['sakerhetsskyddschef'],
  'protocol.read': ['admin', 'isam', 'dso', 'objektledare', 'beslutsfattare', 'granskare', 'sakerhetsskyddschef'],
  // Sealing a protocol left pending by a failed seal: the deciding side, or the admin who fixed the seal.
  'protocol.seal': ['admin', 'beslutsfattare'],
  'plan.read': ['admin', 'isam', 'dso', 'objektledare', 'beslutsfattare', 'granskare', 'sakerhetsskyddschef'],
  'plan.edit': ['admin', 'isam', 'objektledare'],
  'plan.defaults': ['admin', 'isam'],
  // Moving plans to a newer kravkatalog (issue 17): the ISAM's call, for the whole organisation or one asset.
  'plan.catalog_move': ['admin', 'isam'],
  'audit.read': ['admin', 'isam', 'dso', 'objektledare', 'beslutsfattare', 'granskare', 'sakerhetsskyddschef'],
  'export.read': ['admin', 'isam', 'dso', 'objektledare', 'beslutsfattare', 'granskare', 'sakerhetsskyddschef'],
  // Oversight (issue 9): the ISAM's dashboard and Ledningens genomgång, read-only for granskare.
  'report.read': ['admin', 'isam', 'granskare'],
  // The dataskyddsombud's overview of screenings and DPIAs (issue 17): the DSO's own, and the ISAM's and granskare's to read.
  'dpia.overview': ['admin', 'isam', 'dso', 'granskare'],
  // The ISAM's conclusions and proposed actions in Ledningens genomgång (issue 17).
  'report.write': ['admin', 'isam'],
  'inventory.import': ['admin', 'isam'],
  // A review that finds nothing changed is approved like a decision, by the informationsägare's side.
  'review.confirm': ['beslutsfattare'],
  'review.settings': ['admin', 'isam'],
  // The annual budget the economic thresholds are a share of: set by the ISAM, read by everyone in the organisation.
  'organisation.budget': ['admin', 'isam'],
  // The tillämpningsförklaring's justifications of controls (issue 17): the ISAM's words.
  'soa.justify': ['admin', 'isam'],
  // Normative central classifications (issue 8): published by the central ISAM, adopted locally.
  'template.read': ['admin', 'isam', 'dso', 'objektledare', 'beslutsfattare', 'granskare', 'sakerhetsskyddschef'],
  'template.publish': ['admin', 'isam'],
  'template.adopt': ['admin', 'isam', 'objektledare'],
  'template.report': ['admin', 'isam', 'granskare'],
  // A lowering below the template is a risk decision: the informationsägare's side approves it.
  'template.approve_lowering': ['beslutsfattare'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function roleAllows(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
